package org.govkiosk.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.govkiosk.api.ApiPaths;
import org.govkiosk.api.CaseKind;
import org.govkiosk.api.CaseReceipt;
import org.govkiosk.api.CaseState;
import org.govkiosk.api.CaseSubmission;
import org.govkiosk.api.CaseView;
import org.govkiosk.api.JointStep;
import org.govkiosk.api.JointStepState;
import org.govkiosk.platform.Fixtures;
import org.govkiosk.platform.RunningPlatform;
import org.govkiosk.platform.TestTerminal;
import org.govkiosk.platform.config.PlatformConfig;
import org.junit.jupiter.api.Test;

/**
 * 联办件 over HTTP with the shipped catalog: a joint case gets a step per department (the catalog's co-departments,
 * then its lead department), each department records its own, the lead decides only after every joint department
 * agreed and its agreement completes the case; a joint department's refusal returns the case with its reason.
 */
class JointCaseHttpTest extends RunningPlatform {

    /** 新生儿出生“一件事”联办: lead 示例市公安局; co-departments 卫生健康委员会, 医疗保障局, 人力资源和社会保障局. */
    static final String JOINT_ITEM = "11449900MB2E3000034442114003000";
    static final String LEAD = "示例市公安局";
    static final String HEALTH = "示例市卫生健康委员会";
    static final String MEDICAL = "示例市医疗保障局";
    static final String SOCIAL = "示例市人力资源和社会保障局";

    @Override
    protected PlatformConfig config() {
        return super.config().withDeadlines(PlatformConfig.Deadlines.beside(Path.of("../config")));
    }

    private String jointCase(String key) throws Exception {
        CaseSubmission s = Fixtures.submission(terminal.id, key);
        HttpResponse<String> r = terminal.post(ApiPaths.CASES, new CaseSubmission(s.idempotencyKey(),
                s.localCaseId(), s.terminalId(), JOINT_ITEM, "新生儿出生“一件事”联办", CaseKind.JOINT, s.applicant(),
                s.formData(), s.materials(), clock.instant()));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return TestTerminal.read(r, CaseReceipt.class).caseNumber();
    }

    private CaseView view(String number) throws Exception {
        return TestTerminal.read(terminal.get(ApiPaths.caseByNumber(number)), CaseView.class);
    }

    private HttpResponse<String> step(String number, String department, String state, String note) throws Exception {
        return clerk("POST", ApiPaths.clerkCaseJointSteps(number), "{\"department\":\"" + department
                + "\",\"state\":\"" + state + "\",\"clerk\":\"窗口 07 李四\"" + (note == null ? ""
                : ",\"note\":\"" + note + "\"") + "}");
    }

