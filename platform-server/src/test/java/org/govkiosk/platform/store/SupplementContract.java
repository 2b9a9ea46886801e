package org.govkiosk.platform.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.govkiosk.api.CaseKind;
import org.govkiosk.api.CaseReceipt;
import org.govkiosk.api.CaseState;
import org.govkiosk.api.CaseSubmission;
import org.govkiosk.api.CaseView;
import org.govkiosk.api.ErrorCodes;
import org.govkiosk.api.IdType;
import org.govkiosk.api.Material;
import org.govkiosk.api.SupplementReceipt;
import org.govkiosk.api.SupplementSubmission;
import org.govkiosk.platform.Fixtures;
import org.govkiosk.platform.cases.CaseDecisions;
import org.govkiosk.platform.cases.ResultDocuments;
import org.govkiosk.platform.http.Bodies;
import org.junit.jupiter.api.Test;

/**
 * Filing at intake (补正, 即办件 decided at once) and supplements, part of the store contract: every database the
 * platform supports runs it through {@link StoreContract}.
 */
interface SupplementContract {

    Instant NOW = Instant.parse("2025-03-03T02:00:00Z");
    LocalDate TODAY = LocalDate.of(2025, 3, 3);
    String OTHER_ID = "110101199003074514";
    AtomicInteger NUMBERS = new AtomicInteger();

    Database database();

    default CaseDecisions decisions(boolean auto) {
        return new CaseDecisions(auto, "示例市政务服务中心", ZoneId.of("Asia/Shanghai"));
    }

    default CaseReceipt file(CaseSubmission s, CaseDecisions d) {
        String json = new Bodies().canonicalJson(s);
        return new CaseStore(database()).submit(s, new CaseStore.NewCase(
                Bodies.sha256Hex(json.getBytes(StandardCharsets.UTF_8)), json, LocalDate.of(2025, 3, 10),
                d.atIntake(s, NOW)), () -> "S" + NUMBERS.incrementAndGet() + "-" + System.nanoTime(), NOW);
    }

    default SupplementReceipt handIn(SupplementSubmission s, CaseDecisions d) {
        String json = new Bodies().canonicalJson(s);
        return new SupplementStore(database()).supplement(s, Bodies.sha256Hex(json.getBytes(StandardCharsets.UTF_8)),
                json, original -> d.onceComplete(original, NOW), NOW.plusSeconds(60));
    }

    static CaseSubmission withMaterials(String key, CaseKind kind, Material... materials) {
        CaseSubmission base = Fixtures.submission("T-1", key, kind, "本地");
        return new CaseSubmission(base.idempotencyKey(), base.localCaseId(), base.terminalId(), base.itemCode(),
                base.itemName(), kind, base.applicant(), base.formData(), List.of(materials), base.submittedAt());
    }

    static Material provided(String code, String name) {
        return new Material(code, name, Material.Status.PROVIDED, Material.Source.PAPER, null);
    }

    static Material missing(String code, String name) {
        return new Material(code, name, Material.Status.MISSING, null, null);
    }

    static SupplementSubmission supplement(String key, String caseNumber, String idNumber, Material... materials) {
        return new SupplementSubmission(key, caseNumber, "T-1", IdType.RESIDENT_ID, idNumber, List.of(materials),
                NOW.plusSeconds(50));
    }

    /** The last of two hand-ins took in what was still missing: the case is accepted, nothing awaited. */
    default void acceptedAfterTheSecondHandIn(String n, SupplementReceipt last) {
        assertThat(last.state()).isEqualTo(CaseState.ACCEPTED);
        assertThat(last.stillMissing()).isEmpty();
        CaseView v = view(n);
        assertThat(v.state()).isEqualTo(CaseState.ACCEPTED);
        assertThat(v.missingMaterials()).isEmpty();
        assertThat(v.history()).extracting(e -> e.state()).containsExactly(CaseState.SUBMITTED,
                CaseState.NEEDS_SUPPLEMENT, CaseState.NEEDS_SUPPLEMENT, CaseState.ACCEPTED);
    }

    default CaseView view(String number) {
        return new CaseStore(database()).find(number, TODAY).orElseThrow();
    }

