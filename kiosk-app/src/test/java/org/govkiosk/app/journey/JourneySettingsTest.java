package org.govkiosk.app.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import org.govkiosk.shared.calendar.WorkingCalendar;
import org.junit.jupiter.api.Test;

/** The printed 补正 deadline is counted on the working calendar. */
class JourneySettingsTest {

    private static JourneySettings settings(int correctionDays, WorkingCalendar calendar) {
        return new JourneySettings("示例市政务服务中心", "人民大道88号", "0571-12345678", "T-1", "https://q/",
                correctionDays, Duration.ofSeconds(10), Duration.ofSeconds(30), ZoneId.of("Asia/Shanghai"), calendar);
    }

    @Test
    void theCorrectionDeadlineSkipsPublicHolidaysAndCountsMakeUpDays() {
        WorkingCalendar shipped = WorkingCalendar.load(Path.of("../config/calendar"));
        // Fri 26 Sep 2025 + 5: Sun 28 Sep (调休), 29, 30 Sep, then after 国庆中秋 (1-8 Oct) 9 and 10 Oct.
        assertThat(settings(5, shipped).correctionDeadline(LocalDate.of(2025, 9, 26)))
                .isEqualTo(LocalDate.of(2025, 10, 10));
        // Weekends only, the same five days end on Fri 3 Oct, a public holiday.
        assertThat(settings(5, WorkingCalendar.weekendsOnly()).correctionDeadline(LocalDate.of(2025, 9, 26)))
                .isEqualTo(LocalDate.of(2025, 10, 3));
    }
}
