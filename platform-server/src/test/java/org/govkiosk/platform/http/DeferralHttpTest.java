package org.govkiosk.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.govkiosk.api.ApiPaths;
import org.govkiosk.api.CaseKind;
import org.govkiosk.api.CaseList;
import org.govkiosk.api.CaseReceipt;
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
 * 容缺受理 over HTTP, with the shipped catalog and working calendar: the citizen's commitment is kept with the case,
 * the platform counts the deadline from the material's deferral-days, and a deferral not settled by then is flagged
 * overdue for the clerk (the clock moved past the deadline), until the clerk records the materials received.
 */
class DeferralHttpTest extends RunningPlatform {

    /** 基本养老保险待遇申领 in the shipped catalog: its 4th material (解除或终止劳动合同证明) has deferral-days 5. */
    private static final String PENSION_ITEM = "11449900MB2C1000014442113003000";
    private static final String TEXT = "本人承诺：在2025年10月10日前（5个工作日内）补交以下容缺材料：解除或终止劳动合同证明。"
            + "逾期未补交的，本次申请按撤回处理。";

    @Override
    protected PlatformConfig config() {
        return super.config().withDeadlines(PlatformConfig.Deadlines.beside(Path.of("../config")));
    }

    private CaseSubmission pension(String key, DeferralCommitment commitment) {
        CaseSubmission s = Fixtures.submission(terminal.id, key);
        return new CaseSubmission(s.idempotencyKey(), s.localCaseId(), s.terminalId(), PENSION_ITEM, "基本养老保险待遇申领",
                CaseKind.PROMISED, s.applicant(), s.formData(), List.of(
                        new Material("M01", "居民身份证", Material.Status.PROVIDED, Material.Source.PAPER, null),
                        new Material("M04", "解除或终止劳动合同证明", Material.Status.WAIVED_BY_COMMITMENT, null, null)),
                clock.instant(), commitment);
    }

    private CaseView view(String number, String at) throws Exception {
        clock.set(Instant.parse(at));
        return TestTerminal.read(terminal.get(ApiPaths.caseByNumber(number)), CaseView.class);
    }

    private List<String> overdueForTheClerk() throws Exception {
        return TestTerminal.read(clerk("GET", ApiPaths.CLERK_CASES + "?deferralOverdue=true", null), CaseList.class)
                .cases().stream().map(CaseView::caseNumber).toList();
    }

    @Test
    void theCommitmentIsKeptItsDeadlineCountedAndAMissedOneFlaggedUntilTheMaterialsCome() throws Exception {
        // Friday 26 September 2025, 10:00 in Beijing; 5 working days: Sun 28 Sep (调休), 29, 30 Sep, 9 and 10 Oct.
        clock.set(Instant.parse("2025-09-26T02:00:00Z"));
        Instant accepted = Instant.parse("2025-09-26T01:58:30Z");
        HttpResponse<String> r = terminal.post(ApiPaths.CASES, pension("k1", new DeferralCommitment("RQ-2026.1", TEXT,
                accepted, List.of("M04"), LocalDate.of(2025, 10, 10))));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        String n = TestTerminal.read(r, CaseReceipt.class).caseNumber();

        CaseView filed = view(n, "2025-10-10T08:00:00Z");
        assertThat(filed.deferral()).isNotNull();
        assertThat(filed.deferral().materials()).containsExactly("解除或终止劳动合同证明");
        assertThat(filed.deferral().deadline()).isEqualTo(LocalDate.of(2025, 10, 10));
        assertThat(filed.deferral().acceptedAt()).isEqualTo(accepted);
        assertThat(filed.deferral().textVersion()).isEqualTo("RQ-2026.1");
        assertThat(filed.deferral().receivedAt()).isNull();
        assertThat(filed.deferral().overdue()).isFalse();
        assertThat(overdueForTheClerk()).isEmpty();

        // Saturday 11 October 2025 is a 调休 working day: the deadline has passed.
        assertThat(view(n, "2025-10-11T02:00:00Z").deferral().overdue()).isTrue();
        assertThat(overdueForTheClerk()).containsExactly(n);

        HttpResponse<String> received = clerk("POST", ApiPaths.clerkCaseDeferredReceived(n), null);
        assertThat(received.statusCode()).as(received.body()).isEqualTo(200);
        CaseView settled = view(n, "2025-10-13T02:00:00Z");
        assertThat(settled.deferral().receivedAt()).isEqualTo(Instant.parse("2025-10-11T02:00:00Z"));
        assertThat(settled.deferral().overdue()).isFalse();
        assertThat(overdueForTheClerk()).isEmpty();
    }

    @Test
    void aCommitmentMustNameExactlyTheDeferredMaterialsAndACaseWithoutOneHasNoDeferral() throws Exception {
        HttpResponse<String> wrong = terminal.send("POST", ApiPaths.CASES, TestTerminal.JSON.writeValueAsString(
                pension("k2", null)).replace("\"submittedAt\"", "\"commitment\":{\"textVersion\":\"RQ-2026.1\","
                        + "\"text\":\"x\",\"acceptedAt\":\"2025-03-03T01:00:00Z\",\"materials\":[\"M01\"],"
                        + "\"deadline\":\"2025-03-10\"},\"submittedAt\"").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(wrong.statusCode()).as(wrong.body()).isEqualTo(400);
        assertThat(TestTerminal.error(wrong).message()).contains("commitment.materials", "M04");

        HttpResponse<String> plain = terminal.post(ApiPaths.CASES, Fixtures.submission(terminal.id, "k3"));
        assertThat(plain.statusCode()).isEqualTo(201);
        String n = TestTerminal.read(plain, CaseReceipt.class).caseNumber();
        assertThat(TestTerminal.read(terminal.get(ApiPaths.caseByNumber(n)), CaseView.class).deferral()).isNull();
        assertThat(clerk("POST", ApiPaths.clerkCaseDeferredReceived(n), null).statusCode()).isEqualTo(404);
    }

    @Test
    void anItemTheCatalogDoesNotListKeepsTheDeadlineTheCitizenAccepted() throws Exception {
        CaseSubmission s = Fixtures.submission(terminal.id, "k4");
        CaseSubmission other = new CaseSubmission(s.idempotencyKey(), s.localCaseId(), s.terminalId(), "ITEM-001",
                s.itemName(), s.kind(), s.applicant(), s.formData(), List.of(new Material("M1", "户口簿",
                        Material.Status.WAIVED_BY_COMMITMENT, null, null)), clock.instant(),
                new DeferralCommitment("RQ-2026.1", TEXT, clock.instant(), List.of("M1"), LocalDate.of(2025, 3, 14)));
        HttpResponse<String> r = terminal.post(ApiPaths.CASES, other);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        String n = TestTerminal.read(r, CaseReceipt.class).caseNumber();
        assertThat(view(n, "2025-03-14T02:00:00Z").deferral().deadline()).isEqualTo(LocalDate.of(2025, 3, 14));
        assertThat(view(n, "2025-03-17T02:00:00Z").deferral().overdue()).isTrue();
    }
}
