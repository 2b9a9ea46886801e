package org.govkiosk.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.govkiosk.api.ApiPaths;
import org.govkiosk.api.CaseKind;
import org.govkiosk.api.CaseReceipt;
import org.govkiosk.api.CaseState;
import org.govkiosk.api.CaseSubmission;
import org.govkiosk.api.CaseView;
import org.govkiosk.api.DeferralCommitment;
import org.govkiosk.api.Material;
import org.govkiosk.platform.Fixtures;
import org.govkiosk.platform.RunningPlatform;
import org.govkiosk.platform.TestTerminal;
import org.govkiosk.platform.config.PlatformConfig;
import org.junit.jupiter.api.Test;

/**
 * 容缺 deadlines that pass, with the shipped catalog and the 2025 calendar: a case whose deferred materials did not
 * come ends as the commitment says (视为撤回) on the first working day after the deadline and not before (the clock
 * moved across the National Day holiday), by the platform's job, under the row lock, with the written reason in its
 * history and 退回通知 and one SMS notice of its own; a case whose materials came, or one a clerk decided, is left.
 */
class DeferralLapseHttpTest extends RunningPlatform {

    /** 基本养老保险待遇申领: its 4th material (解除或终止劳动合同证明) has deferral-days 5. */
    private static final String PENSION_ITEM = "11449900MB2C1000014442113003000";

    @Override
    protected PlatformConfig config() {
        return super.config().withDeadlines(PlatformConfig.Deadlines.beside(Path.of("../config")));
    }

    private String deferred(String key) throws Exception {
        CaseSubmission s = Fixtures.submission(terminal.id, key);
        HttpResponse<String> r = terminal.post(ApiPaths.CASES, new CaseSubmission(s.idempotencyKey(),
                s.localCaseId(), s.terminalId(), PENSION_ITEM, "基本养老保险待遇申领", CaseKind.PROMISED, s.applicant(),
                s.formData(), List.of(
                        new Material("M01", "居民身份证", Material.Status.PROVIDED, Material.Source.PAPER, null),
                        new Material("M04", "解除或终止劳动合同证明", Material.Status.WAIVED_BY_COMMITMENT, null, null)),
                clock.instant(), new DeferralCommitment("RQ-2026.1", "逾期未补交的，本次申请视为撤回。", clock.instant(),
                        List.of("M04"), LocalDate.of(2025, 9, 30))));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        String n = TestTerminal.read(r, CaseReceipt.class).caseNumber();
        assertThat(clerk("POST", ApiPaths.clerkCaseTransitions(n), "{\"to\":\"ACCEPTED\"}").statusCode())
                .isEqualTo(200);
        return n;
    }

    private CaseView view(String number) throws Exception {
        return TestTerminal.read(terminal.get(ApiPaths.caseByNumber(number)), CaseView.class);
    }

    @Test
    void aMissedDeadlineEndsTheCaseTheFirstWorkingDayAfterItAcrossTheHoliday() throws Exception {
        // Tuesday 23 September 2025, 10:00 in Beijing; 5 working days: 24, 25, 26, Sun 28 (调休), 29 September.
        clock.set(Instant.parse("2025-09-23T02:00:00Z"));
        String lapsing = deferred("d1");
        String brought = deferred("d2");
        String decided = deferred("d3");
        assertThat(view(lapsing).deferral().deadline()).isEqualTo(LocalDate.of(2025, 9, 29));
        assertThat(clerk("POST", ApiPaths.clerkCaseDeferredReceived(brought), null).statusCode()).isEqualTo(200);
        for (String to : List.of("IN_REVIEW", "COMPLETED")) {
            assertThat(clerk("POST", ApiPaths.clerkCaseTransitions(decided), "{\"to\":\"" + to + "\"}").statusCode())
                    .isEqualTo(200);
        }

        clock.set(Instant.parse("2025-09-29T15:00:00Z")); // 23:00 on the deadline day in Beijing
        assertThat(server.runDeferralDeadlines()).isEmpty();
        // Tuesday 30 September is the first working day after it.
        clock.set(Instant.parse("2025-09-29T16:30:00Z")); // 00:30 on the 30th in Beijing
        assertThat(server.runDeferralDeadlines()).containsExactly(lapsing);
        assertThat(server.runDeferralDeadlines()).as("once").isEmpty();

        CaseView ended = view(lapsing);
        assertThat(ended.state()).isEqualTo(CaseState.RETURNED);
        assertThat(ended.history()).extracting(e -> e.state()).containsExactly(CaseState.SUBMITTED,
                CaseState.ACCEPTED, CaseState.RETURNED);
        assertThat(ended.history().get(2).at()).isEqualTo(clock.instant());
        assertThat(ended.note()).contains("解除或终止劳动合同证明", "2025年9月29日", "视为撤回");
        assertThat(ended.returned().reasons()).singleElement().asString().contains("视为撤回");
        assertThat(ended.returned().nextSteps()).contains("重新申报");
        assertThat(view(brought).state()).isEqualTo(CaseState.ACCEPTED);
        assertThat(view(decided).state()).as("a decision is the department's to revoke")
                .isEqualTo(CaseState.COMPLETED);

        server.runCaseNotices();
        assertThat(server.ratings().sms().rows()).filteredOn(r -> r.dedupeKey().startsWith("case-notice:" + lapsing))
                .extracting(r -> r.dedupeKey()).containsExactly("case-notice:" + lapsing + ":DEFERRAL_LAPSED");
        assertThat(server.ratings().sms().rows()).filteredOn(r -> r.dedupeKey().startsWith("case-notice:" + lapsing))
                .singleElement().satisfies(r -> assertThat(r.text()).contains(lapsing, "视为撤回"));
    }

    @Test
    void aDeadlineBeforeTheNationalDayHolidayLapsesOnlyAfterIt() throws Exception {
        // Friday 26 September 2025; 5 working days: Sun 28 (调休), 29, 30 September, 9 and 10 October.
        clock.set(Instant.parse("2025-09-26T02:00:00Z"));
        String n = deferred("d4");
        assertThat(view(n).deferral().deadline()).isEqualTo(LocalDate.of(2025, 10, 10));
        clock.set(Instant.parse("2025-10-05T02:00:00Z")); // in the holiday
        assertThat(server.runDeferralDeadlines()).isEmpty();
        clock.set(Instant.parse("2025-10-10T15:59:00Z")); // 23:59 on the deadline day
        assertThat(server.runDeferralDeadlines()).isEmpty();
        clock.set(Instant.parse("2025-10-11T01:00:00Z")); // Saturday 11 October is a 调休 working day
        assertThat(server.runDeferralDeadlines()).containsExactly(n);
        assertThat(view(n).state()).isEqualTo(CaseState.RETURNED);
    }
}
