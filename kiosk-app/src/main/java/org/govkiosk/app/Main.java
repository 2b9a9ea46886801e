package org.govkiosk.app;

import javafx.application.Application;
import org.govkiosk.app.config.ConfigException;
import org.govkiosk.app.config.LaunchOptions;

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
        org.govkiosk.app.ops.JulBridge.install(); // before JavaFX starts: its start-up logs through JUL
        try {
            KioskApplication.launchWith(options, System.out, System.err);
        } catch (RuntimeException e) {
            if (isBadConfiguration(e)) {
                // init() has named every problem on stderr already. 78 is what the unit's RestartPreventExitStatus
                // matches: without it JavaFX's launch failure ends the JVM with 1 and systemd restarts in a loop.
                System.exit(KioskApplication.EXIT_BAD_CONFIG);
            }
            throw e;
        }
    }

    /** JavaFX wraps what init() threw, once or twice depending on the path; the cause chain holds it. */
    static boolean isBadConfiguration(Throwable e) {
        Throwable t = e;
        for (int depth = 0; t != null && depth < 16; depth++, t = t.getCause()) { // bounded: a cycle cannot hang us
            if (t instanceof ConfigException) {
                return true;
            }
        }
        return false;
    }
}
