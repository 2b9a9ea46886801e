package org.govkiosk.app.soak;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the soak's citizens did, kept on disk rather than in the heap it measures: the idempotency key of every
 * case and rating the terminals reported queued (one per line), and counters of how sessions ended.
 */
final class SoakLedger implements AutoCloseable {

    final AtomicLong sessions = new AtomicLong();
    final AtomicLong casesQueued = new AtomicLong();
    final AtomicLong ratingsQueued = new AtomicLong();
    final AtomicLong notIdentified = new AtomicLong();
    final AtomicLong readerUnavailable = new AtomicLong();
    final AtomicLong printed = new AtomicLong();
    final AtomicLong printFailed = new AtomicLong();
    final AtomicLong confirmedInSession = new AtomicLong();
    final AtomicLong notifications = new AtomicLong();
    final AtomicLong faultsInjected = new AtomicLong();
    final AtomicLong platformOutages = new AtomicLong();
    /** Outbox workers their supervisor replaced (stuck or dead), with the first cause. */
    final AtomicLong workerRestarts = new AtomicLong();
    volatile String firstRestartCause = "";
    /** Documents the simulated printers cut (counted by the simulators from the ESC/POS they received). */
    final AtomicLong documentsCut = new AtomicLong();
    /** Wall time spent in each step, summed over sessions: where a session's time goes. */
    final AtomicLong identifyNanos = new AtomicLong();
    final AtomicLong submitNanos = new AtomicLong();
    final AtomicLong rateNanos = new AtomicLong();

    private final Path caseKeys;
    private final Path ratingKeys;
    private final BufferedWriter cases;
    private final BufferedWriter ratings;

    SoakLedger(Path dir) throws IOException {
        caseKeys = dir.resolve("case-keys.txt");
        ratingKeys = dir.resolve("rating-keys.txt");
        cases = Files.newBufferedWriter(caseKeys, StandardCharsets.US_ASCII);
        ratings = Files.newBufferedWriter(ratingKeys, StandardCharsets.US_ASCII);
    }

    void caseQueued(String key) {
        casesQueued.incrementAndGet();
        write(cases, key);
    }

    void ratingQueued(String key) {
        ratingsQueued.incrementAndGet();
        write(ratings, key);
    }

    void workerRestarted(String cause) {
        if (workerRestarts.getAndIncrement() == 0) {
            firstRestartCause = cause;
        }
    }

    private static void write(BufferedWriter out, String key) {
        synchronized (out) {
            try {
                out.write(key);
                out.newLine();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot record a queued key in the soak ledger", e);
            }
        }
    }

    /** Every key written so far (flushes first); a key written twice would be a terminal queuing it twice. */
    Set<String> caseKeys() throws IOException {
        return read(cases, caseKeys);
    }

    Set<String> ratingKeys() throws IOException {
        return read(ratings, ratingKeys);
    }

    private static Set<String> read(BufferedWriter out, Path file) throws IOException {
        synchronized (out) {
            out.flush();
        }
        Set<String> keys = new HashSet<>();
        for (String line : Files.readAllLines(file, StandardCharsets.US_ASCII)) {
            if (!keys.add(line)) {
                throw new IllegalStateException("the soak queued key " + line + " twice");
            }
        }
        return keys;
    }

    @Override
    public void close() throws IOException {
        cases.close();
        ratings.close();
    }
}
