package org.govkiosk.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import org.govkiosk.api.ApiPaths;
import org.govkiosk.api.CaseKind;
import org.govkiosk.api.CaseReceipt;
import org.govkiosk.api.CaseSubmission;
import org.govkiosk.api.CaseView;
import org.govkiosk.platform.Fixtures;
import org.govkiosk.platform.config.PlatformConfig;
import org.govkiosk.platform.RunningPlatform;
import org.govkiosk.platform.TestTerminal;
import org.junit.jupiter.api.Test;

/**
 * Promised dates over HTTP from the shipped catalog (each item's promised-days) and the shipped working calendar
 * (2025's and 2026's holidays and 调休), and the overdue flag counted on the same calendar.
 */
class PromisedDatesHttpTest extends RunningPlatform {

    /** 不动产抵押权注销登记 in the shipped catalog: promised-days 1. */
    private static final String ONE_DAY_ITEM = "11449900MB2F4000044442115002000";
    /** 基本养老保险待遇申领 in the shipped catalog: promised-days 10. */
    private static final String TEN_DAY_ITEM = "11449900MB2C1000014442113003000";

    @Override
    protected PlatformConfig config() {
        return super.config().withDeadlines(PlatformConfig.Deadlines.beside(Path.of("../config")));
    }

    private CaseReceipt submit(String key, String itemCode, String at) throws Exception {
        clock.set(Instant.parse(at));
        CaseSubmission s = Fixtures.submission(terminal.id, key);
        CaseSubmission forItem = new CaseSubmission(s.idempotencyKey(), s.localCaseId(), s.terminalId(), itemCode,
                s.itemName(), CaseKind.PROMISED, s.applicant(), s.formData(), s.materials(), clock.instant());
        HttpResponse<String> r = terminal.post(ApiPaths.CASES, forItem);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return TestTerminal.read(r, CaseReceipt.class);
    }

    private CaseView view(String number, String at) throws Exception {
        clock.set(Instant.parse(at));
        return TestTerminal.read(terminal.get(ApiPaths.caseByNumber(number)), CaseView.class);
    }

    @Test
    void aOneDayItemSubmittedBeforeTheNationalDayHolidayIsPromisedForTheDayAfterIt() throws Exception {
        // Tuesday 30 September 2025, 10:00 in Beijing; 1-8 October is 国庆中秋.
        CaseReceipt receipt = submit("k1", ONE_DAY_ITEM, "2025-09-30T02:00:00Z");
        assertThat(receipt.promisedDate()).isEqualTo(LocalDate.of(2025, 10, 9));

        assertThat(view(receipt.caseNumber(), "2025-10-05T02:00:00Z").overdue()).isFalse();
        assertThat(view(receipt.caseNumber(), "2025-10-09T08:00:00Z").overdue()).isFalse();
        assertThat(view(receipt.caseNumber(), "2025-10-10T02:00:00Z").overdue()).isTrue();
    }

    @Test
    void theCatalogsDaysAreCountedAcrossTheSpringFestival() throws Exception {
        // Friday 13 February 2026: Saturday 14 works, 春节 15-23 February, then 24 February on.
        assertThat(submit("k1", ONE_DAY_ITEM, "2026-02-13T02:00:00Z").promisedDate())
                .isEqualTo(LocalDate.of(2026, 2, 14));
        assertThat(submit("k2", TEN_DAY_ITEM, "2026-02-13T03:00:00Z").promisedDate())
                .isEqualTo(LocalDate.of(2026, 3, 5));
    }

    @Test
    void anItemTheCatalogLacksGetsTheFallbackDaysOnTheCalendar() throws Exception {
        // ITEM-001 is no item of the shipped catalog: 5 working days from Friday 26 September 2025 are
        // Sun 28 Sep (调休), Mon 29, Tue 30 Sep, Thu 9 and Fri 10 Oct.
        assertThat(submit("k1", "ITEM-001", "2025-09-26T02:00:00Z").promisedDate())
                .isEqualTo(LocalDate.of(2025, 10, 10));
    }

    @Test
    void aCasePromisedForAFridayIsNotOverdueOverTheWeekend() throws Exception {
        // Thursday 6 March 2025 + 1 = Friday 7 March.
        CaseReceipt receipt = submit("k1", ONE_DAY_ITEM, "2025-03-06T02:00:00Z");
        assertThat(receipt.promisedDate()).isEqualTo(LocalDate.of(2025, 3, 7));
        assertThat(view(receipt.caseNumber(), "2025-03-08T02:00:00Z").overdue()).isFalse();
        assertThat(view(receipt.caseNumber(), "2025-03-09T02:00:00Z").overdue()).isFalse();
        assertThat(view(receipt.caseNumber(), "2025-03-10T02:00:00Z").overdue()).isTrue();
    }
}
