package org.govkiosk.app.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.govkiosk.api.SmCrypto;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An HMAC-SM3 audit chain: each entry names its MAC and is its HMAC-SM3; edits and the wrong MAC are found. */
class AuditChainSmTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-06T01:00:00Z"), ZoneOffset.UTC);
    private static final byte[] KEY = "terminal-audit-key-0123456789abc".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path dir;

    private Path writeThree() {
        Path file = dir.resolve("audit.log");
        try (AuditLog log = AuditLog.open(file, KEY, AuditMac.HMAC_SM3, CLOCK)) {
            log.record("app-started", Map.of("mode", "kiosk"));
            log.record("maintenance-login-granted");
            log.record("app-stopped");
        }
        return file;
    }

    @Test
    void eachEntryNamesHmacSm3AndIsTheHmacSm3OfItsOtherFields() throws Exception {
        Path file = writeThree();
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(3).allSatisfy(l -> assertThat(l).contains("\"mac\":\"hmac-sm3\""));
        for (String line : lines) {
            String hash = line.replaceFirst(".*\"hash\":\"([0-9a-f]{64})\"}$", "$1");
            String unsigned = line.replaceFirst(",\"hash\":\"[0-9a-f]{64}\"}$", "}");
            assertThat(HexFormat.of().formatHex(SmCrypto.hmacSm3(KEY, unsigned.getBytes(StandardCharsets.UTF_8))))
                    .isEqualTo(hash);
        }
        assertThat(AuditVerifier.verify(file, KEY, AuditMac.HMAC_SM3))
                .isEqualTo(new AuditVerifier.Result(true, 3, 0, ""));
    }

    @Test
    void anEditedEntryIsFound() throws Exception {
        Path file = writeThree();
        List<String> lines = Files.readAllLines(file);
        lines.set(1, lines.get(1).replace("maintenance-login-granted", "maintenance-login-failed"));
        Files.write(file, lines);
        AuditVerifier.Result r = AuditVerifier.verify(file, KEY, AuditMac.HMAC_SM3);
        assertThat(r.intact()).isFalse();
        assertThat(r.firstBadLine()).isEqualTo(2);
        assertThat(r.reason()).contains("edited");
    }

    @Test
    void checkedWithAnotherMacTheVerifierSaysSoInsteadOfGuessing() throws Exception {
        Path file = writeThree();
        AuditVerifier.Result r = AuditVerifier.verify(file, KEY, AuditMac.HMAC_SHA256);
        assertThat(r.intact()).isFalse();
        assertThat(r.firstBadLine()).isEqualTo(1);
        assertThat(r.reason()).isEqualTo("chained with hmac-sm3, but this terminal's audit chain is hmac-sha256");
        // A line stripped of its mac field, to pass for the default chain, is refused too.
        Path stripped = dir.resolve("stripped.log");
        Files.write(stripped, Files.readAllLines(file).stream().map(l -> l.replace(",\"mac\":\"hmac-sm3\"", ""))
                .toList());
        assertThat(AuditVerifier.verify(stripped, KEY, AuditMac.HMAC_SM3).reason())
                .isEqualTo("chained with hmac-sha256 (no mac field), but this terminal's audit chain is hmac-sm3");
    }

    @Test
    void theDefaultChainsEntriesCarryNoMacField() throws Exception {
        Path file = dir.resolve("default.log");
        try (AuditLog log = AuditLog.open(file, KEY, CLOCK)) {
            log.record("app-started", Map.of("mode", "kiosk"));
        }
        assertThat(Files.readString(file)).doesNotContain("\"mac\"");
        assertThat(AuditVerifier.verify(file, KEY).intact()).isTrue();
    }
}
