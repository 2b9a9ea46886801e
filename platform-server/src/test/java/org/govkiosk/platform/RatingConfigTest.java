package org.govkiosk.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.govkiosk.platform.ratings.RatingSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rating window and the SMS gateway in platform.yaml: the shipped file, a hall's gateway, and mistakes. */
class RatingConfigTest {

    @TempDir
    Path dir;

    @Test
    void theShippedFileKeepsInvitationsInTheOutboxWithAFiveWorkingDayWindow() {
        RatingSettings shipped = PlatformConfigLoader.load(new String[] {"--config=" + Path.of("../config/platform.yaml")},
                Map.of()).ratings();
        assertThat(shipped.windowWorkingDays()).isEqualTo(5);
        assertThat(shipped.jobInterval()).isEqualTo(Duration.ofSeconds(60));
        assertThat(shipped.smsSignature()).isEqualTo("政务服务");
        assertThat(shipped.sms().url()).isEmpty();
        assertThat(shipped.scheduled()).isTrue();
    }

    @Test
    void aHallsGatewayWithItsKeyFromAFileOrTheEnvironment() throws Exception {
        Path key = Files.writeString(dir.resolve("sms-key"), "k-123\n");
        Path yaml = Files.writeString(dir.resolve("platform.yaml"), """
                rating-window-working-days: 7
                sms-signature: 示例市政务服务中心
                sms-url: https://sms.example.gov.cn/api/send
                sms-key-file: %s
                sms-request-timeout-seconds: 20
                """.formatted(key));
        RatingSettings hall = PlatformConfigLoader.load(new String[] {"--config=" + yaml}, Map.of()).ratings();
        assertThat(hall.windowWorkingDays()).isEqualTo(7);
        assertThat(hall.smsSignature()).isEqualTo("示例市政务服务中心");
        assertThat(hall.sms().url()).contains(URI.create("https://sms.example.gov.cn/api/send"));
        assertThat(hall.sms().key()).contains("k-123");
        assertThat(hall.sms().requestTimeout()).isEqualTo(Duration.ofSeconds(20));
        assertThat(hall.sms().toString()).doesNotContain("k-123");
        assertThat(PlatformConfigLoader.load(new String[] {"--sms-url=https://sms.example.gov.cn/s"},
                Map.of("GOVKIOSK_SMS_KEY", "env-key")).ratings().sms().key()).contains("env-key");
    }

    @Test
    void aHallsSmscOverSmppWithItsAccountAndSenderNumber() throws Exception {
        Path password = Files.writeString(dir.resolve("smpp-password"), "pw-1234\n");
        Path yaml = Files.writeString(dir.resolve("platform.yaml"), """
                sms-url: smpps://smsc.example.gov.cn:3550
                sms-key-file: %s
                sms-system-id: zwfw01
                sms-source-address: "106900001234"
                """.formatted(password));
        RatingSettings hall = PlatformConfigLoader.load(new String[] {"--config=" + yaml}, Map.of()).ratings();
        assertThat(hall.sms().smpp()).isTrue();
        assertThat(hall.sms().systemId()).contains("zwfw01");
        assertThat(hall.sms().sourceAddress()).contains("106900001234");
        assertThat(hall.sms().key()).contains("pw-1234");
        assertThat(hall.sms().toString()).doesNotContain("pw-1234");
        Path missing = Files.writeString(dir.resolve("missing.yaml"), """
                sms-url: smpps://smsc.example.gov.cn:3550
                sms-key-file: %s
                """.formatted(password));
        assertThatThrownBy(() -> PlatformConfigLoader.load(new String[] {"--config=" + missing}, Map.of()))
                .hasMessageContaining("missing.yaml").hasMessageContaining("sms-system-id");
    }

    @Test
    void mistakesStopTheStartNamingTheKey() throws Exception {
        Path plain = Files.writeString(dir.resolve("plain.yaml"), "sms-url: http://sms.example.gov.cn/send\n");
        assertThatThrownBy(() -> PlatformConfigLoader.load(new String[] {"--config=" + plain}, Map.of()))
                .hasMessageContaining("plain.yaml").hasMessageContaining("sms-url must be https");
        Path words = Files.writeString(dir.resolve("words.yaml"), "rating-window-working-days: five\n");
        assertThatThrownBy(() -> PlatformConfigLoader.load(new String[] {"--config=" + words}, Map.of()))
                .hasMessageContaining("rating-window-working-days");
        Path typo = Files.writeString(dir.resolve("typo.yaml"), "sms-ulr: https://sms.example.gov.cn\n");
        assertThatThrownBy(() -> PlatformConfigLoader.load(new String[] {"--config=" + typo}, Map.of()))
                .hasMessageContaining("sms-url");
        assertThatThrownBy(() -> PlatformConfigLoader.load(new String[] {"--rating-window-working-days=0"},
                Map.of())).hasMessageContaining("rating-window-working-days must be 1..30");
        assertThatThrownBy(() -> PlatformConfigLoader.load(new String[] {"--sms-connect-timeout-seconds=0"},
                Map.of())).hasMessageContaining("1 s to 120 s");
        Path catalog = Files.writeString(dir.resolve("catalog.yaml"), """
                items:
                  - code: "A1"
                    name: 甲
                    time-limit: {promised-days: 5}
                    rating-questions:
                      - {code: OVERALL, text: {zh: 问, en: Q}}
                """);
        assertThatThrownBy(() -> PlatformConfigLoader.load(new String[] {"--catalog=" + catalog}, Map.of()))
                .hasMessageContaining("catalog.yaml: items[0].rating-questions[0].code");
    }
}
