package org.govkiosk.platform.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.govkiosk.api.CaseKind;
import org.govkiosk.api.CaseState;
import org.govkiosk.api.CaseSubmission;
import org.govkiosk.api.CaseTransition;
import org.govkiosk.api.CaseView;
import org.govkiosk.api.DeferralCommitment;
import org.govkiosk.api.Material;
import org.govkiosk.platform.http.Bodies;
import org.junit.jupiter.api.Test;

/**
 * The deadlines of 容缺受理 and 承诺超时默认, part of the store contract (every database through {@link StoreContract}):
 * a commitment is kept with its case at intake and flagged overdue after its deadline until the materials come; an
 * accepted case of a deemed-approval item is decided by default after its promised date, once.
 */
interface DeadlinesContract extends ReturnContract {

    @Test
    default void aCommitmentIsKeptAtIntakeAndIsOverdueAfterItsDeadlineUntilTheMaterialsCome() {
        CaseSubmission base = SupplementContract.withMaterials("d1", CaseKind.PROMISED,
                SupplementContract.provided("M01", "身份证"),
                new Material("M02", "户口簿", Material.Status.WAIVED_BY_COMMITMENT, null, null));
        CaseSubmission s = base.withCommitment(new DeferralCommitment("RQ-1", "本人承诺……", NOW, List.of("M02"),
                LocalDate.of(2025, 3, 7)));
        String json = new Bodies().canonicalJson(s);
        CaseStore store = new CaseStore(database());
        String n = store.submit(s, new CaseStore.NewCase(Bodies.sha256Hex(json.getBytes(StandardCharsets.UTF_8)),
                json, LocalDate.of(2025, 3, 10), Filing.received(), LocalDate.of(2025, 3, 10)),
                () -> "D" + System.nanoTime(), NOW).caseNumber();

        CaseView kept = store.find(n, LocalDate.of(2025, 3, 10)).orElseThrow();
        assertThat(kept.deferral().materials()).containsExactly("户口簿");
        assertThat(kept.deferral().deadline()).as("the platform's count, not the terminal's").isEqualTo(
                LocalDate.of(2025, 3, 10));
        assertThat(kept.deferral().acceptedAt()).isEqualTo(NOW);
        assertThat(kept.deferral().overdue()).isFalse();
        assertThat(store.find(n, LocalDate.of(2025, 3, 11)).orElseThrow().deferral().overdue()).isTrue();

        store.deferredMaterialsReceived(n, NOW.plusSeconds(3600), TODAY);
        CaseView settled = store.find(n, LocalDate.of(2025, 3, 11)).orElseThrow();
        assertThat(settled.deferral().receivedAt()).isEqualTo(NOW.plusSeconds(3600));
        assertThat(settled.deferral().overdue()).isFalse();
    }

    @Test
    default void anUndecidedCaseOfADeemedItemIsGrantedOnceAfterItsPromisedDate() {
        CaseStore store = new CaseStore(database());
        String n = completeCase("g1"); // promised 2025-03-10 (a Monday)
        store.transition(n, new CaseTransition(CaseState.ACCEPTED, null), NOW, TODAY);
        String item = view(n).itemCode();
        assertThat(store.deemApproved(Set.of(item), LocalDate.of(2025, 3, 10), NOW, "默认准予")).isEmpty();
        assertThat(store.deemApproved(Set.of("OTHER"), LocalDate.of(2025, 3, 11), NOW, "默认准予")).isEmpty();
        assertThat(store.deemApproved(Set.of(item), LocalDate.of(2025, 3, 11), NOW, "默认准予")).containsExactly(n);
        CaseView granted = view(n);
        assertThat(granted.state()).isEqualTo(CaseState.COMPLETED);
        assertThat(granted.note()).isEqualTo("默认准予");
        assertThat(granted.history()).extracting(e -> e.state()).containsExactly(CaseState.SUBMITTED,
                CaseState.ACCEPTED, CaseState.IN_REVIEW, CaseState.COMPLETED);
        assertThat(store.deemApproved(Set.of(item), LocalDate.of(2025, 3, 12), NOW, "默认准予")).isEmpty();
    }
}
