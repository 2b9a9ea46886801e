package org.govkiosk.platform;

import org.govkiosk.platform.config.PlatformConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The switch that lets the reference platform decide 即办件 at once, and the issuer it prints on their results. */
class DecisionsConfigTest {

    /** fonts-wqy-zenhei, which the result documents need anyway (test-all.sh installs it). */
    private static final Path WQY_ZENHEI = Path.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc");

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
    void theResultFontIsOptionalAndMustBeReadableWhenSet() throws Exception {
        assertThat(PlatformConfigLoader.fromArgs(new String[0], Map.of()).decisions().resultFont()).isEmpty();
        Path font = WQY_ZENHEI; // fonts-wqy-zenhei, which the result documents need anyway
        Path yaml = Files.writeString(dir.resolve("font.yaml"), "result-font: " + font + "\n");
        assertThat(PlatformConfigLoader.fromArgs(new String[] {"--config=" + yaml}, Map.of()).decisions()
                .resultFont()).contains(font);
        assertThat(PlatformConfigLoader.fromArgs(new String[] {"--result-font=" + font}, Map.of()).decisions()
                .resultFont()).contains(font);
        Path missing = dir.resolve("missing.ttc");
        assertThatThrownBy(() -> PlatformConfigLoader.fromArgs(new String[] {"--result-font=" + missing}, Map.of()))
                .hasMessageContaining("result-font: cannot read " + missing);
        Path cff = Files.write(dir.resolve("NotoSansCJK.otf"), new byte[] {'O', 'T', 'T', 'O', 0, 9, 0, 0});
        Path bad = Files.writeString(dir.resolve("cff.yaml"), "result-font: " + cff + "\n");
        assertThatThrownBy(() -> PlatformConfigLoader.fromArgs(new String[] {"--config=" + bad}, Map.of()))
                .hasMessageContaining("cff.yaml: result-font: " + cff)
                .hasMessageContaining("CFF (PostScript) outlines, which PDFBox cannot embed");
        // A gateway that decides nothing embeds no font: only that the file is there is checked.
        assertThat(PlatformConfigLoader.fromArgs(new String[] {"--auto-decide-immediate=false",
                "--result-font=" + cff}, Map.of()).decisions().resultFont()).contains(cff);
    }

    @Test
    void aPlatformWhoseConfiguredResultFontCannotBeUsedRefusesToStart() throws Exception {
        Path cff = Files.write(dir.resolve("NotoSansCJK.otf"), new byte[] {'O', 'T', 'T', 'O', 0, 9, 0, 0});
        PlatformConfig config = PlatformConfig.embedded().withDecisions(
                new PlatformConfig.Decisions(true, "示例市政务服务中心", Optional.of(cff)));
        assertThatThrownBy(() -> PlatformServer.start(config).close())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("result-font")
                .hasMessageContaining("CFF (PostScript) outlines");
        // A gateway that does not decide by itself makes no documents and does not care.
        PlatformConfig gateway = PlatformConfig.embedded().withDecisions(
                new PlatformConfig.Decisions(false, "示例市政务服务中心", Optional.of(cff)));
        PlatformServer.start(gateway).close();
        // The usual Debian font is what a configured path usually points to.
        Path debian = WQY_ZENHEI;
        if (Files.isRegularFile(debian)) {
            PlatformServer.start(PlatformConfig.embedded().withDecisions(
                    new PlatformConfig.Decisions(true, "示例市政务服务中心", Optional.of(debian)))).close();
        }
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
