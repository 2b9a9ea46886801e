package org.govkiosk.app.maintenance;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.govkiosk.app.audit.Audit;
import java.util.function.Predicate;

/**
 * Guards maintenance mode with the technician PIN: a number of wrong PINs locks the pad for a while, and every
 * attempt is audited (never the PIN itself).
 */
public final class MaintenanceAccess {


    public sealed interface Result {
        record Granted() implements Result {
        }

        record Denied(int attemptsLeft) implements Result {
        }

        record LockedOut(Instant until) implements Result {
        }

        /** No PIN is configured on this terminal: maintenance is closed until a technician sets one. */
        record NotConfigured() implements Result {
        }
    }

    private final Optional<Predicate<char[]>> pinCheck;
    private final int maxAttempts;
    private final Duration lockout;
    private final Clock clock;
    private final Audit audit;
    private int failures;
    private Instant lockedUntil = Instant.MIN;

    public MaintenanceAccess(Optional<Predicate<char[]>> pinCheck, int maxAttempts, Duration lockout, Clock clock,
            Audit audit) {
        this.audit = audit;
        this.pinCheck = pinCheck;
        this.maxAttempts = maxAttempts;
        this.lockout = lockout;
        this.clock = clock;
    }

    public synchronized Result tryPin(char[] pin) {
        try {
            Instant now = clock.instant();
            if (pinCheck.isEmpty()) {
                audit.record("maintenance-login-refused", Map.of("why", "no PIN configured"));
                return new Result.NotConfigured();
            }
            if (now.isBefore(lockedUntil)) {
                audit.record("maintenance-login-refused", Map.of("why", "locked", "until", lockedUntil.toString()));
                return new Result.LockedOut(lockedUntil);
            }
            if (pinCheck.get().test(pin)) {
                failures = 0;
                audit.record("maintenance-login-granted");
                return new Result.Granted();
            }
            failures++;
            if (failures >= maxAttempts) {
                failures = 0;
                lockedUntil = now.plus(lockout);
                audit.record("maintenance-login-failed", Map.of("locked-until", lockedUntil.toString()));
                return new Result.LockedOut(lockedUntil);
            }
            audit.record("maintenance-login-failed", Map.of("attempt", failures + " of " + maxAttempts));
            return new Result.Denied(maxAttempts - failures);
        } finally {
            java.util.Arrays.fill(pin, '\0');
        }
    }

    public void audit(String action) {
        audit.record("maintenance-action", Map.of("action", action));
    }
}
