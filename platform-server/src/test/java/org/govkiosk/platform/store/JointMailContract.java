package org.govkiosk.platform.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.govkiosk.api.CaseKind;
import org.govkiosk.api.CaseState;
import org.govkiosk.api.CaseSubmission;
import org.govkiosk.api.CaseTransition;
import org.govkiosk.api.CaseView;
import org.govkiosk.api.DeferralCommitment;
import org.govkiosk.api.JointStepState;
import org.govkiosk.api.JointStepUpdate;
import org.govkiosk.api.MailingAddress;
import org.govkiosk.api.MailingState;
import org.govkiosk.api.MailingUpdate;
import org.govkiosk.api.Material;
import org.govkiosk.platform.http.Bodies;
import org.junit.jupiter.api.Test;

/**
 * Issue 17's joint steps, mailing and 容缺 lapses, part of the store contract (every database through
 * {@link StoreContract}): the steps are made at intake and recorded under the case's row lock (departments agreeing
 * at once complete the case once), a mailing moves WAITING → MAILED → DELIVERED with one notice, and a lapsed
 * deferral ends its case once however many instances run the job at once.
 */
interface JointMailContract extends CaseNoticesContract {

    JointDepartments DEPARTMENTS = new JointDepartments("公安局", List.of("卫健委", "医保局", "人社局"));

    private String filed(CaseSubmission s, JointDepartments departments, LocalDate deferralDeadline) {
        String json = new Bodies().canonicalJson(s);
        return new CaseStore(database()).submit(s, new CaseStore.NewCase(
                Bodies.sha256Hex(json.getBytes(StandardCharsets.UTF_8)), json, LocalDate.of(2025, 3, 10),
                Filing.received(), deferralDeadline, departments), () -> "J" + NUMBERS.incrementAndGet() + "-"
                + System.nanoTime(), NOW).caseNumber();
    }

    private CaseSubmission plain(String key) {
        return SupplementContract.withMaterials(key, CaseKind.JOINT, SupplementContract.provided("M01", "身份证"));
    }

    @Test
    default void jointDepartmentsAgreeingAtOnceLeaveTheLeadToCompleteTheCaseOnce() throws Exception {
        CaseStore store = new CaseStore(database());
        String n = filed(plain("jm1"), DEPARTMENTS, null);
        assertThat(view(n).steps()).extracting(s -> s.department()).containsExactly("卫健委", "医保局", "人社局", "公安局");
        store.transition(n, new CaseTransition(CaseState.ACCEPTED, null), NOW, TODAY);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<CaseState>> done = new ArrayList<>();
            for (String d : DEPARTMENTS.joint()) {
                done.add(pool.submit(() -> {
                    go.await();
                    return store.recordStep(n, new JointStepUpdate(d, JointStepState.AGREED, "clerk-" + d, null),
                            NOW, TODAY).state();
                }));
            }
            go.countDown();
            for (Future<CaseState> f : done) {
                assertThat(f.get()).isEqualTo(CaseState.IN_REVIEW);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(view(n).history()).extracting(e -> e.state()).as("under review once").containsExactly(
                CaseState.SUBMITTED, CaseState.ACCEPTED, CaseState.IN_REVIEW);
        CaseView decided = store.recordStep(n, new JointStepUpdate("公安局", JointStepState.AGREED, "lead", null), NOW,
                TODAY);
        assertThat(decided.state()).isEqualTo(CaseState.COMPLETED);
        assertThat(decided.steps()).allMatch(s -> s.state() == JointStepState.AGREED && s.at().equals(NOW));
        assertThat(new CaseNotices(database()).of(n)).contains("COMPLETED=PENDING");
    }

    @Test
    default void aMailingMovesOnOnceTheCaseIsDecidedAndTellsTheCitizenOnce() {
        CaseStore store = new CaseStore(database());
        String n = filed(plain("jm2").withMailTo(new MailingAddress("广东省", "示例市", "示例区", "人民路88号",
                "13912345678")), null, null);
        assertThat(view(n).mailing().state()).isEqualTo(MailingState.WAITING);
        assertThat(view(n).steps()).isEmpty();
        MailingUpdate mailed = new MailingUpdate(MailingState.MAILED, "EMS", "EMS1234567890CN", "王五");
        assertThatThrownBy(() -> store.updateMailing(n, mailed, NOW, TODAY)).isInstanceOf(StoreConflict.class);
        for (CaseState to : List.of(CaseState.ACCEPTED, CaseState.IN_REVIEW, CaseState.COMPLETED)) {
            store.transition(n, new CaseTransition(to, null), NOW, TODAY);
        }
        assertThat(store.updateMailing(n, mailed, NOW, TODAY).mailing().trackingNumber()).isEqualTo("EMS1234567890CN");
        store.updateMailing(n, mailed, NOW, TODAY);
        assertThat(new CaseNotices(database()).of(n)).filteredOn(s -> s.startsWith("MAILED")).containsExactly(
                "MAILED=PENDING");
        assertThat(store.updateMailing(n, new MailingUpdate(MailingState.RETURNED, null, null, "王五"), NOW, TODAY)
                .mailing().state()).isEqualTo(MailingState.RETURNED);
        assertThatThrownBy(() -> store.updateMailing(n, new MailingUpdate(MailingState.DELIVERED, null, null, "王五"),
                NOW, TODAY)).isInstanceOf(StoreConflict.class);
    }

    @Test
    default void aLapsedDeferralEndsItsCaseOnceThoughSeveralInstancesRunTheJobAtOnce() throws Exception {
        CaseSubmission s = SupplementContract.withMaterials("jm3", CaseKind.PROMISED,
                SupplementContract.provided("M01", "身份证"),
                new Material("M02", "户口簿", Material.Status.WAIVED_BY_COMMITMENT, null, null))
                .withCommitment(new DeferralCommitment("RQ-1", "本人承诺……", NOW, List.of("M02"),
                        LocalDate.of(2025, 3, 7)));
        String n = filed(s, null, LocalDate.of(2025, 3, 7)); // a Friday
        CaseStore store = new CaseStore(database());
        store.transition(n, new CaseTransition(CaseState.ACCEPTED, null), NOW, TODAY);
        assertThat(store.lapseDeferrals(LocalDate.of(2025, 3, 9), NOW, "示例市政务服务中心")).as("a Sunday").isEmpty();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        List<String> ended = new ArrayList<>();
        try {
            List<Future<List<String>>> runs = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                runs.add(pool.submit(() -> {
                    go.await();
                    return new CaseStore(database()).lapseDeferrals(LocalDate.of(2025, 3, 10), NOW,
                            "示例市政务服务中心");
                }));
            }
            go.countDown();
            for (Future<List<String>> f : runs) {
                ended.addAll(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(ended).containsExactly(n);
        CaseView v = view(n);
        assertThat(v.state()).isEqualTo(CaseState.RETURNED);
        assertThat(v.history()).filteredOn(e -> e.state() == CaseState.RETURNED).hasSize(1);
        assertThat(v.note()).contains("户口簿", "视为撤回");
        assertThat(store.returnedBy(n)).contains(DeferralLapses.BY);
        assertThat(new CaseNotices(database()).of(n)).contains("DEFERRAL_LAPSED=PENDING")
                .noneMatch(x -> x.startsWith("RETURNED"));
    }
}
