package org.govkiosk.app.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.govkiosk.api.CaseKind;
import org.govkiosk.api.CaseReceipt;
import org.govkiosk.api.CaseState;
import org.govkiosk.api.CaseSubmission;
import org.junit.jupiter.api.Test;

class CaseTest {

    private final Clock clock = Clock.fixed(Instant.parse("2025-03-01T08:00:00Z"), ZoneOffset.UTC);

    @Test
    void aDraftGetsItsOwnIdsAndTheItemsKind() {
        Case a = TestCases.draft(clock);
        Case b = TestCases.draft(clock);
        assertThat(a.localId()).isNotEqualTo(b.localId());
        assertThat(a.idempotencyKey()).isNotEqualTo(b.idempotencyKey()).isNotEqualTo(a.localId());
        assertThat(a.kind()).isEqualTo(CaseKind.IMMEDIATE);
        assertThat(a.stage()).isEqualTo(CaseStage.DRAFT);
        assertThat(a.caseNumber()).isEmpty();
        assertThat(a.createdAt()).isEqualTo(clock.instant());
    }

    @Test
    void theIdempotencyKeyStaysThroughTheWholeLife() {
        Case draft = TestCases.draft(clock);
        Case queued = draft.withForm(draft.form().with("note", "x")).queued();
        Case registered = queued.registered(new CaseReceipt("3301000000000000000000000000001", queued.localId(),
                CaseState.SUBMITTED, clock.instant(), null, false));
        assertThat(registered.idempotencyKey()).isEqualTo(draft.idempotencyKey());
        assertThat(registered.stage()).isEqualTo(CaseStage.REGISTERED);
        assertThat(registered.caseNumber()).contains("3301000000000000000000000000001");
        assertThat(registered.platformState()).contains(CaseState.SUBMITTED);
    }

    @Test
    void onlyADraftCanChange() {
        Case queued = TestCases.draft(clock).queued();
        assertThatThrownBy(() -> queued.withForm(FormData.empty())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("QUEUED");
        assertThatThrownBy(queued::queued).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> TestCases.draft(clock).registered(new CaseReceipt("N", "l", CaseState.SUBMITTED,
                clock.instant(), null, false))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theSubmissionCarriesEverythingTheCitizenEntered() {
        Case c = TestCases.draft(clock);
        CaseSubmission s = c.toSubmission("terminal-7", clock.instant());
        assertThat(s.idempotencyKey()).isEqualTo(c.idempotencyKey());
        assertThat(s.localCaseId()).isEqualTo(c.localId());
        assertThat(s.itemCode()).isEqualTo(TestCases.ITEM.code());
        assertThat(s.applicant().idNumber()).isEqualTo("11010519491231002X");
        assertThat(s.formData()).containsEntry("bank", "6222020200112233");
        assertThat(s.materials()).hasSize(1);
    }

    @Test
    void toStringShowsNoPersonalData() {
        String text = TestCases.draft(clock).toString();
        assertThat(text).doesNotContain("11010519491231002X").doesNotContain("张三丰")
                .doesNotContain("6222020200112233").contains("110***********002X").contains("bank");
    }

    @Test
    void badValuesAreRefused() {
        assertThatThrownBy(() -> new ServiceItem(" ", "x", CaseKind.JOINT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("code");
        assertThatThrownBy(() -> FormData.empty().with("", "v")).isInstanceOf(IllegalArgumentException.class);
    }
}
