package org.govkiosk.app.context;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.StringJoiner;

/**
 * The start's phases on the thread that runs them, for the log: wall time and that thread's CPU time of each, so a
 * start on a loaded machine (wall time stretched by other processes) still shows what each phase costs. One line
 * at the end of the start; nothing is measured that the start would not do anyway.
 */
final class StartPhases {

    private final ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    private final boolean cpu = mx.isCurrentThreadCpuTimeSupported();
    private final StringJoiner line = new StringJoiner(", ");
    private long wall = System.nanoTime();
    private long cpuAt = cpuNow();

    /** Ends the phase that ran since the last mark (or since this was made) and names it. */
    void mark(String phase) {
        long now = System.nanoTime();
        long cpuThen = cpuNow();
        line.add(phase + " " + (now - wall) / 1_000_000 + (cpu ? "/" + (cpuThen - cpuAt) / 1_000_000 : ""));
        wall = now;
        cpuAt = cpuThen;
    }

    /** A figure measured on another thread beside the phases (ms). */
    void beside(String what, long millis) {
        line.add(what + " " + millis);
    }

    private long cpuNow() {
        return cpu ? mx.getCurrentThreadCpuTime() : 0;
    }

    /** "phase wall/cpu, ..." in milliseconds. */
    @Override
    public String toString() {
        return line.toString();
    }
}
