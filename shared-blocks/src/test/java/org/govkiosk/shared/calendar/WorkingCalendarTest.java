package org.govkiosk.shared.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** The shipped 2025 and 2026 arrangements (国办发明电〔2024〕12号, 国办发明电〔2025〕7号) and the file's errors. */
class WorkingCalendarTest {

    private static final WorkingCalendar SHIPPED = WorkingCalendar.load(
            Path.of(System.getProperty("govkiosk.config.dir", "../config")).resolve("calendar"));

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    @Test
    void theShippedFilesHave2025And2026WithTheirNotices() {
        assertThat(SHIPPED.years()).contains(2025, 2026);
        assertThat(SHIPPED.source(2025)).hasValueSatisfying(s -> assertThat(s).contains("国办发明电〔2024〕12号"));
        assertThat(SHIPPED.source(2026)).hasValueSatisfying(s -> assertThat(s).contains("国办发明电〔2025〕7号"));
    }

    @Test
    void the2025HolidaysAreDaysOff() {
        for (String day : List.of("2025-01-01", "2025-01-28", "2025-01-31", "2025-02-03", "2025-02-04",
                "2025-04-04", "2025-05-01", "2025-05-02", "2025-05-05", "2025-06-02", "2025-10-01", "2025-10-03",
                "2025-10-06", "2025-10-07", "2025-10-08")) {
            assertThat(SHIPPED.isWorkingDay(d(day))).as(day).isFalse();
        }
    }

    @Test
    void the2025MakeUpWeekendsAreWorkingDays() {
        for (String day : List.of("2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11")) {
            assertThat(d(day).getDayOfWeek()).as(day).isIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
            assertThat(SHIPPED.isWorkingDay(d(day))).as(day).isTrue();
        }
        // An ordinary weekend and an ordinary weekday around them.
        assertThat(SHIPPED.isWorkingDay(d("2025-01-25"))).isFalse();
        assertThat(SHIPPED.isWorkingDay(d("2025-02-05"))).isTrue();
        assertThat(SHIPPED.isWorkingDay(d("2025-10-09"))).isTrue();
    }

    @Test
    void the2026HolidaysAreDaysOffAndTheMakeUpWeekendsWorkingDays() {
        for (String day : List.of("2026-01-01", "2026-01-02", "2026-02-16", "2026-02-20", "2026-02-23",
                "2026-04-06", "2026-05-04", "2026-05-05", "2026-06-19", "2026-09-25", "2026-10-01", "2026-10-05",
                "2026-10-07")) {
            assertThat(SHIPPED.isWorkingDay(d(day))).as(day).isFalse();
        }
        for (String day : List.of("2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20",
                "2026-10-10")) {
            assertThat(d(day).getDayOfWeek()).as(day).isIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
            assertThat(SHIPPED.isWorkingDay(d(day))).as(day).isTrue();
        }
    }

    @Test
    void deadlinesAcrossThe2025Holidays() {
        // Fri 24 Jan + 3: Sun 26 Jan (调休上班), Mon 27 Jan, then 春节 28 Jan - 4 Feb, Wed 5 Feb.
        assertThat(SHIPPED.addWorkingDays(d("2025-01-24"), 3)).isEqualTo(d("2025-02-05"));
        assertThat(SHIPPED.addWorkingDays(d("2025-01-24"), 1)).isEqualTo(d("2025-01-26"));
        // 国庆中秋 1-8 Oct.
        assertThat(SHIPPED.addWorkingDays(d("2025-09-30"), 1)).isEqualTo(d("2025-10-09"));
        // Fri 26 Sep + 1 is Sun 28 Sep (调休上班).
        assertThat(SHIPPED.addWorkingDays(d("2025-09-26"), 1)).isEqualTo(d("2025-09-28"));
        // 劳动节: Wed 30 Apr + 1 is Tue 6 May.
        assertThat(SHIPPED.addWorkingDays(d("2025-04-30"), 1)).isEqualTo(d("2025-05-06"));
        // Across the year: 元旦 2026 is 1-3 Jan, and Sun 4 Jan works.
        assertThat(SHIPPED.addWorkingDays(d("2025-12-31"), 1)).isEqualTo(d("2026-01-04"));
        assertThat(SHIPPED.addWorkingDays(d("2025-10-09"), 0)).isEqualTo(d("2025-10-09"));
    }

    @Test
    void deadlinesAcrossThe2026Holidays() {
        assertThat(SHIPPED.addWorkingDays(d("2026-02-13"), 1)).isEqualTo(d("2026-02-14"));
        // 春节 15-23 Feb: Sat 14 Feb works, then Tue 24 Feb.
        assertThat(SHIPPED.addWorkingDays(d("2026-02-13"), 2)).isEqualTo(d("2026-02-24"));
        assertThat(SHIPPED.addWorkingDays(d("2026-09-30"), 1)).isEqualTo(d("2026-10-08"));
        // Fri 9 Oct + 1 is Sat 10 Oct (调休上班).
        assertThat(SHIPPED.addWorkingDays(d("2026-10-09"), 1)).isEqualTo(d("2026-10-10"));
        // 20 working days from Mon 1 Jun 2026: 端午 19 Jun (Fri) is off.
        assertThat(SHIPPED.addWorkingDays(d("2026-06-01"), 20)).isEqualTo(d("2026-06-30"));
    }

