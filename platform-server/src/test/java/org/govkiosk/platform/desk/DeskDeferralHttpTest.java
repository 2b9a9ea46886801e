package org.govkiosk.platform.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.govkiosk.api.ApiPaths;
import org.govkiosk.api.CaseKind;
import org.govkiosk.api.CaseReceipt;
import org.govkiosk.api.CaseSubmission;
import org.govkiosk.api.CaseView;
import org.govkiosk.api.DeferralCommitment;
import org.govkiosk.api.Material;
import org.govkiosk.platform.Fixtures;
import org.govkiosk.platform.RunningPlatform;
import org.govkiosk.platform.TestTerminal;
import org.junit.jupiter.api.Test;

/**
 * 容缺 on the desk: a case accepted with a deferred material shows in the queue's 容缺-overdue filter once its
 * deadline passed, flagged; the clerk records the material received (after the tick), and it leaves the filter.
 */
class DeskDeferralHttpTest extends RunningPlatform {

    @Test
    void aMissedDeferralIsFilteredFlaggedAndSettledOnThePage() throws Exception {
        CaseSubmission b = Fixtures.submission(terminal.id, "d1", CaseKind.PROMISED, "本地");
        CaseSubmission s = new CaseSubmission(b.idempotencyKey(), b.localCaseId(), b.terminalId(), b.itemCode(),
                b.itemName(), b.kind(), b.applicant(), b.formData(), List.of(
                        new Material("M01", "居民身份证", Material.Status.PROVIDED, Material.Source.PAPER, null),
                        new Material("M04", "解除或终止劳动合同证明", Material.Status.WAIVED_BY_COMMITMENT, null, null)),
                clock.instant(), new DeferralCommitment("RQ-2026.1", "本人承诺5个工作日内补交解除或终止劳动合同证明。",
                        clock.instant(), List.of("M04"), LocalDate.of(2025, 3, 5)));
        HttpResponse<String> filed = terminal.post(ApiPaths.CASES, s);
        assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
        String n = TestTerminal.read(filed, CaseReceipt.class).caseNumber();
        String other = TestTerminal.read(terminal.post(ApiPaths.CASES, Fixtures.submission(terminal.id, "d2")),
                CaseReceipt.class).caseNumber();

        org.govkiosk.platform.StaffClient.add(server, "wangfang", org.govkiosk.platform.staff.Role.CLERK, "HALL-1");
        DeskClient desk = new DeskClient(server.baseUri()).signedIn("wangfang", "W-03");
        String filter = DeskRoutes.PAGE + "?deferralOverdue=1";
        assertThat(desk.get(filter).body()).contains("共 0 件").doesNotContain("data-case=\"" + n + "\"");

        clock.advance(Duration.ofDays(4)); // Friday 7 March: the deadline of Wednesday 5 March has passed
        assertThat(desk.get(filter).statusCode()).as("yesterday's session has ended").isEqualTo(401);
        assertThat(desk.signIn("wangfang", org.govkiosk.platform.StaffClient.PASSWORD).statusCode())
                .as("a new day, a new session").isEqualTo(303);
        String late = desk.get(filter).body();
        assertThat(late).contains("共 1 件", "data-case=\"" + n + "\"", "容缺超期")
                .doesNotContain("data-case=\"" + other + "\"");
        assertThat(desk.get(DeskRoutes.PAGE + "?case=" + n).body()).contains("解除或终止劳动合同证明",
                "容缺（告知承诺）", "data-verb=\"deferred\"");

        HttpResponse<String> unticked = desk.act(n, "deferred");
        assertThat(unticked.statusCode()).isEqualTo(400);
        assertThat(TestTerminal.read(terminal.get(ApiPaths.caseByNumber(n)), CaseView.class).deferral().receivedAt())
                .isNull();
        HttpResponse<String> done = desk.act(n, "deferred", "confirm", "yes");
        assertThat(done.statusCode()).as(done.body()).isEqualTo(303);
        CaseView settled = TestTerminal.read(terminal.get(ApiPaths.caseByNumber(n)), CaseView.class);
        assertThat(settled.deferral().receivedAt()).isEqualTo(clock.instant());
        assertThat(settled.deferral().overdue()).isFalse();
        assertThat(desk.get(filter).body()).contains("共 0 件");
        assertThat(desk.get(DeskRoutes.PAGE + "?case=" + n).body()).doesNotContain("data-verb=\"deferred\"");
    }
}
