package org.govkiosk.platform.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.govkiosk.api.CaseKind;
import org.govkiosk.platform.config.PlatformConfig;
import org.govkiosk.shared.calendar.WorkingCalendar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PromisedDatesTest {

    private static final Path SHIPPED = Path.of("../config");
    private static final PromisedDates DATES = PromisedDates.of(PlatformConfig.Deadlines.beside(SHIPPED));

    @Test
    void theCatalogsPromisedDaysAreCountedOnTheWorkingCalendar() {
        // 不动产抵押权注销登记: promised-days 1; 国庆中秋 2025 is 1-8 October.
        assertThat(DATES.promisedDate("11449900MB2F4000044442115002000", CaseKind.PROMISED, LocalDate.of(2025, 9, 30)))
                .isEqualTo(LocalDate.of(2025, 10, 9));
        // 基本养老保险待遇申领: promised-days 10; Fri 24 Jan 2025: Sun 26 and Mon 27 Jan work, 春节 28 Jan - 4 Feb,
        // Sat 8 Feb works: 5, 6, 7, 8, 10, 11, 12, 13 Feb.
        assertThat(DATES.promisedDate("11449900MB2C1000014442113003000", CaseKind.JOINT, LocalDate.of(2025, 1, 24)))
                .isEqualTo(LocalDate.of(2025, 2, 13));
    }

    @Test
    void immediateIsTodayAndReturnedPromisesNothing() {
        LocalDate holiday = LocalDate.of(2025, 10, 1);
        assertThat(DATES.promisedDate("11449900MB2F4000044442115002000", CaseKind.IMMEDIATE, holiday))
                .isEqualTo(holiday);
        assertThat(DATES.promisedDate("11449900MB2F4000044442115002000", CaseKind.RETURNED, holiday)).isNull();
    }

    @Test
    void anItemTheCatalogLacksGetsTheFallback() {
        // 5 working days from Fri 26 Sep 2025: Sun 28 Sep (调休), 29, 30 Sep, 9, 10 Oct.
        assertThat(DATES.promisedDate("NOT-IN-CATALOG", CaseKind.PROMISED, LocalDate.of(2025, 9, 26)))
                .isEqualTo(LocalDate.of(2025, 10, 10));
        PromisedDates three = new PromisedDates(WorkingCalendar.weekendsOnly(), Map.of("A", 1), 3);
        assertThat(three.promisedDate("B", CaseKind.SUPPLEMENT, LocalDate.of(2025, 3, 7)))
                .isEqualTo(LocalDate.of(2025, 3, 12));
        assertThat(three.promisedDate("A", CaseKind.PROMISED, LocalDate.of(2025, 3, 7)))
                .isEqualTo(LocalDate.of(2025, 3, 10));
    }

    @Test
    void aBrokenCatalogNamesFileAndPath(@TempDir Path dir) throws Exception {
        Path catalog = Files.writeString(dir.resolve("catalog.yaml"), String.join("\n",
                "items:",
                "  - code: \"A\"",
                "    time-limit: {legal-days: 5, promised-days: 2}",
                "  - code: \"A\"",
                "    time-limit: {legal-days: 5, promised-days: 3}",
                "  - code: 12",
                "    time-limit: {legal-days: 5}",
                ""), StandardCharsets.UTF_8);
        assertThatThrownBy(() -> PromisedDates.of(new PlatformConfig.Deadlines(Optional.of(catalog),
                Optional.of(SHIPPED.resolve("calendar")), 5)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("catalog.yaml: items[1].code: 'A' is listed twice")
                .hasMessageContaining("catalog.yaml: items[2].code: write it in quotes")
                .hasMessageContaining("catalog.yaml: items[2].time-limit.promised-days: required");
    }
}
