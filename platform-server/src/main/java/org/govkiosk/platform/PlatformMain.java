package org.govkiosk.platform;

/**
 * Entry point of {@code govkiosk-platform.jar}. Picks the standalone logging configuration before any logger
 * exists (an embedding application keeps its own), then hands over to {@link PlatformServer#main}.
 */
public final class PlatformMain {

    private PlatformMain() {
    }

    public static void main(String[] args) {
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "org/govkiosk/platform/platform-logback.xml");
        }
        PlatformServer.main(args);
    }
}
