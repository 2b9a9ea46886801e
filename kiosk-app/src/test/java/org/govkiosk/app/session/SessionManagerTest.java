package org.govkiosk.app.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.govkiosk.testkit.MutableClock;
import org.junit.jupiter.api.Test;

class SessionManagerTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T08:00:00Z"));
    private final SessionManager sessions = new SessionManager(clock, Duration.ofSeconds(90), Duration.ofSeconds(20));
    private final List<SessionManager.EndReason> ended = new ArrayList<>();

    {
        sessions.onEnd(ended::add);
    }

    @Test
    void warnsWithCountdownBeforeTheIdleTimeoutThenEndsAndWipes() {
        CitizenSession citizen = sessions.register(new CitizenSession());
        sessions.begin();
        citizen.scannedCodes().add("QR-1");

        clock.advance(Duration.ofSeconds(69));
        sessions.tick();
        assertThat(sessions.state()).isEqualTo(SessionManager.State.ACTIVE);

        clock.advance(Duration.ofMillis(1500));
        sessions.tick();
        assertThat(sessions.state()).isEqualTo(SessionManager.State.WARNING);
        assertThat(sessions.secondsLeftProperty().get()).isEqualTo(20);

        clock.advance(Duration.ofSeconds(15));
        sessions.tick();
        assertThat(sessions.secondsLeftProperty().get()).isEqualTo(5);

        clock.advance(Duration.ofSeconds(5));
        sessions.tick();
        assertThat(sessions.state()).isEqualTo(SessionManager.State.IDLE);
        assertThat(ended).containsExactly(SessionManager.EndReason.TIMEOUT);
        assertThat(citizen.isEmpty()).isTrue();
        assertThat(sessions.sessionsEnded()).isEqualTo(1);
    }

    @Test
    void aTouchDuringTheWarningKeepsTheSession() {
        sessions.begin();
        clock.advance(Duration.ofSeconds(80));
        sessions.tick();
        assertThat(sessions.state()).isEqualTo(SessionManager.State.WARNING);

        sessions.touch();
        assertThat(sessions.state()).isEqualTo(SessionManager.State.ACTIVE);
        clock.advance(Duration.ofSeconds(60));
        sessions.tick();
        assertThat(sessions.state()).isEqualTo(SessionManager.State.ACTIVE);
        assertThat(ended).isEmpty();
    }

    @Test
    void noSessionMeansNoTimeout() {
        clock.advance(Duration.ofHours(3));
        sessions.tick();
        sessions.touch();
        assertThat(sessions.state()).isEqualTo(SessionManager.State.IDLE);
        assertThat(ended).isEmpty();
    }

    @Test
    void finishWipesEveryRegisteredHolder() {
        List<String> wiped = new ArrayList<>();
        sessions.register(() -> wiped.add("a"));
        sessions.register(() -> wiped.add("b"));
        sessions.begin();
        sessions.end(SessionManager.EndReason.FINISHED);
        assertThat(wiped).containsExactly("a", "b");
        assertThat(ended).containsExactly(SessionManager.EndReason.FINISHED);
    }

    @Test
    void refusesAWarningAsLongAsTheTimeout() {
        assertThatThrownBy(() -> new SessionManager(clock, Duration.ofSeconds(10), Duration.ofSeconds(10)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("warning");
    }
}
