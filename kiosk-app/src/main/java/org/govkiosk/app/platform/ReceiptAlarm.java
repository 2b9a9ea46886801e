package org.govkiosk.app.platform;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Raises a 2xx the terminal could not verify (no receipt, another key, a receipt for something else), and a
 * registration that offered another key than the pinned one: logged as an error and handed to {@code raise} with
 * the event's name ({@link #RECEIPT_REJECTED} once per streak, {@link #KEY_REFUSED}) for the audit log, which the
 * technician reads; counted for the metrics. The entries themselves stay
 * queued and carry the reason as their last error, which the maintenance screen lists.
 */
public final class ReceiptAlarm {

    private static final Logger LOG = LoggerFactory.getLogger(ReceiptAlarm.class);
    public static final String RECEIPT_REJECTED = "platform-receipt-rejected";
    public static final String KEY_REFUSED = "platform-key-refused";

    /** Logs only (clients outside a terminal's assembly: tests, tools). */
    public static ReceiptAlarm logOnly() {
        return new ReceiptAlarm((event, problem) -> { }, Clock.systemUTC());
    }

    private final BiConsumer<String, String> raise;
    private final Clock clock;
    private final AtomicLong rejected = new AtomicLong();
    private boolean streak;
    private volatile String lastProblem;
    private volatile Instant lastAt;

    public ReceiptAlarm(BiConsumer<String, String> raise, Clock clock) {
        this.raise = Objects.requireNonNull(raise, "raise");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    void rejected(String problem) {
        rejected.incrementAndGet();
        lastProblem = problem;
        lastAt = clock.instant();
        boolean first;
        synchronized (this) {
            first = !streak;
            streak = true;
        }
        if (first) {
            LOG.error("ALARM: the platform's answer is not proven by its pinned receipt key, nothing is confirmed"
                    + " and the entry stays queued: {}", problem);
            raise.accept(RECEIPT_REJECTED, problem);
        } else {
            LOG.warn("Unverified platform receipt again ({} so far): {}", rejected.get(), problem);
        }
    }

    /** A registration offered another key than the pinned one (always raised: it is rare and telling). */
    void keyRefused(String problem) {
        lastProblem = problem;
        lastAt = clock.instant();
        LOG.error("ALARM: {}", problem);
        raise.accept(KEY_REFUSED, problem);
    }

    void verified() {
        synchronized (this) {
            streak = false;
        }
    }

    /** Answers not confirmed for want of a valid receipt, since start. */
    public long rejectedCount() {
        return rejected.get();
    }

    public Optional<String> lastProblem() {
        return Optional.ofNullable(lastProblem);
    }

    public Optional<Instant> lastAt() {
        return Optional.ofNullable(lastAt);
    }
}
