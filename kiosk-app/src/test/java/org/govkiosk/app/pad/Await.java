package org.govkiosk.app.pad;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polls a condition until it holds, or fails the test naming what it waited for. */
final class Await {

    private Await() {
    }

    static void until(Duration atMost, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + atMost);
            }
            Thread.sleep(20);
        }
    }
}
