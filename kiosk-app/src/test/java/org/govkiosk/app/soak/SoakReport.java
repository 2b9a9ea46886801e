package org.govkiosk.app.soak;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The soak's verdict: growth of heap, threads and open files from the first checkpoint to the last (each must stay
 * under {@link #MAX_GROWTH_PERCENT}), the outbox empty after every checkpoint's drain, and every case and rating the
 * terminals queued found exactly once in the platform's store.
 *
 * @param lost        keys the terminals queued that the platform does not have
 * @param duplicated  keys the platform holds more than once
 * @param unreported  keys the platform holds that no terminal reported queued (a session failed after queuing)
 */
record SoakReport(List<Checkpoint> checkpoints, long sessions, long casesQueued, long ratingsQueued, int lost,
        int duplicated, int unreported, int leftWaiting, int deadLetters, String counters, Duration elapsed) {

    static final double MAX_GROWTH_PERCENT = 5.0;

    static SoakReport of(List<Checkpoint> checkpoints, SoakLedger ledger, Set<String> cases,
            Map<String, Integer> storedCases, Set<String> ratings, Map<String, Integer> storedRatings, int waiting,
            int dead, Duration elapsed) {
        int lost = missing(cases, storedCases) + missing(ratings, storedRatings);
        int duplicated = (int) (storedCases.values().stream().filter(n -> n > 1).count()
                + storedRatings.values().stream().filter(n -> n > 1).count());
        int unreported = (int) (storedCases.keySet().stream().filter(k -> !cases.contains(k)).count()
                + storedRatings.keySet().stream().filter(k -> !ratings.contains(k)).count());
        String counters = String.format("printed %d (documents the printer simulators cut: %d), print failed %d (printer faulted), one-time notifications %d,"
                + " case number at once %d, reader out of order %d, card not read %d; device faults %d, platform"
                + " outages %d; outbox workers restarted %d%s; mean ms per session: identify %.1f, apply+print %.1f,"
                + " rate %.1f",
                ledger.printed.get(), ledger.documentsCut.get(), ledger.printFailed.get(), ledger.notifications.get(),
                ledger.confirmedInSession.get(), ledger.readerUnavailable.get(), ledger.notIdentified.get(),
                ledger.faultsInjected.get(), ledger.platformOutages.get(), ledger.workerRestarts.get(),
                ledger.firstRestartCause.isEmpty() ? "" : " (first: " + ledger.firstRestartCause + ")",
                mean(ledger.identifyNanos, ledger),
                mean(ledger.submitNanos, ledger), mean(ledger.rateNanos, ledger));
        return new SoakReport(List.copyOf(checkpoints), ledger.sessions.get(), cases.size(), ratings.size(), lost,
                duplicated, unreported, waiting, dead, counters, elapsed);
    }

    private static double mean(java.util.concurrent.atomic.AtomicLong nanos, SoakLedger ledger) {
        return nanos.get() / 1e6 / Math.max(1, ledger.sessions.get());
    }

    private static int missing(Set<String> queued, Map<String, Integer> stored) {
        return (int) queued.stream().filter(k -> !stored.containsKey(k)).count();
    }

    double heapGrowth() {
        return Checkpoint.growth(checkpoints, Checkpoint::heapUsedBytes);
    }

    double threadGrowth() {
        return Checkpoint.growth(checkpoints, Checkpoint::threads);
    }

    double fdGrowth() {
        return Checkpoint.growth(checkpoints, Checkpoint::openFds);
    }

    double fixedThreadGrowth() {
        return Checkpoint.growth(checkpoints, Checkpoint::fixedThreads);
    }

    /** Open files other than sockets: SQLite and H2 files, jars, pipes, epoll and event descriptors. */
    double nonSocketFdGrowth() {
        return Checkpoint.growth(checkpoints, c -> c.openFds() - c.sockets());
    }

    long maxSockets() {
        return checkpoints.stream().mapToLong(Checkpoint::sockets).max().orElse(0);
    }

    boolean outboxFlat() {
        return checkpoints.stream().allMatch(c -> c.outboxDepthAfterDrain() == 0) && leftWaiting == 0;
    }

    boolean nothingLost() {
        return lost == 0 && duplicated == 0 && deadLetters == 0;
    }

    boolean passed() {
        return heapGrowth() < MAX_GROWTH_PERCENT && threadGrowth() < MAX_GROWTH_PERCENT
                && fdGrowth() < MAX_GROWTH_PERCENT && outboxFlat() && nothingLost();
    }

    void print(PrintStream out) {
        out.printf("sessions %d in %.0f s (%.1f sessions/s); cases queued %d, ratings queued %d%n", sessions,
                elapsed.toMillis() / 1000.0, sessions * 1000.0 / Math.max(1, elapsed.toMillis()), casesQueued,
                ratingsQueued);
        out.println(counters);
        out.printf("growth first->last checkpoint: heap %+.1f%% %s, threads %+.1f%% %s, open fds %+.1f%% %s;"
                + " outbox empty after every drain: %s%n", heapGrowth(), verdict(heapGrowth()), threadGrowth(),
                verdict(threadGrowth()), fdGrowth(), verdict(fdGrowth()), outboxFlat() ? "PASS" : "FAIL");
        out.printf("  without the elastic pools: threads %+.1f%%, open fds other than sockets %+.1f%%; sockets at most"
                + " %d%n", fixedThreadGrowth(), nonSocketFdGrowth(), maxSockets());
        out.printf("platform store: lost %d, duplicated %d, not reported by a terminal %d; dead letters %d,"
                + " still waiting %d: %s%n", lost, duplicated, unreported, deadLetters, leftWaiting,
                nothingLost() ? "PASS" : "FAIL");
        out.println(passed() ? "SOAK PASS" : "SOAK FAIL");
    }

    private static String verdict(double growth) {
        return growth < MAX_GROWTH_PERCENT ? "PASS" : "FAIL";
    }
}
