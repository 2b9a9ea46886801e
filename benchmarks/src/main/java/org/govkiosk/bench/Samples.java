package org.govkiosk.bench;

import java.util.Arrays;
import java.util.Locale;

/**
 * Measured durations in nanoseconds and their order statistics (nearest-rank percentiles: p99 of 1000 samples is
 * the 990th smallest).
 */
public record Samples(long[] sortedNanos) {

    public static Samples of(long[] nanos, int count) {
        long[] copy = Arrays.copyOf(nanos, count);
        Arrays.sort(copy);
        return new Samples(copy);
    }

    public int count() {
        return sortedNanos.length;
    }

    public long percentileNanos(double p) {
        if (sortedNanos.length == 0) {
            throw new IllegalStateException("no samples");
        }
        int rank = (int) Math.ceil(p / 100.0 * sortedNanos.length);
        return sortedNanos[Math.max(0, Math.min(sortedNanos.length - 1, rank - 1))];
    }

    public double medianMs() {
        return percentileNanos(50) / 1e6;
    }

    public double p90Ms() {
        return percentileNanos(90) / 1e6;
    }

    public double p99Ms() {
        return percentileNanos(99) / 1e6;
    }

    public double maxMs() {
        return sortedNanos[sortedNanos.length - 1] / 1e6;
    }

    /** A table row: label, n, median, p90, p99, max in milliseconds. */
    public String row(String label) {
        return String.format(Locale.ROOT, "%-44s %6d %10.3f %10.3f %10.3f %10.3f", label, count(), medianMs(), p90Ms(),
                p99Ms(), maxMs());
    }

    /** A table row with the thread's CPU time beside the wall time: on a shared machine it shows the work alone. */
    public String row(String label, Samples cpu) {
        return row(label) + String.format(Locale.ROOT, " %11.3f %11.3f", cpu.medianMs(), cpu.p99Ms());
    }

    public static String headerWithCpu(String what) {
        return header(what) + String.format(Locale.ROOT, " %11s %11s", "cpu med ms", "cpu p99 ms");
    }

    public static String header(String what) {
        return String.format(Locale.ROOT, "%-44s %6s %10s %10s %10s %10s", what, "n", "median ms", "p90 ms", "p99 ms",
                "max ms");
    }
}
