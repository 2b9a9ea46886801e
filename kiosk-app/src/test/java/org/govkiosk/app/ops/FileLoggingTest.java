package org.govkiosk.app.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class FileLoggingTest {

    private static final Logger log = LoggerFactory.getLogger(FileLoggingTest.class);

    @Test
    void writesTheTerminalsLogIntoItsDataDirectoryUntilClosed(@TempDir Path dir) throws Exception {
        Path logs = dir.resolve("logs");
        try (FileLogging files = FileLogging.attach(logs)) {
            assertThat(files).isNotNull();
            log.info("written while attached");
        }
        log.info("written after close");

        String text = Files.readString(logs.resolve("terminal.log"), StandardCharsets.UTF_8);
        assertThat(text).contains("written while attached").doesNotContain("written after close");
    }

    @Test
    void whatJavaFxAndTheJdkLogThroughJavaUtilLoggingReachesTheFile(@TempDir Path dir) throws Exception {
        JulBridge.install();
        JulBridge.install(); // twice: still one copy of each line
        Path logs = dir.resolve("logs");
        try (FileLogging files = FileLogging.attach(logs)) {
            java.util.logging.Logger.getLogger("com.sun.javafx.application.PlatformImpl")
                    .warning("a JavaFX start-up warning");
        }

        String text = Files.readString(logs.resolve("terminal.log"), StandardCharsets.UTF_8);
        assertThat(text).contains("WARN").contains("a JavaFX start-up warning");
        assertThat(text.split("a JavaFX start-up warning", -1)).hasSize(2);
    }
}
