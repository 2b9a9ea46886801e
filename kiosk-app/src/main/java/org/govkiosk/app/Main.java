package org.govkiosk.app;

import javafx.application.Application;

/**
 * Entry point of the terminal jar. A plain class (not an {@link Application}) so the shaded jar starts JavaFX
 * from the class path without a module path. {@code diag ...} runs the technicians' command line instead.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("diag")) {
            // The technicians' command line: no JavaFX, no UI, exits with the command's code.
            org.govkiosk.app.diag.DiagCli.main(java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        LaunchOptions options;
        try {
            options = LaunchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        KioskApplication.launchWith(options);
    }
}
