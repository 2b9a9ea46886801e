package org.govkiosk.app.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.govkiosk.api.AuditHead;
import org.govkiosk.app.outbox.OutboxStatus;
import org.govkiosk.app.platform.HeartbeatContent;
import org.govkiosk.app.security.TerminalKeyStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14, attack 5: someone with write access to the terminal's disk but not its key store rewrites the audit
 * trail and re-chains it with plain SHA-256, the best one can do without the key: an edited entry, a forged
 * {@code maintenance-login-granted} inserted, an entry deleted from the middle, the tail cut. The technician's
 * check (the terminal's key, and the head the platform received with the last heartbeat) must find each one.
 */
class AuditTamperAttackTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T01:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private Path file;

    @BeforeEach
    void aTerminalsDay() throws Exception {
        file = dir.resolve("audit.log");
        try (AuditLog log = terminalLog(file)) {
            log.record("app-started", Map.of("mode", "kiosk"));
            log.record("session-ended", Map.of("reason", "IDLE"));
            log.record("maintenance-login-failed", Map.of("attempt", "1"));
            log.record("maintenance-login-failed", Map.of("attempt", "2"));
            log.record("maintenance-login-locked", Map.of("for", "PT5M"));
            log.record("session-ended", Map.of("reason", "FINISHED"));
            log.record("config-reloaded", Map.of("files", "terminal.yaml"));
            log.record("session-ended", Map.of("reason", "FINISHED"));
            log.record("app-stopped");
        }
        reportHead();
        assertThat(technicianVerifies(file).intact()).as("the untouched day verifies").isTrue();
    }

    @Test
    void anEditedEntryRechainedIsFound() throws Exception {
        rewrite(entries -> {
            AuditEntry e = entries.get(4);
            entries.set(4, new AuditEntry(e.seq(), e.at(), "session-ended", Map.of("reason", "IDLE"), null, null));
            return entries;
        });
        assertBroken();
    }

    @Test
    void aForgedMaintenanceLoginInsertedAndRechainedIsFound() throws Exception {
        rewrite(entries -> {
            AuditEntry before = entries.get(5);
            entries.add(6, new AuditEntry(0, before.at(), "maintenance-login-granted", new TreeMap<>(), null, null));
            return entries;
        });
        assertBroken();
    }

    @Test
    void anEntryDeletedFromTheMiddleAndRechainedIsFound() throws Exception {
        rewrite(entries -> {
            entries.remove(2);
            return entries;
        });
        assertBroken();
    }

    @Test
    void aCutTailIsFound() throws Exception {
        rewrite(entries -> new ArrayList<>(entries.subList(0, 6)));
        assertBroken();
    }

    private void assertBroken() throws Exception {
        AuditVerifier.Result r = technicianVerifies(file);
        assertThat(r.intact()).as("tampering found: %s", r).isFalse();
    }

    /** As the attacker: entries renumbered from 1 and re-chained with plain SHA-256 (no key). */
    private void rewrite(UnaryOperator<List<AuditEntry>> change) throws Exception {
        List<AuditEntry> entries = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            entries.add(AuditLog.JSON.readValue(line, AuditEntry.class));
        }
        List<AuditEntry> changed = change.apply(entries);
        AuditChain plain = new AuditChain(null);
        String prev = AuditChain.GENESIS;
        List<String> lines = new ArrayList<>();
        long seq = 0;
        for (AuditEntry e : changed) {
            AuditEntry unsigned = new AuditEntry(++seq, e.at(), e.event(), e.details(), prev, null);
            AuditEntry signed = unsigned.withHash(plain.hash(unsigned));
            lines.add(AuditLog.JSON.writeValueAsString(signed));
            prev = signed.hash();
        }
        Files.write(file, lines);
    }

    // --- How the terminal writes its audit trail and how a technician checks it. ---

    private TerminalKeyStore keys;
    /** What the platform holds: the head that left with the last heartbeat. */
    private AuditHead platformHead;

    /** Keyed from the terminal's key store, as AppContext opens it. */
    private AuditLog terminalLog(Path at) {
        keys = TerminalKeyStore.openOrCreate(dir.resolve("keys"), "key-store-password".toCharArray());
        AuditLog log = AuditLog.open(at, keys.auditKey(), CLOCK);
        heartbeats = new HeartbeatContent("T-1", CLOCK.instant(), Duration.ofMinutes(1), List::of,
                () -> new OutboxStatus(0, 0, 0, 0, Optional.empty(), Optional.empty()), CLOCK,
                () -> log.head().map(h -> new AuditHead(h.seq(), h.hash())));
        return log;
    }

    private HeartbeatContent heartbeats;

    /** The head that left the terminal with its last heartbeat, as the platform keeps it. */
    private void reportHead() {
        platformHead = heartbeats.get().auditHead();
        assertThat(platformHead.seq()).isEqualTo(9);
    }

    /** With the terminal's key and the platform's last known head. */
    private AuditVerifier.Result technicianVerifies(Path at) throws Exception {
        return AuditVerifier.verify(at, keys.auditKey(), new AuditLog.Head(platformHead.seq(), platformHead.mac()));
    }

    @Test
    void aLogAlsoRewrittenBeyondThePlatformsHeadIsFoundAndTheKeyIsNotAConstant() throws Exception {
        assertThat(keys.auditKey()).isNotEqualTo(TerminalKeyStore.openOrCreate(dir.resolve("other-keys"),
                "key-store-password".toCharArray()).auditKey());
        rewrite(entries -> entries);
        AuditVerifier.Result r = AuditVerifier.verify(file, keys.auditKey());
        assertThat(r.intact()).as("a plain SHA-256 chain does not pass for the keyed one").isFalse();
        assertThat(r.firstBadLine()).isEqualTo(1);
    }
}
