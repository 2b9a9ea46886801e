package org.govkiosk.app.soak;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/**
 * The figures at one checkpoint: the old generation in use after a full collection (see {@link #method()}), live
 * threads, open file descriptors, the outboxes' depth (entries waiting) when the checkpoint came and after the drain
 * the harness waits for, entries confirmed so far, and the time since the start.
 */
record Checkpoint(long sessions, long heapUsedBytes, int threads, int fixedThreads, long openFds, long sockets,
        int outboxDepth, int outboxDepthAfterDrain, long confirmed, Duration elapsed) {

    static final String HEADER = String.format("%9s %9s %8s %9s %6s %8s %12s %12s %10s %9s", "sessions", "heap-MB",
            "threads", "fixed-thr", "fds", "sockets", "outbox-depth", "after-drain", "confirmed", "elapsed");

    /**
     * Pools that grow with demand and shrink after an idle minute by design (the JDK HTTP client's workers, the
     * common fork-join pool, Jetty's request threads): left out of {@code fixedThreads}, which must not move at all
     * once warm.
     */
    private static final java.util.regex.Pattern ELASTIC =
            java.util.regex.Pattern.compile(
                    "HttpClient-\\d+-Worker-\\d+|ForkJoinPool.*|JettyServerThreadPool-\\d+|process reaper");

    static Checkpoint measure(long sessions, int depth, int depthAfterDrain, long confirmed, Duration elapsed) {
        long heap = heapAfterGc();
        int threads = liveThreads();
        int fixed = (int) Thread.getAllStackTraces().keySet().stream()
                .filter(t -> !ELASTIC.matcher(t.getName()).matches()).count();
        return new Checkpoint(sessions, heap, threads, fixed, countOpenFds(), countSockets(), depth,
                depthAfterDrain, confirmed, elapsed);
    }

    /** Open sockets (HTTP connections of both sides, kept alive in pools bounded by the parallel requests). */
    static long countSockets() {
        Path fds = Path.of("/proc/self/fd");
        if (!Files.isDirectory(fds)) {
            return -1;
        }
        try (Stream<Path> list = Files.list(fds)) {
            return list.filter(p -> {
                try {
                    return Files.readSymbolicLink(p).toString().startsWith("socket:");
                } catch (IOException e) {
                    return false; // closed meanwhile
                }
            }).count();
        } catch (IOException e) {
            return -1;
        }
    }

    /** How the figures are taken: printed above the table, so a reader knows what "heap-MB" means. */
    static String method() {
        return "heap-MB: " + oldPool().map(p -> "the old generation (\"" + p.getName() + "\")")
                .orElse("the whole heap") + " in use after a full collection (System.gc()), the least of "
                + GC_ROUNDS + " rounds " + GC_PAUSE_MS + " ms apart; threads: live threads of this JVM (the"
                + " terminals; the platform-server runs in its own process); fds, sockets: /proc/self/fd";
    }

    private static final int GC_ROUNDS = 3;
    private static final long GC_PAUSE_MS = 200;

    /**
     * The old generation after a forced full collection, least of a few rounds: what the terminals keep, not the
     * young garbage of the last sessions, and not a round where a reference queue or a finishing request still held
     * something (the whole heap "after GC" swung by a quarter from checkpoint to checkpoint).
     */
    static long heapAfterGc() {
        java.util.Optional<MemoryPoolMXBean> old = oldPool();
        long least = Long.MAX_VALUE;
        for (int i = 0; i < GC_ROUNDS; i++) {
            System.gc();
            long used = old.map(p -> {
                MemoryUsage u = p.getCollectionUsage();
                return u != null ? u.getUsed() : p.getUsage().getUsed();
            }).orElseGet(() -> ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
            least = Math.min(least, used);
            try {
                Thread.sleep(GC_PAUSE_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return least;
    }

    /** The tenured pool of whichever collector runs: "G1 Old Gen", "Tenured Gen", "PS Old Gen". */
    private static java.util.Optional<MemoryPoolMXBean> oldPool() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP && p.isCollectionUsageThresholdSupported())
                .filter(p -> p.getName().contains("Old") || p.getName().contains("Tenured"))
                .findFirst();
    }

    static int liveThreads() {
        return ManagementFactory.getThreadMXBean().getThreadCount();
    }

    /**
     * Live threads by name with the digits taken out ("HttpClient-#-Worker-#"), most first: written beside each
     * checkpoint so a growing thread count shows which pool grows.
     */
    static String threadCensus() {
        java.util.Map<String, Integer> byName = new java.util.TreeMap<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            byName.merge(t.getName().replaceAll("[0-9]+", "#"), 1, Integer::sum);
        }
        StringBuilder sb = new StringBuilder();
        byName.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue())
                .forEach(e -> sb.append(String.format("%5d %s%n", e.getValue(), e.getKey())));
        return sb.toString();
    }

    /** Open file descriptors of this process (Linux), -1 where /proc is not there. */
    static long countOpenFds() {
        Path fds = Path.of("/proc/self/fd");
        if (!Files.isDirectory(fds)) {
            return -1;
        }
        try (Stream<Path> list = Files.list(fds)) {
            return list.count() - 1; // the listing's own descriptor
        } catch (IOException e) {
            return -1;
        }
    }

    String line() {
        return String.format("%9d %9.1f %8d %9d %6d %8d %12d %12d %10d %8.0fs", sessions, heapUsedBytes / 1048576.0,
                threads, fixedThreads, openFds, sockets, outboxDepth, outboxDepthAfterDrain, confirmed,
                elapsed.toMillis() / 1000.0);
    }

    /** Growth from the first to the last checkpoint, in percent of the first. */
    static double growth(List<Checkpoint> all, java.util.function.ToLongFunction<Checkpoint> figure) {
        long first = figure.applyAsLong(all.get(0));
        long last = figure.applyAsLong(all.get(all.size() - 1));
        return first == 0 ? (last == 0 ? 0 : Double.POSITIVE_INFINITY) : 100.0 * (last - first) / first;
    }
}
