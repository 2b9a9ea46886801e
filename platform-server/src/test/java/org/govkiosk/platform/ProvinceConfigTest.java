package org.govkiosk.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.govkiosk.platform.province.ProvinceSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The link to the provincial 好差评 system in platform.yaml: the shipped file, a linked hall, and mistakes. */
class ProvinceConfigTest {

    @TempDir
    Path dir;

    private ProvinceSettings load(String yaml) throws Exception {
        Path file = Files.writeString(dir.resolve("platform.yaml"), yaml);
        return PlatformConfigLoader.load(new String[] {"--config=" + file}, Map.of()).province();
    }

    @Test
    void theShippedFileIsNotLinked() {
        ProvinceSettings shipped = PlatformConfigLoader.load(new String[] {"--config=" + Path.of(
                "../config/platform.yaml")}, Map.of()).province();
        assertThat(shipped.url()).isEmpty();
        assertThat(shipped.batchSize()).isEqualTo(50);
        assertThat(shipped.maxAttempts()).isEqualTo(10);
    }

    @Test
    void aLinkedHallWithItsKeysFromFiles() throws Exception {
        Files.writeString(dir.resolve("key"), "c2hhcmVkLWtleS0xMjM0NTY3ODkw\n");
        Files.writeString(dir.resolve("notice-key"), "cHJvdmluY2Uta2V5LTEyMzQ1Njc4OTA=\n");
        ProvinceSettings s = load("""
                province:
                  url: https://hcp.province.example/hcp/v1/
                  key-id: "HALL-01"
                  key-file: key
                  notice-key-file: notice-key
                  batch-size: 20
                  max-attempts: 5
                  retry-base-seconds: 30
                """);
        assertThat(s.url()).contains(URI.create("https://hcp.province.example/hcp/v1"));
        assertThat(s.keyId()).isEqualTo("HALL-01");
        assertThat(new String(s.key())).isEqualTo("shared-key-1234567890");
        assertThat(new String(s.provinceKey())).isEqualTo("province-key-1234567890");
        assertThat(s.batchSize()).isEqualTo(20);
        assertThat(s.maxAttempts()).isEqualTo(5);
        assertThat(s.retryBase()).isEqualTo(Duration.ofSeconds(30));
        assertThat(s.toString()).doesNotContain("shared-key");
    }

    @Test
    void mistakesStopTheStartNamingTheKey() throws Exception {
        Files.writeString(dir.resolve("short"), "c2hvcnQ=\n");
        assertThatThrownBy(() -> load("province:\n  url: http://hcp.province.example/x\n  key-id: A\n"
                + "  key-file: short\n"))
                .hasMessageContaining("platform.yaml: province.url: must be https")
                .hasMessageContaining("province.key-file: the key in");
        assertThatThrownBy(() -> load("province:\n  url: https://hcp.province.example/x\n"))
                .hasMessageContaining("province.key-id: required").hasMessageContaining("province.key-file: required");
        assertThatThrownBy(() -> load("province:\n  batch-sise: 5\n")).hasMessageContaining("batch-size");
        assertThatThrownBy(() -> load("province:\n  max-attempts: 0\n"))
                .hasMessageContaining("province.max-attempts: must be 1..100");
        assertThatThrownBy(() -> PlatformConfigLoader.load(new String[] {"--province=x"}, Map.of()))
                .hasMessageContaining("only in the config file");
    }
}
