package org.govkiosk.shared.retry;

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
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(-1), Duration.ofSeconds(1), 0,
                RandomGenerator.getDefault()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1), 0,
                RandomGenerator.getDefault())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(1), 1,
                RandomGenerator.getDefault())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aZeroBaseRetriesAtOnce() {
        Backoff backoff = new Backoff(Duration.ZERO, Duration.ofSeconds(1), 0.5, RandomGenerator.getDefault());
        assertThat(backoff.delay(1)).isEqualTo(Duration.ZERO);
        assertThat(backoff.delay(100)).isEqualTo(Duration.ZERO);
    }

    @Test
    void anInjectedRandomMakesTheDelaysExact() {
        // nextDouble() 0.5 with jitter 0.2: each wait is 10 % below its ceiling.
        RandomGenerator half = new RandomGenerator() {
            @Override
            public long nextLong() {
                throw new UnsupportedOperationException();
            }

            @Override
            public double nextDouble() {
                return 0.5;
            }
        };
        Backoff backoff = new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(5), 0.2, half);
        assertThat(java.util.stream.IntStream.rangeClosed(1, 10).mapToObj(n -> backoff.delay(n).toMillis()).toList())
                .containsExactly(1_800L, 3_600L, 7_200L, 14_400L, 28_800L, 57_600L, 115_200L, 230_400L, 270_000L,
                        270_000L);
        assertThat(backoff.ceiling(Integer.MAX_VALUE)).as("no overflow").isEqualTo(Duration.ofMinutes(5));
    }
}
