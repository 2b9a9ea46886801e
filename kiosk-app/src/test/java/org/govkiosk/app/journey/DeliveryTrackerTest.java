package org.govkiosk.app.journey;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.govkiosk.api.CaseReceipt;
import org.govkiosk.app.cases.Case;
import org.govkiosk.app.cases.TestCases;
import org.govkiosk.app.outbox.Delivery;
import org.govkiosk.app.outbox.DeliveryWaits;
import org.govkiosk.app.outbox.EntryKind;
import org.govkiosk.app.outbox.Outbox;
import org.govkiosk.app.outbox.OutboxEntry;
import org.govkiosk.app.outbox.PayloadCipher;
import org.govkiosk.app.outbox.TestKeys;
import org.govkiosk.app.platform.EntryConverters;
import org.govkiosk.testkit.Await;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The journey waits for its entry's confirmation on the outbox worker's word, not by polling the outbox: told when
 * the confirmation is on disk, and racing with nothing (an entry confirmed before the journey waits is found in
 * the outbox). The real SQLite outbox; the worker's side is played by calling the listener, or by the real worker
 * sending to the real platform over HTTP ({@link JourneyRig}).
 */
class DeliveryTrackerTest {

    @TempDir
    Path dir;

    @Test
    void theWaitingJourneyIsWokenByTheWorkersWordNotByPollingTheOutbox() throws Exception {
        try (Outbox outbox = Outbox.open(dir.resolve("outbox.db"), new PayloadCipher(TestKeys.aes()),
                Clock.systemUTC())) {
            DeliveryWaits waits = new DeliveryWaits();
            DeliveryTracker tracker = DeliveryTracker.of(outbox, waits, () -> 0);
            long id = outbox.add(EntryKind.CASE, "k-1", Outbox.PRIORITY_NORMAL, "{}".getBytes(UTF_8));
            CompletableFuture<DeliveryTracker.Delivery> journey = CompletableFuture.supplyAsync(
                    () -> tracker.await("k-1", Duration.ofSeconds(20)));
            Await.until("the journey waits", Duration.ofSeconds(10), () -> waits.waiting() == 1);

            byte[] receipt = "{\"caseNumber\":\"N-1\"}".getBytes(UTF_8);
            Delivery.Delivered delivered = new Delivery.Delivered("N-1", receipt);
            outbox.confirmAll(Map.of(id, delivered));
            // A poll (every 50 ms, as before) would have found the confirmation by now; the journey waits for word.
            Thread.sleep(400);
            assertThat(journey).as("not woken by the outbox file, only by the worker").isNotDone();

            OutboxEntry entry = outbox.find("k-1").orElseThrow();
            waits.confirmed(entry, delivered, Instant.now());
            DeliveryTracker.Delivery outcome = journey.get(5, TimeUnit.SECONDS);
            assertThat(outcome).isEqualTo(new DeliveryTracker.Delivery.Confirmed("N-1", receipt));
            assertThat(waits.waiting()).as("the wait is closed").isZero();
        }
    }

    @Test
    void anEntryConfirmedBeforeTheJourneyWaitsIsFoundWithItsReceiptAtOnce() throws Exception {
        try (JourneyRig rig = JourneyRig.start(dir.resolve("rig"))) {
            Case queued = rig.queue.submit(TestCases.draft(Clock.systemUTC()));
            String key = queued.idempotencyKey();
            // The worker is faster than the journey: the confirmation (and the listener's word) come first.
            Await.until("confirmed before anyone waits", Duration.ofSeconds(20),
                    () -> rig.outbox.receipt(key).isPresent(), rig.outbox::status);

            long started = System.nanoTime();
            DeliveryTracker.Delivery outcome = DeliveryTracker.of(rig.outbox, rig.waits,
                    rig.worker::consecutiveFailures).await(key, Duration.ofSeconds(20));
            long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

            assertThat(outcome).isInstanceOf(DeliveryTracker.Delivery.Confirmed.class);
            DeliveryTracker.Delivery.Confirmed confirmed = (DeliveryTracker.Delivery.Confirmed) outcome;
            CaseReceipt receipt = EntryConverters.CASE.readReceipt(confirmed.receipt());
            assertThat(receipt.caseNumber()).isEqualTo(confirmed.caseNumber());
            assertThat(receipt.localCaseId()).isEqualTo(queued.localId());
            assertThat(tookMillis).as("no wait for a word already given").isLessThan(5_000);
            assertThat(rig.waits.waiting()).isZero();
        }
    }

    @Test
    void aSlowPlatformLeavesTheEntryWaitingOnceTheWaitIsOver() throws Exception {
        try (Outbox outbox = Outbox.open(dir.resolve("outbox.db"), new PayloadCipher(TestKeys.aes()),
                Clock.systemUTC())) {
            DeliveryWaits waits = new DeliveryWaits();
            outbox.add(EntryKind.CASE, "k-slow", Outbox.PRIORITY_NORMAL, "{}".getBytes(UTF_8));

            long started = System.nanoTime();
            DeliveryTracker.Delivery outcome = DeliveryTracker.of(outbox, waits, () -> 0).await("k-slow",
                    Duration.ofMillis(300));

            assertThat(outcome).isEqualTo(new DeliveryTracker.Delivery.Waiting(0));
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isGreaterThanOrEqualTo(300);
            assertThat(waits.waiting()).isZero();
        }
    }

    @Test
    void aFailingRoundEndsEveryWaitAtOnceAndARefusalEndsItsOwn() throws Exception {
        try (Outbox outbox = Outbox.open(dir.resolve("outbox.db"), new PayloadCipher(TestKeys.aes()),
                Clock.systemUTC())) {
            DeliveryWaits waits = new DeliveryWaits();
            DeliveryTracker tracker = DeliveryTracker.of(outbox, waits, () -> 0);
            outbox.add(EntryKind.CASE, "k-a", Outbox.PRIORITY_NORMAL, "{}".getBytes(UTF_8));
            long refusedId = outbox.add(EntryKind.CASE, "k-b", Outbox.PRIORITY_NORMAL, "{}".getBytes(UTF_8));
            CompletableFuture<DeliveryTracker.Delivery> a = CompletableFuture.supplyAsync(
                    () -> tracker.await("k-a", Duration.ofSeconds(20)));
            CompletableFuture<DeliveryTracker.Delivery> b = CompletableFuture.supplyAsync(
                    () -> tracker.await("k-b", Duration.ofSeconds(20)));
            Await.until("both journeys wait", Duration.ofSeconds(10), () -> waits.waiting() == 2);

            outbox.drop(refusedId, "invalid-request no such item");
            waits.attempted(outbox.find("k-b").orElseThrow(), new Delivery.Rejected("invalid-request no such item"),
                    Instant.now());
            assertThat(b.get(5, TimeUnit.SECONDS)).isEqualTo(
                    new DeliveryTracker.Delivery.Refused("invalid-request no such item"));
            assertThat(a).as("another entry's refusal is not this one's").isNotDone();

            waits.backingOff(Duration.ofSeconds(2), "connect-failed");
            assertThat(a.get(5, TimeUnit.SECONDS)).isEqualTo(new DeliveryTracker.Delivery.Waiting(1));
        }
    }
}
