package org.govkiosk.app.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.govkiosk.api.CaseKind;
import org.govkiosk.api.CaseState;
import org.govkiosk.api.CaseView;
import org.govkiosk.api.JointStep;
import org.govkiosk.api.JointStepState;
import org.govkiosk.api.Mailing;
import org.govkiosk.api.MailingState;
import org.junit.jupiter.api.Test;

/** 办件查询 of a joint case and of a mailed result: the steps and the mailing reach the progress screen's case. */
class CaseProgressStepsTest {

    private static final Instant AT = Instant.parse("2025-03-03T02:00:00Z");

    private static CaseView view(CaseState state, List<JointStep> steps, Mailing mailing) {
        return new CaseView("GK1", "ITEM", "新生儿出生“一件事”联办", CaseKind.JOINT, state, "张**", "T-1", AT, AT, null,
                false, false, null, List.of(), List.of(), null, null, null, steps, mailing);
    }

    private static JointStep step(String department, boolean lead, JointStepState state) {
        return new JointStep(department, lead, state, state == JointStepState.WAITING ? null : "窗口",
                state == JointStepState.WAITING ? null : AT, null);
    }

    @Test
    void theStepTheCaseIsAtIsTheFirstJointOneNotDecidedThenTheLeads() {
        List<JointStep> steps = List.of(step("卫健委", false, JointStepState.AGREED),
                step("医保局", false, JointStepState.IN_PROGRESS), step("人社局", false, JointStepState.WAITING),
                step("公安局", true, JointStepState.WAITING));
        CaseProgress p = CaseProgress.of(view(CaseState.IN_REVIEW, steps, null));
        assertThat(p.steps()).isEqualTo(steps);
        assertThat(p.currentStep()).map(JointStep::department).contains("医保局");
        assertThat(p.mailing()).isEmpty();

        List<JointStep> jointDone = List.of(step("卫健委", false, JointStepState.AGREED),
                step("公安局", true, JointStepState.IN_PROGRESS));
        assertThat(CaseProgress.of(view(CaseState.IN_REVIEW, jointDone, null)).currentStep())
                .map(JointStep::department).contains("公安局");
        assertThat(CaseProgress.of(view(CaseState.COMPLETED, List.of(step("卫健委", false, JointStepState.AGREED),
                step("公安局", true, JointStepState.AGREED)), null)).currentStep()).as("decided: no step now").isEmpty();
        assertThat(CaseProgress.of(view(CaseState.RETURNED, List.of(step("卫健委", false, JointStepState.REFUSED),
                step("公安局", true, JointStepState.WAITING)), null)).currentStep()).isEmpty();
    }

    @Test
    void aMailedResultShowsItsStateAndTrackingNumber() {
        Mailing m = new Mailing(MailingState.MAILED, "广东省示例市示例区**** 139****5678", "EMS", "EMS1234567890CN", AT);
        CaseProgress p = CaseProgress.of(view(CaseState.COMPLETED, List.of(), m));
        assertThat(p.mailing()).contains(m);
        assertThat(p.steps()).isEmpty();
        assertThat(p.currentStep()).isEmpty();
    }
}