    @Test
    void aJointCaseGoesThroughItsJointDepartmentsAndIsDecidedByItsLead() throws Exception {
        String n = jointCase("j1");
        CaseView filed = view(n);
        assertThat(filed.steps()).extracting(JointStep::department).containsExactly(HEALTH, MEDICAL, SOCIAL, LEAD);
        assertThat(filed.steps()).extracting(JointStep::lead).containsExactly(false, false, false, true);
        assertThat(filed.steps()).allMatch(s -> s.state() == JointStepState.WAITING && s.by() == null);
        assertThat(filed.currentStep()).map(JointStep::department).contains(HEALTH);

        assertThat(step(n, HEALTH, "IN_PROGRESS", null).statusCode()).as("not accepted yet").isEqualTo(409);
        assertThat(clerk("POST", ApiPaths.clerkCaseTransitions(n), "{\"to\":\"ACCEPTED\"}").statusCode())
                .isEqualTo(200);

        HttpResponse<String> started = step(n, HEALTH, "IN_PROGRESS", null);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
        CaseView underReview = TestTerminal.read(started, CaseView.class);
        assertThat(underReview.state()).as("the first step taken puts it under review").isEqualTo(CaseState.IN_REVIEW);
        assertThat(underReview.steps().get(0).state()).isEqualTo(JointStepState.IN_PROGRESS);
        assertThat(underReview.steps().get(0).by()).isEqualTo("窗口 07 李四");
        assertThat(underReview.steps().get(0).at()).isEqualTo(clock.instant());

        assertThat(step(n, HEALTH, "AGREED", "出生医学证明核验通过").statusCode()).isEqualTo(200);
        assertThat(step(n, MEDICAL, "AGREED", null).statusCode()).isEqualTo(200);
        HttpResponse<String> early = step(n, LEAD, "AGREED", null);
        assertThat(early.statusCode()).as("the lead decides after the joint departments").isEqualTo(409);
        assertThat(TestTerminal.error(early).message()).contains(SOCIAL);
        assertThat(clerk("POST", ApiPaths.clerkCaseTransitions(n), "{\"to\":\"COMPLETED\"}").statusCode())
                .as("nor may a plain transition complete it").isEqualTo(409);
        assertThat(view(n).currentStep()).map(JointStep::department).contains(SOCIAL);

        assertThat(step(n, SOCIAL, "AGREED", null).statusCode()).isEqualTo(200);
        assertThat(view(n).currentStep()).map(JointStep::department).contains(LEAD);
        HttpResponse<String> decided = step(n, LEAD, "AGREED", "准予办理");
        assertThat(decided.statusCode()).as(decided.body()).isEqualTo(200);
        CaseView done = TestTerminal.read(decided, CaseView.class);
        assertThat(done.state()).isEqualTo(CaseState.COMPLETED);
        assertThat(done.steps()).allMatch(s -> s.state() == JointStepState.AGREED);
        assertThat(done.note()).contains(LEAD, "准予办理");
        assertThat(done.history()).extracting(e -> e.state()).containsExactly(CaseState.SUBMITTED,
                CaseState.ACCEPTED, CaseState.IN_REVIEW, CaseState.COMPLETED);

        assertThat(step(n, LEAD, "AGREED", "准予办理").statusCode()).as("the same record again stands").isEqualTo(200);
        assertThat(step(n, HEALTH, "REFUSED", "改变主意").statusCode()).as("a decided step does not change")
                .isEqualTo(409);
        assertThat(step(n, "示例市税务局", "AGREED", null).statusCode()).isEqualTo(404);
    }

    @Test
    void aJointDepartmentsRefusalReturnsTheCaseWithItsReason() throws Exception {
        String n = jointCase("j2");
        assertThat(clerk("POST", ApiPaths.clerkCaseTransitions(n), "{\"to\":\"ACCEPTED\"}").statusCode())
                .isEqualTo(200);
        assertThat(step(n, HEALTH, "AGREED", null).statusCode()).isEqualTo(200);
        HttpResponse<String> noReason = step(n, MEDICAL, "REFUSED", null);
        assertThat(noReason.statusCode()).as("a refusal needs its reason").isEqualTo(400);

        HttpResponse<String> refused = step(n, MEDICAL, "REFUSED", "新生儿父母医保参保地不在本市");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(200);
        CaseView v = TestTerminal.read(refused, CaseView.class);
        assertThat(v.state()).isEqualTo(CaseState.RETURNED);
        assertThat(v.returned()).isNotNull();
        assertThat(v.returned().department()).isEqualTo(MEDICAL);
        assertThat(v.returned().reasons()).singleElement().asString().contains(MEDICAL, "不同意",
                "医保参保地不在本市");
        assertThat(v.steps()).extracting(JointStep::state).containsExactly(JointStepState.AGREED,
                JointStepState.REFUSED, JointStepState.WAITING, JointStepState.WAITING);
        assertThat(step(n, SOCIAL, "AGREED", null).statusCode()).as("a returned case takes no more steps")
                .isEqualTo(409);
        assertThat(step(n, LEAD, "AGREED", null).statusCode()).isEqualTo(409);
    }

    @Test
    void otherCasesHaveNoSteps() throws Exception {
        String n = fileCase("plain");
        assertThat(view(n).steps()).isEmpty();
        assertThat(terminal.get(ApiPaths.caseByNumber(n)).body()).doesNotContain("\"steps\"", "\"mailing\"");
        assertThat(step(n, LEAD, "AGREED", null).statusCode()).isEqualTo(404);
    }
}
