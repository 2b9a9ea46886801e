package org.govkiosk.app.platform;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.govkiosk.api.ApiPaths;
import org.govkiosk.api.CaseReceipt;
import org.govkiosk.app.outbox.Delivery;
import org.govkiosk.app.outbox.EntryKind;
import org.govkiosk.app.outbox.EntryState;
import org.govkiosk.app.outbox.Outbox;
import org.govkiosk.app.outbox.OutboxEntry;
import org.govkiosk.app.outbox.OutboxMessage;
import org.govkiosk.app.outbox.OutboxWorker;
import org.govkiosk.app.outbox.PayloadCipher;
import org.govkiosk.app.outbox.TestKeys;
import org.govkiosk.shared.retry.Backoff;
import org.govkiosk.testkit.Await;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sender posts an entry's stored bytes as they are and reads the answer with the entry kind's converter. The
 * platform's side is a recording client here, to see the very bytes handed to it and to answer what the reference
 * platform never does (a verified answer that is no receipt); {@link OutboxMigrationTest} and the journey tests
 * send to the real platform over HTTP.
 */
class PlatformOutboxSenderTest {

    private static final String RECEIPT = "{\"caseNumber\":\"330100-2026-000001\",\"localCaseId\":\"L-1\","
            + "\"state\":\"SUBMITTED\",\"acceptedAt\":\"2026-12-06T02:00:00Z\",\"promisedDate\":\"2026-12-20\","
            + "\"duplicate\":false}";

    @TempDir
    Path dir;

    private record Call(String path, byte[] body) {
    }

