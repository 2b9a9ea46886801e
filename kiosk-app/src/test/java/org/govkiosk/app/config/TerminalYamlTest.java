package org.govkiosk.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.govkiosk.app.config.ConfigDir.problemAt;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.govkiosk.app.config.LaunchOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keys of terminal.yaml: each problem names terminal.yaml, the full key and what is wrong. */
class TerminalYamlTest {

    private static final String T = ConfigLoader.TERMINAL_FILE;

    @TempDir
    Path dir;

    private ConfigDir config() {
        return new ConfigDir(dir);
    }

    @Test
    void readsEveryKey() {
        TerminalConfig c = config().terminal("  mode: kiosk", "  mode: pad\n  window-name: 3号窗口")
                .terminal("elder-mode: false", "elder-mode: true").terminal("default-locale: zh-CN", "default-locale: en")
                .terminal("url: embedded", "url: https://gateway.example.gov.cn/kiosk").load();

        assertThat(c.terminal().mode()).isEqualTo(LaunchOptions.Mode.PAD);
        assertThat(c.terminal().window()).contains("3号窗口");
        assertThat(c.session().idleTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(c.session().warning()).isEqualTo(Duration.ofSeconds(10));
        assertThat(c.ui().defaultLocale()).isEqualTo(Locale.ENGLISH);
        assertThat(c.ui().elderMode()).isTrue();
        assertThat(c.maintenance().maxAttempts()).isEqualTo(3);
        assertThat(c.maintenance().lockout()).isEqualTo(Duration.ofMinutes(2));
        assertThat(c.platform().isEmbedded()).isFalse();
        assertThat(c.platform().url()).isEqualTo("https://gateway.example.gov.cn/kiosk");
    }

    @Test
    void optionalSectionsTakeTheirDefaults() {
        TerminalConfig c = config().terminal("""
                session:
                  idle-timeout: 60s
                  warning: 10s
                ui:
                  default-locale: zh-CN
                  locales: [zh-CN, en]
                  elder-mode: false
                maintenance:
                  max-attempts: 3
                  lockout: 2m
                """, "").load();

        assertThat(c.session()).isEqualTo(new TerminalConfig.Session(Duration.ofSeconds(90), Duration.ofSeconds(20)));
        assertThat(c.ui().locales()).containsExactly(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH,
                Locale.forLanguageTag("ug-CN"), Locale.forLanguageTag("mn-Mong-CN"));
        assertThat(c.ui().defaultLocale()).isEqualTo(Locale.SIMPLIFIED_CHINESE);
        assertThat(c.maintenance().pinHash()).isEmpty();
        assertThat(c.maintenance().maxAttempts()).isEqualTo(5);
        assertThat(c.terminal().window()).isEmpty();
    }

    @Test
    void theJourneysWaitsAndTheHallsCorrectionDaysAreRead() {
        TerminalConfig defaults = config().load();
        assertThat(defaults.session().deliveryWait()).isEqualTo(Duration.ofSeconds(5));
        assertThat(defaults.session().printTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(defaults.terminal().hall().correctionDays()).isEqualTo(5);

        TerminalConfig c = config().terminal("  warning: 10s\n", "  warning: 10s\n  delivery-wait: 12s\n"
                + "  print-timeout: 90s\n").terminal("  mode: kiosk\n", "  mode: kiosk\n  correction-days: 10\n")
                .load();
        assertThat(c.session().deliveryWait()).isEqualTo(Duration.ofSeconds(12));
        assertThat(c.session().printTimeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(c.terminal().hall().correctionDays()).isEqualTo(10);

        List<String> problems = config().terminal("  warning: 10s\n", "  warning: 10s\n  print-timeout: 1s\n")
                .terminal("  mode: kiosk\n", "  mode: kiosk\n  correction-days: 0\n").problems();
        problemAt(problems, T, "session.print-timeout", "5s", "1s");
        problemAt(problems, T, "terminal.correction-days", "1", "0");
    }

    @Test
    void printSectionIsReadAndDefaulted() {
        TerminalConfig defaults = config().load();
        assertThat(defaults.print()).isEqualTo(new TerminalConfig.Print(java.util.Optional.empty(),
                java.nio.file.Path.of("templates"), 80));

        TerminalConfig c = config().terminal("platform:", "print:\n  font-path: /opt/fonts/simsun.ttc\n"
                + "  templates: /etc/govkiosk/templates\n  receipt-width: 58\nplatform:").load();
        assertThat(c.print().fontPath()).contains(java.nio.file.Path.of("/opt/fonts/simsun.ttc"));
        assertThat(c.print().templatesDir()).isEqualTo(java.nio.file.Path.of("/etc/govkiosk/templates"));
        assertThat(c.print().receiptWidth()).isEqualTo(58);
    }

    @Test
    void printProblemsNameTheKey() {
        List<String> problems = config().terminal("platform:", "print:\n  font-path: NotoSansCJK.otc\n"
                + "  receipt-width: 72\nplatform:").problems();

        problemAt(problems, T, "print.font-path", "TrueType", "NotoSansCJK.otc");
        problemAt(problems, T, "print.receipt-width", "58 or 80", "72");
    }

    @Test
    void storageDirMustBeAbsoluteAndDefaultsPerTerminal() {
        TerminalConfig c = config().terminal("platform:", "storage:\n  data-dir: /var/lib/govkiosk\nplatform:").load();
        assertThat(c.storage().resolve("t-1")).isEqualTo(java.nio.file.Path.of("/var/lib/govkiosk"));
        assertThat(config().load().storage().resolve("t-1").endsWith(java.nio.file.Path.of("govkiosk", "t-1"))).isTrue();

        List<String> problems = config().terminal("platform:", "storage:\n  data-dir: data\nplatform:").problems();
        problemAt(problems, T, "storage.data-dir", "absolute", "data");
    }

    @Test
    void opsEndpointOnTheNetworkNeedsAToken() {
        assertThat(config().load().ops().listen()).contains(new java.net.InetSocketAddress("127.0.0.1", 9464));
        assertThat(config().terminal("platform:", "ops:\n  listen: \"off\"\nplatform:").load().ops().listen()).isEmpty();

        List<String> problems = config().terminal("platform:", "ops:\n  listen: 0.0.0.0:9464\nplatform:").problems();
        problemAt(problems, T, "ops.token-file", "required", "0.0.0.0:9464");
        problemAt(config().terminal("platform:", "ops:\n  listen: localhost\nplatform:").problems(), T, "ops.listen",
                "HOST:PORT");
        TerminalConfig exposed = config().terminal("platform:",
                "ops:\n  listen: 0.0.0.0:9464\n  token-file: /etc/govkiosk/ops-token\nplatform:").load();
        assertThat(exposed.ops().tokenFile()).contains(java.nio.file.Path.of("/etc/govkiosk/ops-token"));
    }

    @Test
    void isoDurationsAreAccepted() {
        TerminalConfig c = config().terminal("idle-timeout: 60s", "idle-timeout: PT2M").load();

        assertThat(c.session().idleTimeout()).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void unknownKeyIsNamedWithTheAllowedKeys() {
        List<String> problems = config().terminal("  warning: 10s", "  warning: 10s\n  countdown: 5s").problems();

        String p = problemAt(problems, T, "session.countdown", "unknown");
        assertThat(p).contains("idle-timeout", "warning");
    }

    @Test
    void misspelledKeySuggestsTheIntendedOne() {
        List<String> problems = config().terminal("idle-timeout: 60s", "idle_timeout: 60s").problems();

        problemAt(problems, T, "session.idle_timeout", "unknown", "idle-timeout");
    }

    @Test
    void unknownTopLevelSectionIsNamed() {
        List<String> problems = config().terminal("platform:", "printing:\n  copies: 2\nplatform:").problems();

        problemAt(problems, T, "printing", "unknown", "terminal", "platform");
    }

    @Test
    void durationOfTheWrongFormShowsTheValueAndTheExpectedForm() {
        List<String> problems = config().terminal("idle-timeout: 60s", "idle-timeout: soon").problems();

        problemAt(problems, T, "session.idle-timeout", "duration", "'soon'", "90s");
    }

    @Test
    void aBareNumberIsNotADuration() {
        List<String> problems = config().terminal("lockout: 2m", "lockout: 300").problems();

        problemAt(problems, T, "maintenance.lockout", "duration", "300");
    }

    @Test
    void wrongTypesAreNamed() {
        List<String> problems = config().terminal("elder-mode: false", "elder-mode: sometimes")
                .terminal("max-attempts: 3", "max-attempts: three").problems();

        problemAt(problems, T, "ui.elder-mode", "true or false", "sometimes");
        problemAt(problems, T, "maintenance.max-attempts", "number", "three");
        assertThat(problems).hasSize(2);
    }

    @Test
    void aSectionGivenAsAValueIsNamed() {
        List<String> problems = config().terminal("""
                session:
                  idle-timeout: 60s
                  warning: 10s
                """, "session: 60s\n").problems();

        problemAt(problems, T, "session", "section", "60s");
    }

    @Test
    void warningMustBeShorterThanIdleTimeout() {
        List<String> problems = config().terminal("warning: 10s", "warning: 2m").problems();

        problemAt(problems, T, "session.warning", "idle-timeout");
    }

    @Test
    void warningEqualToIdleTimeoutIsRejectedToo() {
        List<String> problems = config().terminal("warning: 10s", "warning: 60s").problems();

        problemAt(problems, T, "session.warning", "idle-timeout");
    }

    @Test
    void unknownLocaleIsNamedWithTheSupportedOnes() {
        List<String> problems = config().terminal("[zh-CN, en]", "[zh-CN, fr]").problems();

        String p = problemAt(problems, T, "ui.locales[1]", "fr");
        assertThat(p).contains(ConfigLoader.SUPPORTED_LOCALES);
    }

    @Test
    void defaultLocaleMustBeOneOfTheLocales() {
        List<String> problems = config().terminal("[zh-CN, en]", "[zh-CN]")
                .terminal("default-locale: zh-CN", "default-locale: en").problems();

        problemAt(problems, T, "ui.default-locale", "en", "zh-CN");
    }

    @Test
    void unknownDefaultLocaleIsNamed() {
        List<String> problems = config().terminal("default-locale: zh-CN", "default-locale: zh-TW").problems();

        problemAt(problems, T, "ui.default-locale", "zh-TW");
    }

    @Test
    void modeMustBeKioskOrPad() {
        List<String> problems = config().terminal("mode: kiosk", "mode: desk").problems();

        problemAt(problems, T, "terminal.mode", "kiosk", "pad", "desk");
    }

    @Test
    void urlMustBeEmbeddedOrHttp() {
        List<String> problems = config().terminal("url: embedded", "url: ftp://gateway.example.gov.cn").problems();

        problemAt(problems, T, "platform.url", "embedded", "http", "ftp://gateway.example.gov.cn");
    }

    /** Issue 14: a fake server at a plain-HTTP address saw ID numbers in clear and answered 201 for cases. */
    @Test
    void plainHttpToAPlatformOnTheNetworkIsAConfigurationError() {
        for (String url : new String[] {"http://10.20.30.40:8686/kiosk", "http://gateway.example.gov.cn",
            "http://[fd00::1]:8686"}) {
            problemAt(config().terminal("url: embedded", "url: " + url).problems(), T, "platform.url", "https",
                    url);
        }
        for (String url : new String[] {"http://127.0.0.1:8686", "http://localhost:8686/kiosk", "http://[::1]:8686",
            "https://10.20.30.40:8686/kiosk"}) {
            assertThat(config().terminal("url: embedded", "url: " + url).load().platform().url()).isEqualTo(url);
        }
    }

    @Test
    void urlWithoutAHostIsRejected() {
        List<String> problems = config().terminal("url: embedded", "url: https://").problems();

        problemAt(problems, T, "platform.url", "http");
    }

    @Test
    void hallNameMayGiveTheEnglishTheEnglishScreensShow() {
        TerminalConfig.Terminal t = config().terminal("  hall-name: 测试政务服务中心",
                "  hall-name: {zh: 测试政务服务中心, en: Test Government Service Center}").load().terminal();

        assertThat(t.hallName()).isEqualTo("测试政务服务中心");
        assertThat(t.hallName(Locale.ENGLISH)).isEqualTo("Test Government Service Center");
        assertThat(t.hallName(Locale.SIMPLIFIED_CHINESE)).isEqualTo("测试政务服务中心");
    }

    @Test
    void hallNameMayGiveTheUyghurTheUyghurScreensShow() {
        TerminalConfig.Terminal t = config().terminal("  hall-name: 测试政务服务中心",
                "  hall-name: {zh: 测试政务服务中心, en: Test Government Service Center, ug: سىناق مۇلازىمەت مەركىزى}")
                .load().terminal();

        assertThat(t.hallName(Locale.forLanguageTag("ug-CN"))).isEqualTo("سىناق مۇلازىمەت مەركىزى");
        assertThat(t.hallName(Locale.ENGLISH)).isEqualTo("Test Government Service Center");
        assertThat(t.hallName()).isEqualTo("测试政务服务中心");
    }

    @Test
    void hallNameMayGiveTheMongolianTheMongolianScreensShowBesideTheChinese() {
        TerminalConfig.Terminal t = config().terminal("  hall-name: 测试政务服务中心",
                "  hall-name: {zh: 测试政务服务中心, en: Test Government Service Center, mn: ᠦᠢᠯᠡᠴᠢᠯᠡᠭᠡ ᠶᠢᠨ ᠲᠥᠪ}")
                .load().terminal();
        Locale mn = Locale.forLanguageTag("mn-Mong-CN");

        assertThat(t.hallName(mn)).isEqualTo("测试政务服务中心");
        assertThat(t.hallNameMongolian(mn)).isEqualTo("ᠦᠢᠯᠡᠴᠢᠯᠡᠭᠡ ᠶᠢᠨ ᠲᠥᠪ");
        assertThat(t.hallNameMongolian(Locale.ENGLISH)).isEmpty();
        assertThat(config().load().terminal().hallNameMongolian(mn)).as("no mn: the Chinese alone").isEmpty();
    }

    @Test
    void aPlainHallNameIsShownInEveryLanguage() {
        TerminalConfig.Terminal t = config().load().terminal();

        assertThat(t.hallNameEnglish()).isEmpty();
        assertThat(t.hallName(Locale.ENGLISH)).isEqualTo("测试政务服务中心");
    }

    @Test
    void anEmptyEnglishOrAnUnknownLanguageOfTheHallNameIsAProblem() {
        List<String> empty = config().terminal("  hall-name: 测试政务服务中心",
                "  hall-name: {zh: 测试政务服务中心, en: ''}").problems();
        List<String> unknown = config().terminal("  hall-name: 测试政务服务中心",
                "  hall-name: {zh: 测试政务服务中心, kk: تەست}").problems();
        List<String> noChinese = config().terminal("  hall-name: 测试政务服务中心",
                "  hall-name: {en: Test Government Service Center}").problems();

        problemAt(empty, T, "terminal.hall-name.en", "must not be empty");
        problemAt(unknown, T, "terminal.hall-name.kk", "unknown key", "en", "zh");
        problemAt(unknown, T, "terminal.hall-name.en", "required");
        problemAt(noChinese, T, "terminal.hall-name.zh", "required");
    }

    @Test
    void requiredKeysAndSectionsAreNamed() {
        List<String> problems = config().terminal("  hall-name: 测试政务服务中心\n", "")
                .terminal("platform:\n  url: embedded\n", "").problems();

        problemAt(problems, T, "terminal.hall-name", "required");
        problemAt(problems, T, "platform", "required");
        assertThat(problems).hasSize(2);
    }

    @Test
    void terminalIdWithSpacesIsRejected() {
        List<String> problems = config().terminal("id: t-1", "id: hall 3 terminal").problems();

        problemAt(problems, T, "terminal.id", "hall 3 terminal");
    }

    @Test
    void malformedPinHashIsReportedWithoutEchoingIt() {
        String bad = "pbkdf2-sha256$600000$c2FsdHNhbHQ=$dG9vc2hvcnQ=";
        List<String> problems = config().terminal("  max-attempts: 3", "  pin-hash: \"" + bad + "\"\n  max-attempts: 3")
                .problems();

        String p = problemAt(problems, T, "maintenance.pin-hash", "hash");
        assertThat(p).doesNotContain("dG9vc2hvcnQ=");
    }

    @Test
    void aValidPinHashIsLoaded() {
        String hash = PinHash.hash("975310".toCharArray()).encoded();
        TerminalConfig c = config().terminal("  max-attempts: 3", "  pin-hash: \"" + hash + "\"\n  max-attempts: 3")
                .load();

        assertThat(c.maintenance().pinHash()).hasValueSatisfying(p -> assertThat(p.matches("975310".toCharArray())).isTrue());
    }

    @Test
    void lockoutTooShortToSlowGuessingIsRejected() {
        List<String> problems = config().terminal("lockout: 2m", "lockout: 1s").problems();

        problemAt(problems, T, "maintenance.lockout", "at least");
    }
}