    @Test
    default void aCaseWithMissingMaterialsIsFiledAsNeedingThemWithTheWholeList() {
        CaseReceipt r = file(withMaterials("m1", CaseKind.PROMISED, provided("M01", "身份证"),
                missing("M02", "户口簿"), missing("M03", "近期免冠照片"),
                new Material("M04", "婚姻证明", Material.Status.WAIVED_BY_COMMITMENT, null, null)), decisions(true));
        assertThat(r.state()).isEqualTo(CaseState.NEEDS_SUPPLEMENT);
        CaseView v = view(r.caseNumber());
        assertThat(v.state()).isEqualTo(CaseState.NEEDS_SUPPLEMENT);
        assertThat(v.missingMaterials()).extracting(Material::code).containsExactly("M02", "M03");
        assertThat(v.note()).isEqualTo("请补正以下材料：1. 户口簿；2. 近期免冠照片。");
        assertThat(v.history()).extracting(e -> e.state()).containsExactly(CaseState.SUBMITTED,
                CaseState.NEEDS_SUPPLEMENT);
        assertThat(v.certificateAvailable()).isFalse();
    }

    @Test
    default void aCommitmentCoveringTheGapsIsNoSupplement() {
        CaseReceipt r = file(withMaterials("m2", CaseKind.PROMISED, provided("M01", "身份证"),
                new Material("M02", "户口簿", Material.Status.WAIVED_BY_COMMITMENT, null, null)), decisions(true));
        assertThat(r.state()).isEqualTo(CaseState.SUBMITTED);
        assertThat(view(r.caseNumber()).missingMaterials()).isEmpty();
    }

    @Test
    default void aCompleteImmediateCaseIsDecidedAtOnceWithItsResult() throws Exception {
        CaseReceipt r = file(withMaterials("i1", CaseKind.IMMEDIATE, provided("M01", "身份证")), decisions(true));
        assertThat(r.state()).isEqualTo(CaseState.COMPLETED);
        CaseView v = view(r.caseNumber());
        assertThat(v.history()).extracting(e -> e.state()).containsExactly(CaseState.SUBMITTED, CaseState.ACCEPTED,
                CaseState.IN_REVIEW, CaseState.COMPLETED);
        assertThat(v.certificateAvailable()).isTrue();
        byte[] pdf = new CaseStore(database()).certificate(r.caseNumber());
        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        // The page read back: the case number on it, the ID number masked.
        assertThat(ResultDocuments.text(pdf)).contains("办结证明", "办件编号：" + r.caseNumber(), "110***********002X")
                .doesNotContain(Fixtures.ID_NUMBER);
        // A resend answers the same, decided receipt.
        CaseReceipt again = file(withMaterials("i1", CaseKind.IMMEDIATE, provided("M01", "身份证")), decisions(true));
        assertThat(again.duplicate()).isTrue();
        assertThat(again.state()).isEqualTo(CaseState.COMPLETED);
    }

    @Test
    default void withAutoDecideOffAnImmediateCaseWaitsForAClerk() {
        CaseReceipt r = file(withMaterials("i2", CaseKind.IMMEDIATE, provided("M01", "身份证")), decisions(false));
        assertThat(r.state()).isEqualTo(CaseState.SUBMITTED);
        assertThat(view(r.caseNumber()).certificateAvailable()).isFalse();
    }

    @Test
    default void materialsHandedInBitByBitMoveTheCaseToAcceptedOnceNothingIsMissing() {
        String n = file(withMaterials("s1", CaseKind.PROMISED, missing("M01", "户口簿"), missing("M02", "照片")),
                decisions(true)).caseNumber();
        SupplementReceipt first = handIn(supplement("sup-1", n, Fixtures.ID_NUMBER, provided("M02", "照片")),
                decisions(true));
        assertThat(first.state()).isEqualTo(CaseState.NEEDS_SUPPLEMENT);
        assertThat(first.stillMissing()).extracting(Material::code).containsExactly("M01");
        assertThat(view(n).note()).contains("已补交：照片").contains("1. 户口簿");
        assertThat(view(n).missingMaterials()).extracting(Material::code).containsExactly("M01");

        SupplementReceipt last = handIn(supplement("sup-2", n, Fixtures.ID_NUMBER, provided("M01", "户口簿")),
                decisions(true));
        acceptedAfterTheSecondHandIn(n, last);
    }

    @Test
    default void anImmediateCaseCompleteAfterItsSupplementIsDecidedAtOnce() {
        String n = file(withMaterials("s2", CaseKind.IMMEDIATE, missing("M01", "户口簿")), decisions(true))
                .caseNumber();
        assertThat(handIn(supplement("sup-i", n, Fixtures.ID_NUMBER, provided("M01", "户口簿")), decisions(true))
                .state()).isEqualTo(CaseState.COMPLETED);
        assertThat(view(n).certificateAvailable()).isTrue();
    }

