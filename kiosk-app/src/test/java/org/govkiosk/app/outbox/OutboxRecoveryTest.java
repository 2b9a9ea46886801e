package org.govkiosk.app.outbox;

import org.govkiosk.testkit.MutableClock;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Random;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A damaged outbox file is reported, moved aside, and what can be read is kept. */
class OutboxRecoveryTest {

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2025-03-01T08:00:00Z"));
    private final SecretKey key = TestKeys.aes();

    private Outbox open() {
        return Outbox.open(dir.resolve("outbox.db"), new PayloadCipher(key), clock);
    }

    private void fill(int entries) {
        byte[] filler = new byte[900];
        new Random(1).nextBytes(filler);
        try (Outbox outbox = open()) {
            for (int i = 0; i < entries; i++) {
                byte[] payload = ("{\"n\":" + i + ",\"pad\":\"" + java.util.HexFormat.of().formatHex(filler) + "\"}")
                        .getBytes(UTF_8);
                outbox.add(EntryKind.CASE, "key-" + i, 0, payload);
            }
        } // closing the last connection checkpoints the WAL into the main file
    }

    @Test
    void aGarbageFileIsMovedAsideAndAFreshOutboxOpens() throws IOException {
        byte[] garbage = new byte[64 * 1024];
        new Random(7).nextBytes(garbage);
        Files.write(dir.resolve("outbox.db"), garbage);

        try (Outbox outbox = open()) {
            OutboxRecovery recovery = outbox.recovery().orElseThrow();
            assertThat(recovery.salvaged()).isZero();
            assertThat(recovery.cause()).containsIgnoringCase("not a database");
            assertThat(Files.readAllBytes(recovery.movedTo())).isEqualTo(garbage);
            assertThat(outbox.status().recovery()).contains(recovery);

            outbox.add(EntryKind.CASE, "after", 0, "{}".getBytes(UTF_8));
            assertThat(outbox.peek()).isPresent();
        }
        try (Outbox reopened = open()) {
            assertThat(reopened.recovery()).isEmpty();
            assertThat(reopened.find("after")).isPresent();
        }
    }

    @Test
    void aTruncatedFileKeepsTheEntriesThatCanStillBeRead() throws IOException {
        fill(200);
        Path file = dir.resolve("outbox.db");
        long size = Files.size(file);
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(size / 2);
        }

        try (Outbox outbox = open()) {
            OutboxRecovery recovery = outbox.recovery().orElseThrow();
            assertThat(recovery.readToEnd()).isFalse();
            assertThat(recovery.salvaged()).isBetween(20, 199);
            assertThat(Files.size(recovery.movedTo())).isEqualTo(size / 2);
            assertThat(outbox.status().pending()).isEqualTo(recovery.salvaged());

            // Salvaged entries are whole: their payloads still decrypt and carry their own data.
            String firstKey = recovery.salvagedKeys().get(0);
            OutboxMessage first = outbox.peek().orElseThrow();
            assertThat(first.entry().idempotencyKey()).isEqualTo(firstKey);
            assertThat(new String(first.payload(), UTF_8)).startsWith("{\"n\":" + firstKey.substring(4) + ",");
        }
    }

    @Test
    void aFileTruncatedToNothingButItsHeaderIsReported() throws IOException {
        fill(50);
        Path file = dir.resolve("outbox.db");
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(100);
        }
        try (Outbox outbox = open()) {
            assertThat(outbox.recovery()).isPresent();
            assertThat(outbox.status().waiting()).isEqualTo(outbox.recovery().orElseThrow().salvaged());
        }
    }

    @Test
    void aHealthyFileIsNotTouched() {
        fill(5);
        try (Outbox outbox = open()) {
            assertThat(outbox.recovery()).isEmpty();
            assertThat(outbox.status().pending()).isEqualTo(5);
        }
    }
}
