package org.govkiosk.app.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.govkiosk.testkit.MutableClock;
import org.govkiosk.app.audit.Audit;
import org.govkiosk.app.config.PinHash;
import org.junit.jupiter.api.Test;

class MaintenanceAccessTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T03:00:00Z"));
    private final PinHash hash = PinHash.hash("482916".toCharArray());
    private final Predicate<char[]> check = hash::matches;
    private final List<String> audited = new ArrayList<>();
    private final Audit audit = (event, details) -> audited.add(event + " " + details);
    private final MaintenanceAccess access = new MaintenanceAccess(Optional.of(check), 3, Duration.ofMinutes(5), clock,
            audit);

    @Test
    void theRightPinGrantsAndWrongOnesCountDown() {
        assertThat(access.tryPin("111111".toCharArray())).isEqualTo(new MaintenanceAccess.Result.Denied(2));
        assertThat(access.tryPin("482916".toCharArray())).isInstanceOf(MaintenanceAccess.Result.Granted.class);
        // A success resets the count.
        assertThat(access.tryPin("111111".toCharArray())).isEqualTo(new MaintenanceAccess.Result.Denied(2));
        assertThat(audited).containsExactly("maintenance-login-failed {attempt=1 of 3}",
                "maintenance-login-granted {}", "maintenance-login-failed {attempt=1 of 3}");
        assertThat(String.join(" ", audited)).doesNotContain("482916", "111111");
    }

    @Test
    void tooManyWrongPinsLockEvenTheRightOneOutUntilTheLockoutEnds() {
        access.tryPin("1".toCharArray());
        access.tryPin("2".toCharArray());
        MaintenanceAccess.Result third = access.tryPin("3".toCharArray());
        assertThat(third).isEqualTo(new MaintenanceAccess.Result.LockedOut(clock.instant().plus(Duration.ofMinutes(5))));

        clock.advance(Duration.ofMinutes(4));
        assertThat(access.tryPin("482916".toCharArray())).isInstanceOf(MaintenanceAccess.Result.LockedOut.class);
        clock.advance(Duration.ofMinutes(1));
        assertThat(access.tryPin("482916".toCharArray())).isInstanceOf(MaintenanceAccess.Result.Granted.class);
    }

    @Test
    void withoutAConfiguredPinMaintenanceStaysClosed() {
        MaintenanceAccess closed = new MaintenanceAccess(Optional.empty(), 3, Duration.ofMinutes(5), clock,
                audit);
        assertThat(closed.tryPin("482916".toCharArray())).isInstanceOf(MaintenanceAccess.Result.NotConfigured.class);
        assertThat(audited).singleElement().asString().startsWith("maintenance-login-refused");
    }

    @Test
    void theTriedPinIsWipedFromMemory() {
        char[] pin = "482916".toCharArray();
        access.tryPin(pin);
        assertThat(new String(pin)).isEqualTo("\0\0\0\0\0\0");
    }
}