    @Test
    default void aResendAnswersTheFirstReceiptAndAReusedKeyIsAConflict() {
        String n = file(withMaterials("s3", CaseKind.PROMISED, missing("M01", "户口簿"), missing("M02", "照片")),
                decisions(true)).caseNumber();
        SupplementSubmission s = supplement("sup-r", n, Fixtures.ID_NUMBER, provided("M01", "户口簿"));
        SupplementReceipt first = handIn(s, decisions(true));
        SupplementReceipt again = handIn(s, decisions(true));
        assertThat(again.duplicate()).isTrue();
        assertThat(again.state()).isEqualTo(first.state());
        assertThat(again.stillMissing()).isEqualTo(first.stillMissing());
        assertThat(view(n).history()).hasSize(3);
        assertThatThrownBy(() -> handIn(supplement("sup-r", n, Fixtures.ID_NUMBER, provided("M02", "照片")),
                decisions(true))).isInstanceOfSatisfying(StoreConflict.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCodes.IDEMPOTENCY_CONFLICT));
    }

    @Test
    default void onlyTheApplicantMayHandInAndOnlyWhatTheCaseWaitsFor() {
        String n = file(withMaterials("s4", CaseKind.PROMISED, missing("M01", "户口簿")), decisions(true))
                .caseNumber();
        assertThatThrownBy(() -> handIn(supplement("x1", n, OTHER_ID, provided("M01", "户口簿")), decisions(true)))
                .isInstanceOfSatisfying(StoreConflict.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCodes.NOT_THE_APPLICANT));
        assertThatThrownBy(() -> handIn(supplement("x2", n, Fixtures.ID_NUMBER, provided("M07", "别的")),
                decisions(true))).isInstanceOfSatisfying(StoreConflict.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCodes.NOT_AWAITING_SUPPLEMENT));
        String complete = file(withMaterials("s5", CaseKind.PROMISED, provided("M01", "户口簿")), decisions(true))
                .caseNumber();
        assertThatThrownBy(() -> handIn(supplement("x3", complete, Fixtures.ID_NUMBER, provided("M01", "户口簿")),
                decisions(true))).isInstanceOfSatisfying(StoreConflict.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCodes.NOT_AWAITING_SUPPLEMENT));
        assertThatThrownBy(() -> handIn(supplement("x4", "NO-SUCH-CASE", Fixtures.ID_NUMBER,
                provided("M01", "户口簿")), decisions(true))).isInstanceOf(NotFoundException.class);
        // Nothing refused left a trace: the case still waits for the same material.
        assertThat(view(n).missingMaterials()).extracting(Material::code).containsExactly("M01");
        assertThat(view(n).history()).hasSize(2);
    }

    @Test
    default void twoTerminalsHandingInTheLastMaterialAtOnceCompleteTheCaseOnce() throws Exception {
        String n = file(withMaterials("s6", CaseKind.PROMISED, missing("M01", "户口簿")), decisions(true))
                .caseNumber();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> outcomes = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                String key = "race-" + i;
                outcomes.add(pool.submit(() -> {
                    go.await();
                    try {
                        return handIn(supplement(key, n, Fixtures.ID_NUMBER, provided("M01", "户口簿")),
                                decisions(true)).state().name();
                    } catch (StoreConflict e) {
                        return e.code();
                    }
                }));
            }
            go.countDown();
            List<String> results = new ArrayList<>();
            for (Future<String> f : outcomes) {
                results.add(f.get());
            }
            assertThat(results).containsOnlyOnce(CaseState.ACCEPTED.name());
            assertThat(results).filteredOn(r -> !r.equals(CaseState.ACCEPTED.name()))
                    .containsOnly(ErrorCodes.NOT_AWAITING_SUPPLEMENT);
            assertThat(view(n).history()).extracting(e -> e.state()).containsExactly(CaseState.SUBMITTED,
                    CaseState.NEEDS_SUPPLEMENT, CaseState.ACCEPTED);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    default void withoutAFontAnImmediateCaseIsStillDecidedButHasNoResultToPrintYet() {
        CaseDecisions noFont = new CaseDecisions(true, "示例市政务服务中心", ZoneId.of("Asia/Shanghai"),
                java.util.Optional.empty());
        CaseReceipt r = file(withMaterials("i-nofont", CaseKind.IMMEDIATE, provided("M01", "身份证")), noFont);
        assertThat(r.state()).isEqualTo(CaseState.COMPLETED);
        CaseView v = view(r.caseNumber());
        assertThat(v.certificateAvailable()).isFalse();
        assertThat(v.note()).contains("窗口出具");
        assertThatThrownBy(() -> new CaseStore(database()).certificate(r.caseNumber()))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("no certificate yet");
    }
}
