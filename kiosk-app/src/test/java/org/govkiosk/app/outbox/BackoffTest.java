package org.govkiosk.app.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void doublesUpToTheCapAndJitterOnlyShortens() {
        Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1), 0.25,
                RandomGenerator.of("L64X128MixRandom"));
        assertThat(backoff.ceiling(1)).isEqualTo(Duration.ofMillis(100));
        assertThat(backoff.ceiling(2)).isEqualTo(Duration.ofMillis(200));
        assertThat(backoff.ceiling(4)).isEqualTo(Duration.ofMillis(800));
        assertThat(backoff.ceiling(5)).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.ceiling(500)).isEqualTo(Duration.ofSeconds(1));
        for (int n = 1; n < 40; n++) {
            Duration d = backoff.delay(n);
            assertThat(d).isLessThanOrEqualTo(backoff.ceiling(n));
            assertThat(d.toMillis()).isGreaterThanOrEqualTo((long) (backoff.ceiling(n).toMillis() * 0.75));
        }
    }

    @Test
    void jitterSpreadsTheDelays() {
        Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(1), 0.5, RandomGenerator.getDefault());
        long distinct = java.util.stream.IntStream.range(0, 50).mapToObj(i -> backoff.delay(3)).distinct().count();
        assertThat(distinct).isGreaterThan(10);
    }

    @Test
    void nonsenseIsRefused() {
        assertThatThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofSeconds(1), 0, RandomGenerator.getDefault()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1), 0,
                RandomGenerator.getDefault())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(1), 1,
                RandomGenerator.getDefault())).isInstanceOf(IllegalArgumentException.class);
    }
}