    /** A client whose {@code deliver} records its call and answers {@code answer}; anything else is a test bug. */
    private static PlatformClient answering(byte[] answer, List<Call> calls) {
        return (PlatformClient) Proxy.newProxyInstance(PlatformClient.class.getClassLoader(),
                new Class<?>[] {PlatformClient.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("deliver")) {
                        throw new AssertionError("the sender called " + method.getName());
                    }
                    calls.add(new Call((String) args[0], (byte[]) args[1]));
                    return answer;
                });
    }

    private static OutboxMessage message(EntryKind kind, String key, byte[] payload) {
        return new OutboxMessage(new OutboxEntry(1, kind, key, 0, EntryState.PENDING, 0, java.time.Instant.EPOCH,
                java.time.Instant.EPOCH, java.util.Optional.empty(), java.util.Optional.empty(),
                java.util.Optional.empty(), java.util.Optional.empty()), payload);
    }

    @Test
    void theStoredBytesAreSentAsTheyAreAndTheReceiptIsKept() throws Exception {
        // As another version might have written it: fields in another order, spaces. Re-serialising would change
        // these bytes, and the signature would no longer cover what the outbox kept.
        byte[] stored = "{ \"terminalId\" : \"T-1\",\n  \"idempotencyKey\":\"k-1\" }".getBytes(UTF_8);
        List<Call> calls = new ArrayList<>();

        Delivery outcome = new PlatformOutboxSender(answering(RECEIPT.getBytes(UTF_8), calls))
                .send(message(EntryKind.CASE, "k-1", stored));

        assertThat(calls).hasSize(1);
        assertThat(calls.get(0).path()).isEqualTo(ApiPaths.CASES);
        assertThat(calls.get(0).body()).isEqualTo(stored);
        assertThat(outcome).isInstanceOf(Delivery.Delivered.class);
        Delivery.Delivered delivered = (Delivery.Delivered) outcome;
        assertThat(delivered.reference()).isEqualTo("330100-2026-000001");
        CaseReceipt kept = EntryConverters.CASE.readReceipt(delivered.receipt());
        assertThat(kept.promisedDate()).isEqualTo(java.time.LocalDate.of(2026, 12, 20));
    }

    @Test
    void aSupplementGoesToItsCasesPathReadFromTheStoredBytes() {
        byte[] stored = "{\"idempotencyKey\":\"sup-1\",\"caseNumber\":\"330100-2026-000009\"}".getBytes(UTF_8);
        List<Call> calls = new ArrayList<>();
        byte[] answer = ("{\"caseNumber\":\"330100-2026-000009\",\"state\":\"ACCEPTED\",\"stillMissing\":[],"
                + "\"receivedAt\":\"2026-12-06T02:00:00Z\",\"duplicate\":false}").getBytes(UTF_8);

        Delivery outcome = new PlatformOutboxSender(answering(answer, calls))
                .send(message(EntryKind.SUPPLEMENT, "sup-1", stored));

        assertThat(calls.get(0).path()).isEqualTo(ApiPaths.caseSupplements("330100-2026-000009"));
        assertThat(calls.get(0).body()).isEqualTo(stored);
        assertThat(outcome).isEqualTo(new Delivery.Delivered("330100-2026-000009", ((Delivery.Delivered) outcome)
                .receipt()));
    }

    @Test
    void whatANewerPlatformAddsToAReceiptIsNotKept() {
        String withExtra = RECEIPT.replace("\"duplicate\":false", "\"duplicate\":false,\"applicantName\":\"张三丰\","
                + "\"idNumber\":\"11010519491231002X\"");

        Delivery outcome = new PlatformOutboxSender(answering(withExtra.getBytes(UTF_8), new ArrayList<>()))
                .send(message(EntryKind.CASE, "k-1", "{}".getBytes(UTF_8)));

        String kept = new String(((Delivery.Delivered) outcome).receipt(), UTF_8);
        assertThat(kept).contains("330100-2026-000001", "2026-12-20").doesNotContain("张三丰", "11010519491231002X");
    }

    @Test
    void aSupplementWhoseStoredBytesNameNoCaseIsRejectedWithoutBeingSent() {
        List<Call> calls = new ArrayList<>();

        Delivery outcome = new PlatformOutboxSender(answering(new byte[0], calls))
                .send(message(EntryKind.SUPPLEMENT, "sup-2", "not json".getBytes(UTF_8)));

        assertThat(calls).isEmpty();
        assertThat(outcome).isInstanceOfSatisfying(Delivery.Rejected.class,
                r -> assertThat(r.reason()).contains("SUPPLEMENT cannot be read"));
    }

    @Test
    void aVerifiedAnswerThatIsNoReceiptConfirmsNothingAndTheEntryStaysQueued() throws Exception {
        byte[] garbage = "<html>gateway says hello 11010519491231002X".getBytes(UTF_8);
        PayloadCipher cipher = new PayloadCipher(TestKeys.aes());
        try (Outbox outbox = Outbox.open(dir.resolve("outbox.db"), cipher,
                Clock.systemUTC())) {
            byte[] payload = "{\"idempotencyKey\":\"k-g\"}".getBytes(UTF_8);
            outbox.add(EntryKind.CASE, "k-g", Outbox.PRIORITY_NORMAL, payload);
            OutboxWorker worker = new OutboxWorker(outbox, new PlatformOutboxSender(answering(garbage,
                    new ArrayList<>())), new Backoff(Duration.ofSeconds(30), Duration.ofSeconds(30), 0.0,
                    RandomGenerator.getDefault()), Clock.systemUTC(), Duration.ofMillis(100),
                    new OutboxWorker.Listener() { }).start();
            try {
                Await.until("the attempt recorded", Duration.ofSeconds(20),
                        () -> outbox.find("k-g").orElseThrow().lastError().isPresent(), outbox::status);
            } finally {
                worker.close();
            }
            OutboxEntry entry = outbox.find("k-g").orElseThrow();
            assertThat(entry.state()).as("still queued, to be resent under its key").isEqualTo(EntryState.SENT);
            assertThat(entry.lastError().orElseThrow()).contains("CASE k-g", "is not a valid receipt",
                    "stays queued").doesNotContain("gateway says hello", "11010519491231002X");
            assertThat(outbox.receipt("k-g")).isEmpty();
            assertThat(outbox.status().dead()).isZero();
        }
        // Nothing lost: once the backoff is over the same payload is due to be sent again.
        try (Outbox later = Outbox.open(dir.resolve("outbox.db"), cipher,
                Clock.offset(Clock.systemUTC(), Duration.ofMinutes(1)))) {
            OutboxMessage due = later.peek().orElseThrow();
            assertThat(due.entry().idempotencyKey()).isEqualTo("k-g");
            assertThat(new String(due.payload(), UTF_8)).isEqualTo("{\"idempotencyKey\":\"k-g\"}");
        }
    }
}
