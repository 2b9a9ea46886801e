package org.govkiosk.app.platform;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.govkiosk.api.RequestSigner;
import org.govkiosk.app.cases.Case;
import org.govkiosk.app.cases.TestCases;
import org.govkiosk.app.outbox.Outbox;
import org.govkiosk.app.outbox.OutboxWorker;
import org.govkiosk.app.outbox.PayloadCipher;
import org.govkiosk.app.security.TerminalKeyStore;
import org.govkiosk.shared.retry.Backoff;

/**
 * The terminal in the crash test: opens the outbox, starts the worker against the platform, and queues cases as
 * fast as it can until it is killed. After each {@code submit} returns it appends "E key" to the log and fsyncs it
 * (the citizen was told); before, "J key localCase" (the journey the key belongs to) and "A key" (attempted), so
 * the test can tell what may exist. Every fifth journey is queued a second time under a new key.
 *
 * <p>Arguments: data dir, platform URL, terminal id, log file, ready-marker file, and "exit" to stop after the
 * first case.
 */
public final class CrashChild {

    private CrashChild() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        String url = args[1];
        String terminalId = args[2];
        Path log = Path.of(args[3]);
        Path ready = Path.of(args[4]);
        Clock clock = Clock.systemUTC();
        TerminalKeyStore keys = TerminalKeyStore.openOrCreate(data, OutboxCrashTest.PASSWORD.toCharArray());
        Outbox outbox = Outbox.open(data.resolve("outbox.db"), new PayloadCipher(keys.dataKey()), clock);
        HttpPlatformClient client = new HttpPlatformClient(new PlatformClientConfig(URI.create(url), Set.of(),
                Duration.ofSeconds(2), Duration.ofSeconds(5), 1 << 16, 1 << 20),
                new RequestSigner(terminalId, keys.signingKeys().getPrivate(), clock),
                PlatformKeyPin.of(keys.platformKey(), keys::pinPlatformKey), ReceiptAlarm.logOnly());
        OutboxWorker worker = new OutboxWorker(outbox, new PlatformOutboxSender(client),
                new Backoff(Duration.ofMillis(10), Duration.ofMillis(100), 0.2, RandomGenerator.getDefault()), clock,
                Duration.ofMillis(100), new OutboxWorker.Listener() {
                }).start();
        PlatformQueue queue = new PlatformQueue(outbox, worker::wake, terminalId, clock);
        boolean cutLine = false;
        if (Files.exists(log) && Files.size(log) > 0) {
            try (FileChannel read = FileChannel.open(log, StandardOpenOption.READ)) {
                ByteBuffer last = ByteBuffer.allocate(1);
                read.read(last, read.size() - 1);
                cutLine = last.get(0) != '\n';
            }
        }
        try (FileChannel channel = FileChannel.open(log, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            // The child before may have been killed in the middle of a line: end it, so this child's first line
            // is not glued to it (the test would then drop the glued "A" and see an "E" without one).
            if (cutLine) {
                append(channel, "\n");
            }
            boolean first = true;
            for (int journey = 0; ; journey++) {
                Case draft = TestCases.draft(clock);
                queue(channel, queue, draft);
                if (journey % 5 == 4) {
                    // The same journey again under a new key, as a terminal that lost track of its key would send
                    // it: the platform must answer with the case it holds, not make a second one.
                    queue(channel, queue, new Case(draft.localId(), java.util.UUID.randomUUID().toString(),
                            draft.item(), draft.kind(), draft.applicant(), draft.form(), draft.materials(),
                            draft.createdAt(), draft.stage(), draft.caseNumber(), draft.platformState()));
                }
                if (first) {
                    // Ready once the first case is through: class loading and warm-up are behind, so the kill
                    // falls among adds, sends and confirmations rather than into JVM start.
                    first = false;
                    Path tmp = ready.resolveSibling(ready.getFileName() + ".tmp");
                    Files.writeString(tmp, Long.toString(ProcessHandle.current().info().startInstant()
                            .map(start -> Duration.between(start, java.time.Instant.now()).toMillis()).orElse(-1L)));
                    Files.move(tmp, ready, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                    if (args.length > 5 && args[5].equals("exit")) {
                        // The warm-up run: a normal exit writes the class-data archive the killed children share.
                        System.exit(0);
                    }
                }
            }
        }
    }

    private static void queue(FileChannel channel, PlatformQueue queue, Case draft) throws java.io.IOException {
        append(channel, "J " + draft.idempotencyKey() + " " + draft.localId() + "\n");
        append(channel, "A " + draft.idempotencyKey() + "\n");
        queue.submit(draft);
        append(channel, "E " + draft.idempotencyKey() + "\n");
    }

    private static void append(FileChannel channel, String line) throws java.io.IOException {
        channel.write(ByteBuffer.wrap(line.getBytes(StandardCharsets.US_ASCII)));
        channel.force(false);
    }
}
