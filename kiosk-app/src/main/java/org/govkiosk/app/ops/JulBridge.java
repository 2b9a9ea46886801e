package org.govkiosk.app.ops;

import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Sends what JavaFX and the JDK log through {@code java.util.logging} to SLF4J: into the terminal's log file (which
 * technicians export) and the journal in the same format as the terminal's own lines, instead of a second,
 * differently formatted stream on stderr that the file never sees.
 */
public final class JulBridge {

    private JulBridge() {
    }

    /** Replaces java.util.logging's console handler with the bridge; a second call changes nothing. */
    public static void install() {
        if (!SLF4JBridgeHandler.isInstalled()) {
            SLF4JBridgeHandler.removeHandlersForRootLogger();
            SLF4JBridgeHandler.install();
        }
    }
}
