package org.govkiosk.shared.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ConfigDurationsTest {

    @ParameterizedTest
    @CsvSource({"300ms, 300", "90s, 90000", "5m, 300000", "1h, 3600000", "PT90S, 90000", "PT1M30S, 90000",
        "0s, 0", "' 20s ', 20000"})
    void acceptsFriendlyAndIsoForms(String text, long millis) {
        assertThat(ConfigDurations.parse(text)).contains(Duration.ofMillis(millis));
    }

    @ParameterizedTest
    @ValueSource(strings = {"90", "soon", "90 s", "90S", "1.5s", "5min", "-5s", "PT-5S", "-PT5S", "s", "",
        "9999999999s", "1d"})
    void rejectsEverythingElse(String text) {
        assertThat(ConfigDurations.parse(text)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"90000, 90s", "300000, 5m", "3600000, 1h", "300, 300ms", "0, 0s", "1500, 1500ms"})
    void formatsInTheLargestWholeUnit(long millis, String text) {
        assertThat(ConfigDurations.format(Duration.ofMillis(millis))).isEqualTo(text);
        assertThat(ConfigDurations.parse(text)).contains(Duration.ofMillis(millis));
    }
}
