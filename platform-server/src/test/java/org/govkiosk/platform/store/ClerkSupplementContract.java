package org.govkiosk.platform.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.govkiosk.api.CaseKind;
import org.govkiosk.api.CaseState;
import org.govkiosk.api.CaseTransition;
import org.govkiosk.api.CaseView;
import org.govkiosk.api.ErrorCodes;
import org.govkiosk.api.Material;
import org.govkiosk.api.SupplementReceipt;
import org.govkiosk.platform.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * A clerk's 补正 that names materials, part of the store contract (every database through {@link StoreContract}):
 * the case then waits for exactly those, and a terminal's supplement works on it as on one filed incomplete.
 */
interface ClerkSupplementContract extends SupplementContract {

    /** A complete case with four materials, received and waiting for a clerk. */
    default String completeCase(String key) {
        String n = file(SupplementContract.withMaterials(key, CaseKind.PROMISED,
                SupplementContract.provided("M01", "身份证"), SupplementContract.provided("M02", "户口簿"),
                SupplementContract.provided("M03", "近期免冠照片"), SupplementContract.provided("M04", "婚姻证明")),
                decisions(true)).caseNumber();
        assertThat(view(n).state()).isEqualTo(CaseState.SUBMITTED);
        return n;
    }

    default CaseView ask(String caseNumber, String note, String... codes) {
        return new CaseStore(database()).transition(caseNumber,
                new CaseTransition(CaseState.NEEDS_SUPPLEMENT, note, List.of(codes)), NOW, TODAY);
    }

    @Test
    default void namedMaterialsBecomeTheMissingOnesInTheSubmissionsOrderWithTheirNames() {
        String n = completeCase("c1");
        CaseView moved = ask(n, null, "M03", "M02");
        assertThat(moved.state()).isEqualTo(CaseState.NEEDS_SUPPLEMENT);
        assertThat(moved.missingMaterials()).containsExactly(
                new Material("M02", "户口簿", Material.Status.MISSING, null, null),
                new Material("M03", "近期免冠照片", Material.Status.MISSING, null, null));
        assertThat(moved.note()).isEqualTo("请补正以下材料：1. 户口簿；2. 近期免冠照片。");
        assertThat(moved.history()).extracting(e -> e.state()).containsExactly(CaseState.SUBMITTED,
                CaseState.NEEDS_SUPPLEMENT);
        assertThat(moved.history().get(1).note()).isEqualTo(moved.note());
        assertThat(moved.history().get(1).at()).isEqualTo(NOW);
        assertThat(view(n)).isEqualTo(moved);
    }

    @Test
    default void theClerksNoteFollowsTheWrittenRequest() {
        String n = completeCase("c2");
        CaseView moved = ask(n, " 照片须为白底。 ", "M03");
        assertThat(moved.note()).isEqualTo("请补正以下材料：1. 近期免冠照片。照片须为白底。");
        assertThat(moved.missingMaterials()).extracting(Material::code).containsExactly("M03");
        // A long note is cut to fit, not refused: the full list of materials is in missingMaterials anyway.
        String m = completeCase("c2b");
        CaseView longNote = ask(m, "须".repeat(2000), "M01");
        assertThat(longNote.note()).hasSize(2000).startsWith("请补正以下材料：1. 身份证。须").endsWith("…");
    }

    @Test
    default void anUnknownCodeIsRefusedNamingItAndTheCasesCodesAndChangesNothing() {
        String n = completeCase("c3");
        CaseView before = view(n);
        assertThatThrownBy(() -> ask(n, "请补交", "M02", "M09"))
                .isInstanceOfSatisfying(StoreConflict.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCodes.UNKNOWN_MATERIAL))
                .hasMessage("material M09 is not one of the case's materials; its materials are [M01, M02, M03, M04]");
        assertThat(view(n)).isEqualTo(before);
        assertThat(view(n).missingMaterials()).isEmpty();
    }

    @Test
    default void namingMaterialsDoesNotBendTheStateMachine() {
        String n = completeCase("c4");
        CaseStore cases = new CaseStore(database());
        cases.transition(n, new CaseTransition(CaseState.ACCEPTED, null), NOW, TODAY);
        assertThatThrownBy(() -> ask(n, null, "M01")).isInstanceOfSatisfying(StoreConflict.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCodes.ILLEGAL_TRANSITION));
        assertThat(view(n).state()).isEqualTo(CaseState.ACCEPTED);
        assertThat(view(n).missingMaterials()).isEmpty();
        assertThatThrownBy(() -> ask("NO-SUCH-CASE", null, "M01")).isInstanceOf(NotFoundException.class);
    }

    @Test
    default void theApplicantHandsThemInBitByBitAndTheCaseIsAcceptedOnceAllAreIn() {
        String n = completeCase("c5");
        ask(n, "请携带原件", "M04", "M02");
        SupplementReceipt first = handIn(SupplementContract.supplement("cs-1", n, Fixtures.ID_NUMBER,
                SupplementContract.provided("M04", "婚姻证明")), decisions(true));
        assertThat(first.state()).isEqualTo(CaseState.NEEDS_SUPPLEMENT);
        assertThat(first.stillMissing()).extracting(Material::code).containsExactly("M02");
        assertThat(view(n).missingMaterials()).extracting(Material::code).containsExactly("M02");
        assertThat(view(n).note()).as("the clerk's words stay with what is still awaited")
                .isEqualTo("已补交：婚姻证明。请补正以下材料：1. 户口簿。请携带原件");
        // Only what the clerk asked for: another of the case's materials is not awaited.
        assertThatThrownBy(() -> handIn(SupplementContract.supplement("cs-x", n, Fixtures.ID_NUMBER,
                SupplementContract.provided("M01", "身份证")), decisions(true)))
                .isInstanceOfSatisfying(StoreConflict.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCodes.NOT_AWAITING_SUPPLEMENT));

        SupplementReceipt last = handIn(SupplementContract.supplement("cs-2", n, Fixtures.ID_NUMBER,
                SupplementContract.provided("M02", "户口簿")), decisions(true));
        acceptedAfterTheSecondHandIn(n, last);
    }

    @Test
    default void withoutMaterialsASupplementRequestKeepsOnlyTheNoteAsBefore() {
        String n = completeCase("c6");
        CaseView moved = new CaseStore(database()).transition(n,
                new CaseTransition(CaseState.NEEDS_SUPPLEMENT, "请到3号窗口补签字"), NOW, TODAY);
        assertThat(moved.note()).isEqualTo("请到3号窗口补签字");
        assertThat(moved.missingMaterials()).isEmpty();
    }
}
