package org.govkiosk.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The switch that lets the reference platform decide 即办件 at once, and the issuer it prints on their results. */
class DecisionsConfigTest {

    @TempDir
    Path dir;

    @Test
    void onByDefaultAndOffWhenTheConfigSaysSo() throws Exception {
        PlatformConfig defaults = PlatformConfigLoader.fromArgs(new String[0], Map.of());
        assertThat(defaults.decisions().autoDecideImmediate()).isTrue();
        assertThat(PlatformConfig.embedded().decisions().autoDecideImmediate()).isTrue();

        Path yaml = Files.writeString(dir.resolve("gateway.yaml"), """
                auto-decide-immediate: false
                result-issuer: 示例市行政审批局
                """);
        PlatformConfig gateway = PlatformConfigLoader.fromArgs(new String[] {"--config=" + yaml}, Map.of());
        assertThat(gateway.decisions().autoDecideImmediate()).isFalse();
        assertThat(gateway.decisions().resultIssuer()).isEqualTo("示例市行政审批局");
        assertThat(gateway.toString()).contains("autoDecide=false");
        assertThat(PlatformConfigLoader.fromArgs(new String[] {"--auto-decide-immediate=off"}, Map.of())
                .decisions().autoDecideImmediate()).isFalse();
    }

    @Test
    void aValueThatIsNoSwitchNamesTheFileAndTheKey() throws Exception {
        Path yaml = Files.writeString(dir.resolve("bad.yaml"), "auto-decide-immediate: maybe\n");
        assertThatThrownBy(() -> PlatformConfigLoader.fromArgs(new String[] {"--config=" + yaml}, Map.of()))
                .hasMessageContaining("bad.yaml").hasMessageContaining("auto-decide-immediate: 'maybe'");
        assertThatThrownBy(() -> PlatformConfigLoader.fromArgs(new String[] {"--result-issuer=" + "局".repeat(61)},
                Map.of())).hasMessageContaining("result issuer");
    }
}
