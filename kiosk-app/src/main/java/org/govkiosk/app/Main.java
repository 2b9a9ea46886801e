package org.govkiosk.app;

import javafx.application.Application;

/**
 * Entry point of the terminal jar. A plain class (not an {@link Application}) so the shaded jar starts JavaFX
 * from the class path without a module path.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
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
