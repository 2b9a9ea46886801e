package org.govkiosk.platform.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.govkiosk.api.CaseKind;
import org.govkiosk.api.CaseState;
import org.govkiosk.api.CaseTransition;
import org.govkiosk.platform.Fixtures;
import org.govkiosk.platform.store.CaseNotices.Notice;
import org.junit.jupiter.api.Test;

/**
 * The citizen's notices in the store, part of the store contract (every database through {@link StoreContract}):
 * each state a citizen is told of records one pending notice in the transaction that moves the case, wherever the
 * move comes from (a clerk, intake, a supplement, a return, the deemed-approval job, a certificate); a move refused
 * records none, a replay none again; a notice is settled once.
 */
interface CaseNoticesContract extends ReturnContract {

    private List<String> notices(String caseNumber) {
        return new CaseNotices(database()).of(caseNumber);
    }

    @Test
    default void everyStateACitizenIsToldOfRecordsOneNoticeWithTheMove() {
        CaseStore store = new CaseStore(database());
        String n = completeCase("n1");
        assertThat(notices(n)).isEmpty();
        store.transition(n, new CaseTransition(CaseState.ACCEPTED, null), NOW, TODAY);
        assertThatThrownBy(() -> store.transition(n, new CaseTransition(CaseState.ACCEPTED, null), NOW, TODAY))
                .isInstanceOf(StoreConflict.class);
        store.transition(n, new CaseTransition(CaseState.IN_REVIEW, null), NOW, TODAY);
        store.transition(n, new CaseTransition(CaseState.COMPLETED, null), NOW, TODAY);
        store.attachCertificate(n, "%PDF-1".getBytes(), "ab", NOW);
        store.attachCertificate(n, "%PDF-2".getBytes(), "cd", NOW);
        assertThat(notices(n)).containsExactlyInAnyOrder("ACCEPTED=PENDING", "COMPLETED=PENDING",
                "RESULT_READY=PENDING");

        String refused = completeCase("n2");
        store.transition(refused, new CaseTransition(CaseState.NOT_ACCEPTED, "不属于本机关职权范围"), NOW, TODAY);
        assertThatThrownBy(() -> store.returnCase(refused, RETURN, NOW, TODAY)).isInstanceOf(StoreConflict.class);
        assertThat(notices(refused)).as("a refused move records nothing").containsExactly("NOT_ACCEPTED=PENDING");

        String returned = completeCase("n3");
        store.returnCase(returned, RETURN, NOW, TODAY);
        assertThat(notices(returned)).containsExactly("RETURNED=PENDING");
    }

    @Test
    default void intakeSupplementsAndTheDeemedApprovalJobRecordTheirNoticesToo() {
        String n = file(SupplementContract.withMaterials("n4", CaseKind.PROMISED,
                SupplementContract.provided("M01", "身份证"), SupplementContract.missing("M02", "户口簿")),
                decisions(false)).caseNumber();
        assertThat(notices(n)).containsExactly("NEEDS_SUPPLEMENT=PENDING");
        handIn(SupplementContract.supplement("s4", n, Fixtures.ID_NUMBER,
                SupplementContract.provided("M02", "户口簿")), decisions(false));
        assertThat(notices(n)).containsExactlyInAnyOrder("NEEDS_SUPPLEMENT=PENDING", "ACCEPTED=PENDING");

        CaseStore store = new CaseStore(database());
        assertThat(store.deemApproved(Set.of(view(n).itemCode()), LocalDate.of(2025, 3, 11), NOW, "默认准予"))
                .containsExactly(n);
        assertThat(notices(n)).contains("COMPLETED=PENDING").hasSize(3);
    }

    @Test
    default void pendingNoticesCarryThePhoneAndTheChoiceAndAreSettledOnce() {
        CaseStore store = new CaseStore(database());
        String n = completeCase("n5");
        store.transition(n, new CaseTransition(CaseState.ACCEPTED, null), NOW, TODAY);
        CaseNotices notices = new CaseNotices(database());
        CaseNotices.Pending p = notices.pending(100).stream().filter(x -> x.caseNumber().equals(n)).findFirst()
                .orElseThrow();
        assertThat(p).isEqualTo(new CaseNotices.Pending(n, Notice.ACCEPTED, view(n).itemName(),
                Optional.of("13800138000"), false));
        assertThat(p.toString()).doesNotContain("13800138000");
        assertThat(notices.settle(n, Notice.ACCEPTED, "QUEUED", null, NOW)).isTrue();
        assertThat(notices.settle(n, Notice.ACCEPTED, "SKIPPED", "declined", NOW)).isFalse();
        assertThat(notices.of(n)).containsExactly("ACCEPTED=QUEUED");
        assertThat(notices.pending(100)).noneMatch(x -> x.caseNumber().equals(n));

        String declined = file(SupplementContract.withMaterials("n6", CaseKind.PROMISED,
                SupplementContract.provided("M01", "身份证")).withSmsOptOut(true), decisions(false)).caseNumber();
        store.transition(declined, new CaseTransition(CaseState.ACCEPTED, null), NOW, TODAY);
        assertThat(notices.pending(100)).filteredOn(x -> x.caseNumber().equals(declined)).singleElement()
                .satisfies(x -> assertThat(x.declined()).isTrue());
    }
}
