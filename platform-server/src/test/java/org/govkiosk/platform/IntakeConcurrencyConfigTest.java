package org.govkiosk.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.govkiosk.platform.config.PlatformConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How many cases an instance handles at once once their bodies are read (issue 21): as many as its cores unless the
 * config says otherwise, 0 for no limit, nothing negative.
 */
class IntakeConcurrencyConfigTest {

    @TempDir
    Path dir;

    @Test
    void theCoresByDefaultWhatTheConfigSaysOtherwiseAndNeverBelowZero() throws Exception {
        PlatformConfig defaults = PlatformConfigLoader.fromArgs(new String[0], Map.of());
        assertThat(defaults.exposure().intakeConcurrency()).isEqualTo(Runtime.getRuntime().availableProcessors())
                .isPositive();
        Path yaml = Files.writeString(dir.resolve("gateway.yaml"), "intake-concurrency: 6\n");
        assertThat(PlatformConfigLoader.fromArgs(new String[] {"--config=" + yaml}, Map.of()).exposure()
                .intakeConcurrency()).isEqualTo(6);
        assertThat(PlatformConfigLoader.fromArgs(new String[] {"--intake-concurrency=0"}, Map.of()).exposure()
                .intakeConcurrency()).as("no limit").isZero();
        Path negative = Files.writeString(dir.resolve("negative.yaml"), "intake-concurrency: -1\n");
        assertThatThrownBy(() -> PlatformConfigLoader.fromArgs(new String[] {"--config=" + negative}, Map.of()))
                .hasMessageContaining("intake-concurrency");
    }
}