    @Test
    void workingDaysBetweenIsTheInverseOfAdding() {
        assertThat(SHIPPED.workingDaysBetween(d("2025-01-24"), d("2025-02-05"))).isEqualTo(3);
        assertThat(SHIPPED.workingDaysBetween(d("2025-09-30"), d("2025-10-09"))).isEqualTo(1);
        assertThat(SHIPPED.workingDaysBetween(d("2025-10-09"), d("2025-09-30"))).isEqualTo(-1);
        assertThat(SHIPPED.workingDaysBetween(d("2026-10-01"), d("2026-10-07"))).isZero();
        for (LocalDate from = d("2025-01-01"); from.isBefore(d("2026-12-01")); from = from.plusDays(11)) {
            for (int n : new int[] {0, 1, 5, 20}) {
                assertThat(SHIPPED.workingDaysBetween(from, SHIPPED.addWorkingDays(from, n))).as(from + " + " + n)
                        .isEqualTo(n);
            }
        }
        // 2025: 261 weekdays, 18 of them off (元旦 1, 春节 6, 清明 1, 劳动节 3, 端午 1, 国庆中秋 6), 5 调休 weekends.
        int expected = 0;
        for (LocalDate day = d("2025-01-01"); day.getYear() == 2025; day = day.plusDays(1)) {
            expected += SHIPPED.isWorkingDay(day) ? 1 : 0;
        }
        assertThat(SHIPPED.workingDaysBetween(d("2024-12-31"), d("2025-12-31"))).isEqualTo(expected)
                .isEqualTo(248);
    }

    @Test
    void aYearWithoutAFileFallsBackToWeekendsWithOneWarning() {
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        Logger logger = (Logger) LoggerFactory.getLogger(WorkingCalendar.class);
        logged.start();
        logger.addAppender(logged);
        try {
            // 1 Oct 2027 is a Friday: without 2027.yaml it is an ordinary working day.
            assertThat(SHIPPED.isWorkingDay(d("2027-10-01"))).isTrue();
            assertThat(SHIPPED.addWorkingDays(d("2027-10-01"), 1)).isEqualTo(d("2027-10-04"));
            assertThat(SHIPPED.workingDaysBetween(d("2027-01-01"), d("2027-01-08"))).isEqualTo(5);
        } finally {
            logger.detachAppender(logged);
        }
        List<ILoggingEvent> warnings = logged.list.stream().filter(e -> e.getLevel() == Level.WARN).toList();
        assertThat(warnings).hasSize(1);
        assertThat(warnings.get(0).getFormattedMessage()).contains("2027", "calendar/2027.yaml", "Monday to Friday");
    }

    @Test
    void aBrokenFileIsNamedWithThePathOfEveryProblem(@TempDir Path dir) throws IOException {
        Path calendar = Files.createDirectory(dir.resolve("calendar"));
        write(calendar, "2025.yaml", """
                year: 2025
                source: 国办发明电〔2024〕12号
                holidays:
                  - {name: 元旦, from: 2025-01-01, to: 2025-01-01}
                  - {name: 春节, from: 2025-01-28, to: 2025-02-31}
                  - {name: 清明节, from: 2025-04-06, to: 2025-04-04}
                  - {name: 劳动节, form: 2025-05-01, to: 2025-05-05}
                working-weekends: [2025-01-26, 2025-01-27, 2026-02-08]
                """);
        write(calendar, "2026.yaml", "year: 2025\nsource: x\nholidays: []\n");

        assertThatThrownBy(() -> WorkingCalendar.load(calendar))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("calendar/2025.yaml: holidays[1].to: expected a date like 2025-10-01, "
                        + "got '2025-02-31'")
                .hasMessageContaining("calendar/2025.yaml: holidays[2].to: is before from (2025-04-06)")
                .hasMessageContaining("calendar/2025.yaml: holidays[3].form: unknown key (did you mean 'from'?)")
                .hasMessageContaining("calendar/2025.yaml: holidays[3].from: required")
                .hasMessageContaining("calendar/2025.yaml: working-weekends[1]: 2025-01-27 is a monday")
                .hasMessageContaining("calendar/2025.yaml: working-weekends[2]: 2026-02-08 is not in 2025")
                .hasMessageContaining("calendar/2026.yaml: year: says 2025, but the file is 2026.yaml");
    }

    @Test
    void aFileThatIsNoYamlIsNamedWithItsLine(@TempDir Path dir) throws IOException {
        Path calendar = Files.createDirectory(dir.resolve("calendar"));
        write(calendar, "2025.yaml", "year: 2025\nholidays: [2025-01-01\n");

        assertThatThrownBy(() -> WorkingCalendar.load(calendar)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("calendar/2025.yaml: line ");
    }

    @Test
    void aMissingFolderIsAnError(@TempDir Path dir) {
        assertThatThrownBy(() -> WorkingCalendar.load(dir.resolve("calendar")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not a directory");
    }

    private static void write(Path dir, String name, String text) throws IOException {
        Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }
}
