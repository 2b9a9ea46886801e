package org.govkiosk.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** What the figures were measured on, printed with them, and the current thread's CPU clock. */
final class Machine {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private Machine() {
    }

    static String describe() {
        return String.format(Locale.ROOT, "%d cores, load average %s, %s %s",
                Runtime.getRuntime().availableProcessors(), loadAverage(), System.getProperty("java.vm.name"),
                System.getProperty("java.version"));
    }

    /** The 1-minute load average: above the core count, other processes were competing for the CPU. */
    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            double l = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            return l < 0 ? "unknown" : String.format(Locale.ROOT, "%.2f", l);
        }
    }

    /** CPU time of the calling thread in nanoseconds, or wall time where the JVM cannot tell. */
    static long threadCpuNanos() {
        return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
    }
}
