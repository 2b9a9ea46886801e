package org.govkiosk.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import org.govkiosk.api.ApiPaths;
import org.govkiosk.api.CaseKind;
import org.govkiosk.api.CaseReceipt;
import org.govkiosk.api.CaseState;
import org.govkiosk.api.CaseSubmission;
import org.govkiosk.api.CaseView;
import org.govkiosk.platform.Fixtures;
import org.govkiosk.platform.RunningPlatform;
import org.govkiosk.platform.TestTerminal;
import org.govkiosk.platform.cases.DeemedApprovals;
import org.govkiosk.platform.config.PlatformConfig;
import org.junit.jupiter.api.Test;

/**
 * 承诺超时默认 with the shipped catalog and calendar: an accepted case of an item marked deemed-approval that is not
 * decided by its promised date is taken as granted on the first working day after it (the clock moved there), with
 * the reason in its history; a case of another item is only flagged overdue, and a case a clerk decided is left alone.
 */
class DeemedApprovalHttpTest extends RunningPlatform {

    /** 不动产抵押权注销登记: promised-days 1, deemed-approval: true in the shipped catalog. */
    private static final String DEEMED_ITEM = "11449900MB2F4000044442115002000";
    /** 基本养老保险待遇申领: promised-days 10, no deemed approval. */
    private static final String OTHER_ITEM = "11449900MB2C1000014442113003000";

    @Override
    protected PlatformConfig config() {
        return super.config().withDeadlines(PlatformConfig.Deadlines.beside(Path.of("../config")));
    }

    private String accepted(String key, String itemCode) throws Exception {
        CaseSubmission s = Fixtures.submission(terminal.id, key);
        HttpResponse<String> r = terminal.post(ApiPaths.CASES, new CaseSubmission(s.idempotencyKey(),
                s.localCaseId(), s.terminalId(), itemCode, s.itemName(), CaseKind.PROMISED, s.applicant(),
                s.formData(), s.materials(), clock.instant()));
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
    void anUndecidedCaseIsGrantedTheFirstWorkingDayAfterItsPromisedDate() throws Exception {
        // Tuesday 30 September 2025: one working day is Thursday 9 October, after the National Day holiday.
        clock.set(Instant.parse("2025-09-30T02:00:00Z"));
        String deemed = accepted("k1", DEEMED_ITEM);
        String decidedByClerk = accepted("k2", DEEMED_ITEM);
        assertThat(clerk("POST", ApiPaths.clerkCaseTransitions(decidedByClerk), "{\"to\":\"IN_REVIEW\"}")
                .statusCode()).isEqualTo(200);
        String other = accepted("k3", OTHER_ITEM);
        assertThat(view(deemed).promisedDate()).hasToString("2025-10-09");

        clock.set(Instant.parse("2025-10-09T09:00:00Z")); // the promised day itself, 17:00 in Beijing
        assertThat(server.runDeadlineJobs()).isEmpty();
        assertThat(view(deemed).state()).isEqualTo(CaseState.ACCEPTED);

        assertThat(clerk("POST", ApiPaths.clerkCaseTransitions(decidedByClerk), "{\"to\":\"COMPLETED\"}")
                .statusCode()).isEqualTo(200);
        clock.set(Instant.parse("2025-10-10T01:00:00Z")); // Friday 10 October, 09:00 in Beijing
        assertThat(server.runDeadlineJobs()).containsExactly(deemed);
        CaseView granted = view(deemed);
        assertThat(granted.state()).isEqualTo(CaseState.COMPLETED);
        assertThat(granted.overdue()).isFalse();
        assertThat(granted.note()).isEqualTo(DeemedApprovals.NOTE);
        assertThat(granted.history()).extracting(e -> e.state()).containsExactly(CaseState.SUBMITTED,
                CaseState.ACCEPTED, CaseState.IN_REVIEW, CaseState.COMPLETED);
        assertThat(granted.history().get(3).at()).isEqualTo(clock.instant());
        assertThat(view(decidedByClerk).history()).as("decided by its clerk, not by default")
                .noneMatch(e -> DeemedApprovals.NOTE.equals(e.note()));

        // Promised for 2025-10-21 (10 working days): overdue from the 22nd, but its rules grant nothing by default.
        clock.set(Instant.parse("2025-10-22T02:00:00Z"));
        assertThat(server.runDeadlineJobs()).isEmpty();
        assertThat(view(other).state()).isEqualTo(CaseState.ACCEPTED);
        assertThat(view(other).overdue()).isTrue();
        assertThat(server.runDeadlineJobs()).as("once decided, never again").isEmpty();
    }
}
