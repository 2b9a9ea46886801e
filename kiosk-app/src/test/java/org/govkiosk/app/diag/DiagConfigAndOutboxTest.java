package org.govkiosk.app.diag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.govkiosk.app.diag.DiagFixtures.diag;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import org.govkiosk.testkit.MutableClock;
import org.govkiosk.app.diag.DiagFixtures.Run;
import org.govkiosk.app.outbox.EntryKind;
import org.govkiosk.app.outbox.Outbox;
import org.govkiosk.app.outbox.PayloadCipher;
import org.govkiosk.app.outbox.TestKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** config-check, outbox and the command line's own errors. */
class DiagConfigAndOutboxTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void theShippedConfigurationIsValid() throws Exception {
        Path config = Path.of(System.getProperty("govkiosk.config.dir", "../config"));
        Run run = diag("config-check", "--config", config.toString(), "--json");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        JsonNode json = JSON.readTree(run.out());
        assertThat(json.get("ok").asBoolean()).isTrue();
        assertThat(json.get("terminalId").asText()).isEqualTo("demo-terminal-001");
        assertThat(json.get("items").asInt()).isPositive();
    }

    @Test
    void aBrokenConfigurationExits78WithEveryProblem() throws Exception {
        Path config = DiagFixtures.config(dir.resolve("config"), dir.resolve("data"), """
                devices:
                  - id: printer-1
                    family: receipt-printer
                    transport: serial
                  - id: pad-1
                    family: rating-pads
                    transport: simulator
                """);
        Path terminal = config.resolve("terminal.yaml");
        Files.writeString(terminal, Files.readString(terminal).replace("idle-timeout: 90s", "idle-timeout: soon"));

        Run run = diag("config-check", "--config", config.toString());
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(DiagCli.CONFIG);
        assertThat(run.err()).contains("3 problems")
                .contains("devices.yaml: devices[0].port: required for transport serial")
                .contains("devices.yaml: devices[1].family: unknown device family 'rating-pads'")
                .contains("terminal.yaml: session.idle-timeout");

        Run json = diag("config-check", "--config", config.toString(), "--json");
        assertThat(json.exitCode()).isEqualTo(DiagCli.CONFIG);
        assertThat(JSON.readTree(json.out()).get("problems")).hasSize(3);

        Run probe = diag("probe", "printer-1", "--config", config.toString());
        assertThat(probe.exitCode()).as("a device command on a broken config").isEqualTo(DiagCli.CONFIG);

        Run none = diag("config-check", "--config", dir.resolve("nowhere").toString());
        assertThat(none.exitCode()).isEqualTo(DiagCli.CONFIG);
        assertThat(none.err()).contains("does not exist");
    }

    @Test
    void outboxShowsDepthAgeAndDeadLettersPerKindWithoutChangingTheFile() throws Exception {
        Path data = dir.resolve("data");
        Path file = OutboxInspector.outboxFile(data);
        MutableClock clock = new MutableClock(Instant.parse("2026-01-05T02:00:00Z"));
        byte[] personal = "{\"name\":\"张伟\",\"id\":\"110101198001011232\"}".getBytes(StandardCharsets.UTF_8);
        try (Outbox outbox = Outbox.open(file, new PayloadCipher(TestKeys.aes()), clock)) {
            outbox.add(EntryKind.CASE, "case-1", 5, personal);
            clock.advance(Duration.ofMinutes(10));
            long sent = outbox.add(EntryKind.CASE, "case-2", 5, personal);
            outbox.markSent(sent);
            long refused = outbox.add(EntryKind.CASE, "case-3", 5, personal);
            outbox.drop(refused, "item code unknown to the platform");
            long rating = outbox.add(EntryKind.RATING, "rating-1", 1, "{\"level\":5}".getBytes(StandardCharsets.UTF_8));
            outbox.confirm(rating, "R-1");
            clock.advance(Duration.ofMinutes(5));

            // The terminal still has the outbox open, as it would while a technician looks.
            String before = digest(file);
            Run run = diag(clock, "outbox", "--data-dir", data.toString(), "--json");
            assertThat(run.exitCode()).as(run.toString()).isZero();
            JsonNode json = JSON.readTree(run.out());
            assertThat(json.get("depth").asInt()).isEqualTo(2);
            assertThat(json.get("dead").asInt()).isEqualTo(1);
            assertThat(json.get("oldestAgeSeconds").asLong()).isEqualTo(15 * 60);
            JsonNode cases = json.get("kinds").get("CASE");
            assertThat(cases.get("pending").asInt()).isEqualTo(1);
            assertThat(cases.get("sent").asInt()).isEqualTo(1);
            assertThat(cases.get("dead").asInt()).isEqualTo(1);
            JsonNode ratings = json.get("kinds").get("RATING");
            assertThat(ratings.get("waiting").asInt()).isZero();
            assertThat(ratings.get("confirmed").asInt()).isEqualTo(1);
            assertThat(ratings.get("oldestAgeSeconds").isNull()).isTrue();
            assertThat(run.out() + run.err()).doesNotContain("110101198001011232").doesNotContain("item code");
            assertThat(digest(file)).as("read-only: the outbox file is unchanged").isEqualTo(before);

            Run text = diag(clock, "outbox", "--data-dir", data.toString());
            assertThat(text.out()).contains("depth 2, oldest 900 s, dead letters 1")
                    .containsPattern("CASE +waiting 2 \\(pending 1, sent 1\\), oldest 900 s, dead 1");
            // Another entry while diag is not running: the terminal's writes still work after diag read it.
            outbox.add(EntryKind.RATING, "rating-2", 1, new byte[] {1});
        }
    }

    @Test
    void aMissingOutboxIsNotFoundAndTheDataDirComesFromTheConfiguration() throws Exception {
        Path data = dir.resolve("data");
        Path config = DiagFixtures.config(dir.resolve("config"), data, "devices: []\n");
        Run run = diag("outbox", "--config", config.toString());
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(DiagCli.FAULT);
        assertThat(run.err()).contains("no outbox at " + OutboxInspector.outboxFile(data).toAbsolutePath());
        assertThat(Files.exists(OutboxInspector.outboxFile(data))).as("diag never creates an outbox").isFalse();
    }

    @Test
    void usageErrorsExitWith2() {
        assertThat(diag().exitCode()).isEqualTo(DiagCli.USAGE);
        Run unknown = diag("frobnicate");
        assertThat(unknown.exitCode()).isEqualTo(DiagCli.USAGE);
        assertThat(unknown.err()).contains("unknown command 'frobnicate'").contains("usage:");
        assertThat(diag("outbox", "--colour").exitCode()).isEqualTo(DiagCli.USAGE);
        assertThat(diag("probe", "--timeout", "soon").exitCode()).isEqualTo(DiagCli.USAGE);
        assertThat(diag("probe", "--family", "receipt-printer").exitCode()).isEqualTo(DiagCli.USAGE);
        assertThat(diag("probe", "--family", "toaster", "--port", "/dev/null").err())
                .contains("unknown device family 'toaster'");
        Run help = diag("--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("config-check").contains("exit codes");
    }

    /** The database file and its write-ahead log, where the terminal's (and any stray) writes land first. */
    private static String digest(Path file) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        sha.update(Files.readAllBytes(file));
        Path wal = file.resolveSibling(file.getFileName() + "-wal");
        if (Files.exists(wal)) {
            sha.update(Files.readAllBytes(wal));
        }
        return HexFormat.of().formatHex(sha.digest());
    }
}
