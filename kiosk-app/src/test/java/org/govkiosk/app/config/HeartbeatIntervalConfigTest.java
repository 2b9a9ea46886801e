package org.govkiosk.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** platform.heartbeat-interval: 60 s unless set, from 5 s to 1 h, a bad value named with its key. */
class HeartbeatIntervalConfigTest {

    @TempDir
    Path dir;

    private ConfigDir withInterval(String value) {
        return new ConfigDir(dir).terminal("url: embedded", "url: embedded\n  heartbeat-interval: " + value);
    }

    @Test
    void defaultsToAMinuteAndReadsAValue() {
        assertThat(new ConfigDir(dir).load().platform().heartbeatInterval()).isEqualTo(Duration.ofSeconds(60));
        assertThat(withInterval("30s").load().platform().heartbeatInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(withInterval("1h").load().platform().heartbeatInterval()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void theShippedConfigurationSetsTheDefault() throws Exception {
        assertThat(java.nio.file.Files.readString(Path.of("../config/terminal.yaml")))
                .contains("heartbeat-interval: 60s");
    }

    @Test
    void tooShortTooLongOrNotADurationIsRefused() {
        List<String> shortOne = withInterval("1s").problems();
        ConfigDir.problemAt(shortOne, ConfigLoader.TERMINAL_FILE, "platform.heartbeat-interval", "at least 5s");
        List<String> longOne = withInterval("2h").problems();
        ConfigDir.problemAt(longOne, ConfigLoader.TERMINAL_FILE, "platform.heartbeat-interval", "at most 1h");
        List<String> bare = withInterval("60").problems();
        ConfigDir.problemAt(bare, ConfigLoader.TERMINAL_FILE, "platform.heartbeat-interval", "expected a duration");
    }
}
