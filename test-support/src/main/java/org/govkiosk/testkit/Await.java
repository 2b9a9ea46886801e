package org.govkiosk.testkit;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * Polls a condition until it holds or a generous timeout passes; for states reached on other threads. The one way a
 * test of every module waits (device-drivers, platform-server, kiosk-app): never a fixed
 * sleep, never a loop of its own.
 */
public final class Await {

    /** What a test waits for unless it says otherwise: generous, since the machine may be loaded. */
    public static final Duration WAIT = Duration.ofSeconds(20);

    private Await() {
    }

    /** A condition that may throw (a database read, an HTTP call); a throw fails the wait at once. */
    @FunctionalInterface
    public interface Condition {
        boolean holds() throws Exception;
    }

    public static void until(String what, Condition condition) {
        until(what, WAIT, condition, () -> "");
    }

    public static void until(String what, Duration timeout, Condition condition) {
        until(what, timeout, condition, () -> "");
    }

    /** Like {@link #until(String, Duration, Condition)}; {@code state} describes the last state seen. */
    public static void until(String what, Duration timeout, Condition condition, Supplier<?> state) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!holds(what, condition)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout + " waiting until " + what + "; last seen: "
                        + state.get());
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting until " + what, e);
            }
        }
    }

    private static boolean holds(String what, Condition condition) {
        try {
            return condition.holds();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Exception e) {
            throw new AssertionError("checking whether " + what + " failed", e);
        }
    }
}
