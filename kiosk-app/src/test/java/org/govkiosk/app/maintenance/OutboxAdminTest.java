package org.govkiosk.app.maintenance;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.crypto.KeyGenerator;
import org.govkiosk.testkit.MutableClock;
import org.govkiosk.app.outbox.EntryKind;
import org.govkiosk.app.outbox.EntryState;
import org.govkiosk.app.outbox.Outbox;
import org.govkiosk.app.outbox.PayloadCipher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The outbox as maintenance mode shows it, on a real outbox file. */
class OutboxAdminTest {

    private static final String ID_NUMBER = "110101199003071234";

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2025-03-01T08:00:00Z"));
    private final List<String> audited = new ArrayList<>();
    private Outbox outbox;
    private OutboxAdmin admin;

    @BeforeEach
    void open() throws Exception {
        KeyGenerator aes = KeyGenerator.getInstance("AES");
        aes.init(256);
        outbox = Outbox.open(dir.resolve("outbox.db"), new PayloadCipher(aes.generateKey()), clock);
        admin = new OutboxAdmin(outbox, (event, details) -> audited.add(event + " " + details), clock);
    }

    @AfterEach
    void close() {
        outbox.close();
    }

    private long add(EntryKind kind, String key) {
        return outbox.add(kind, key, 0, ("{\"idNumber\":\"" + ID_NUMBER + "\"}").getBytes(UTF_8));
    }

    @Test
    void countsEveryKindInEveryStateAndTheDepthAndAgeOfWhatWaits() {
        add(EntryKind.CASE, "c-1");
        clock.advance(Duration.ofMinutes(5));
        long sent = add(EntryKind.CASE, "c-2");
        outbox.markSent(sent);
        long confirmed = add(EntryKind.RATING, "r-1");
        outbox.confirm(confirmed, "330100-2025-000001");
        long dead = add(EntryKind.RATING, "r-2");
        outbox.drop(dead, "422 rating for " + ID_NUMBER + " refused");
        clock.advance(Duration.ofMinutes(2));

        var counts = outbox.countsByKind();
        assertThat(counts.get(EntryKind.CASE)).containsEntry(EntryState.PENDING, 1).containsEntry(EntryState.SENT, 1)
                .containsEntry(EntryState.DEAD, 0).containsEntry(EntryState.CONFIRMED, 0);
        assertThat(counts.get(EntryKind.RATING)).containsEntry(EntryState.CONFIRMED, 1)
                .containsEntry(EntryState.DEAD, 1).containsEntry(EntryState.PENDING, 0);

        OutboxOverview o = admin.overview();
        assertThat(o.waiting()).isEqualTo(2);
        assertThat(o.oldestAge()).contains(Duration.ofMinutes(7));
        assertThat(o.deadLetters()).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(EntryKind.RATING);
            assertThat(d.reference()).isEqualTo("r-2");
            assertThat(d.lastError()).contains("422").doesNotContain(ID_NUMBER);
        });
    }

    @Test
    void retryMovesADeadLetterBackToPendingOnceAndIsAudited() {
        long dead = add(EntryKind.CASE, "c-9");
        outbox.drop(dead, "400 bad item");

        assertThat(admin.retry(dead)).isTrue();
        assertThat(outbox.find("c-9").orElseThrow().state()).isEqualTo(EntryState.PENDING);
        assertThat(outbox.peek()).isPresent();
        assertThat(admin.overview().deadLetters()).isEmpty();
        assertThat(admin.retry(dead)).isFalse();
        assertThat(audited).hasSize(2);
        assertThat(audited.get(0)).startsWith("outbox-retry").contains("entry=" + dead, "result=pending");
        assertThat(audited.get(1)).startsWith("outbox-retry").contains("entry=" + dead, "result=not-dead");
    }

    @Test
    void anEmptyOutboxHasNoAge() {
        OutboxOverview o = admin.overview();
        assertThat(o.waiting()).isZero();
        assertThat(o.oldestAge()).isEmpty();
        assertThat(o.counts().get(EntryKind.CASE).values()).containsOnly(0);
    }
}
