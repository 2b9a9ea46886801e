package org.govkiosk.app.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditLogTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T01:00:00Z"), ZoneOffset.UTC);
    private static final byte[] KEY = "terminal-audit-key-0123456789abc".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path dir;

    private Path writeFive(byte[] key) {
        Path file = dir.resolve("audit.log");
        try (AuditLog log = AuditLog.open(file, key, CLOCK)) {
            log.record("app-started", Map.of("mode", "kiosk"));
            log.record("maintenance-login-failed", Map.of("attempt", "1"));
            log.record("maintenance-login-granted");
            log.record("config-reloaded", Map.of("files", "terminal.yaml"));
            log.record("app-stopped");
        }
        return file;
    }

    @Test
    void anUntouchedFileVerifies() throws Exception {
        Path file = writeFive(null);
        assertThat(AuditVerifier.verify(file, null)).isEqualTo(new AuditVerifier.Result(true, 5, 0, ""));
    }

    @Test
    void anEditedEntryIsFoundAtItsLine() throws Exception {
        Path file = writeFive(null);
        List<String> lines = Files.readAllLines(file);
        lines.set(1, lines.get(1).replace("\"attempt\":\"1\"", "\"attempt\":\"0\""));
        Files.write(file, lines);

        AuditVerifier.Result r = AuditVerifier.verify(file, null);
        assertThat(r.intact()).isFalse();
        assertThat(r.firstBadLine()).isEqualTo(2);
        assertThat(r.reason()).contains("edited");
        assertThat(r.entries()).isEqualTo(1);
    }

    @Test
    void aRemovedOrMovedEntryBreaksTheChain() throws Exception {
        Path file = writeFive(null);
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        lines.remove(2);
        Files.write(file, lines);
        assertThat(AuditVerifier.verify(file, null).firstBadLine()).isEqualTo(3);

        Path other = writeFiveAt("other.log");
        List<String> swapped = new ArrayList<>(Files.readAllLines(other));
        Collections.swap(swapped, 3, 4);
        Files.write(other, swapped);
        assertThat(AuditVerifier.verify(other, null).firstBadLine()).isEqualTo(4);
    }

    private Path writeFiveAt(String name) {
        Path file = dir.resolve(name);
        try (AuditLog log = AuditLog.open(file, null, CLOCK)) {
            for (int i = 0; i < 5; i++) {
                log.record("event-" + i);
            }
        }
        return file;
    }

    @Test
    void aKeyedChainCannotBeRecomputedWithoutTheKey() throws Exception {
        Path file = writeFive(KEY);
        assertThat(AuditVerifier.verify(file, KEY).intact()).isTrue();
        assertThat(AuditVerifier.verify(file, null).intact()).as("plain SHA-256 is not the keyed chain").isFalse();
        assertThat(AuditVerifier.verify(file, "another-key".getBytes(StandardCharsets.US_ASCII)).firstBadLine())
                .isEqualTo(1);
    }

    @Test
    void reopeningContinuesTheChain() throws Exception {
        Path file = writeFive(KEY);
        try (AuditLog log = AuditLog.open(file, KEY, CLOCK)) {
            assertThat(log.size()).isEqualTo(5);
            log.record("app-started");
        }
        assertThat(AuditVerifier.verify(file, KEY)).isEqualTo(new AuditVerifier.Result(true, 6, 0, ""));
    }

    @Test
    void aLineCutShortByPowerLossIsCutOffAndTheRepairRecorded() throws Exception {
        Path file = writeFive(null);
        String partial = "{\"seq\":6,\"at\":\"2026-11-30T01:0";
        Files.writeString(file, partial, StandardOpenOption.APPEND);

        try (AuditLog log = AuditLog.open(file, null, CLOCK)) {
            log.record("app-started");
        }

        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(7);
        assertThat(lines.get(5)).contains("audit-tail-repaired", "\"bytes-cut\":\"" + partial.length() + "\"");
        assertThat(AuditVerifier.verify(file, null).intact()).isTrue();
    }

    @Test
    void personalDataIsMaskedBeforeItIsWritten() throws Exception {
        Path file = dir.resolve("audit.log");
        try (AuditLog log = AuditLog.open(file, null, CLOCK)) {
            log.record("case-queued", Map.of("note", "applicant 11010119900307123X phone 13812345678"));
        }
        String text = Files.readString(file);
        assertThat(text).doesNotContain("11010119900307123X", "13812345678")
                .contains("110***********123X", "138****5678");
    }

    @Test
    void anUnkeyedFileIsSetAsideAndAKeyedChainStartsThatNamesItsHead() throws Exception {
        Path file = writeFive(null);
        try (AuditLog log = AuditLog.open(file, KEY, CLOCK)) {
            log.record("app-started");
            assertThat(log.head().orElseThrow().seq()).isEqualTo(2);
        }
        assertThat(AuditVerifier.verify(file, KEY)).isEqualTo(new AuditVerifier.Result(true, 2, 0, ""));
        assertThat(Files.readAllLines(file).get(0)).contains("audit-chain-keyed", "\"seq\":\"5\"");
        try (var aside = Files.list(dir)) {
            Path old = aside.filter(p -> p.getFileName().toString().startsWith("audit.log.unkeyed-")).findFirst()
                    .orElseThrow();
            assertThat(AuditVerifier.verify(old, null).entries()).isEqualTo(5);
        }
    }
}
