package org.govkiosk.platform.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.govkiosk.api.CaseEvent;
import org.govkiosk.api.CaseKind;
import org.govkiosk.api.CaseState;
import org.govkiosk.api.CaseTransition;
import org.govkiosk.api.CertificateIssuance;
import org.govkiosk.api.ErrorCodes;
import org.govkiosk.api.IssuanceChannel;
import org.govkiosk.api.IssuanceReceipt;
import org.govkiosk.api.TerminalKeys;
import org.govkiosk.api.TerminalRegistration;
import org.govkiosk.platform.http.Bodies;
import org.junit.jupiter.api.Test;

/**
 * Certificates handed out (出证), part of the store contract: every database the platform supports runs it through
 * {@link StoreContract}. Cases are filed by terminal T-1 of HALL-1.
 */
interface IssuanceContract extends SupplementContract {

    byte[] CERTIFICATE = "%PDF-1.7\n% 办结证明\n%%EOF\n".getBytes(StandardCharsets.UTF_8);
    String CERTIFICATE_SHA = Bodies.sha256Hex(CERTIFICATE);

    /** Registers a terminal in a hall, once: a second call for the same terminal changes nothing. */
    default void terminalIn(String terminalId, String hall) {
        TerminalStore terminals = new TerminalStore(database());
        if (terminals.publicKey(terminalId).isEmpty()) {
            terminals.register(new TerminalRegistration(terminalId, hall,
                    TerminalKeys.encodePublic(TerminalKeys.generate().getPublic()), "token", null, null), NOW);
        }
    }

    /** A 承诺件 filed at T-1, moved on by a clerk to {@code to}, with a certificate on file once COMPLETED. */
    default String caseAt(String key, CaseState to, boolean certificate) {
        terminalIn("T-1", "HALL-1");
        String n = file(SupplementContract.withMaterials(key, CaseKind.PROMISED,
                SupplementContract.provided("M01", "身份证")), decisions(true)).caseNumber();
        CaseStore cases = new CaseStore(database());
        for (CaseState s : List.of(CaseState.ACCEPTED, CaseState.IN_REVIEW, CaseState.COMPLETED)) {
            if (to.ordinal() < s.ordinal() || to == CaseState.SUBMITTED) {
                break;
            }
            cases.transition(n, new CaseTransition(s, null), NOW, TODAY);
        }
        if (certificate) {
            cases.attachCertificate(n, CERTIFICATE, CERTIFICATE_SHA, NOW);
        }
        return n;
    }

    static CertificateIssuance issuance(String key, String caseNumber, String terminal, String hall, String sha) {
        return new CertificateIssuance(key, caseNumber, terminal, hall, IssuanceChannel.SELF_SERVICE_TERMINAL, sha,
                NOW.plusSeconds(90));
    }

    default IssuanceReceipt issue(CertificateIssuance i) {
        String json = new Bodies().canonicalJson(i);
        return new IssuanceStore(database()).issue(i, Bodies.sha256Hex(json.getBytes(StandardCharsets.UTF_8)),
                NOW.plusSeconds(100));
    }

    @Test
    default void theFirstIssuanceMovesTheCaseToIssuedAReprintIsRecordedAndAResendAnswersTheFirstReceipt() {
        String n = caseAt("iss-1", CaseState.COMPLETED, true);
        int before = view(n).history().size();

        IssuanceReceipt first = issue(issuance("k1", n, "T-1", "HALL-1", CERTIFICATE_SHA));
        assertThat(first.state()).isEqualTo(CaseState.CERTIFICATE_ISSUED);
        assertThat(first.reprint()).isFalse();
        assertThat(first.duplicate()).isFalse();
        var issued = view(n);
        assertThat(issued.state()).isEqualTo(CaseState.CERTIFICATE_ISSUED);
        assertThat(issued.history()).hasSize(before + 1);
        CaseEvent last = issued.history().get(before);
        assertThat(last.state()).isEqualTo(CaseState.CERTIFICATE_ISSUED);
        assertThat(last.note()).isEqualTo("自助终端 T-1 出证（证书 " + CERTIFICATE_SHA.substring(0, 12) + "…）");

        IssuanceReceipt again = issue(issuance("k1", n, "T-1", "HALL-1", CERTIFICATE_SHA));
        assertThat(again.duplicate()).isTrue();
        assertThat(again.issuanceId()).isEqualTo(first.issuanceId());
        assertThat(again.reprint()).isFalse();
        assertThat(view(n).history()).hasSize(before + 1);
        assertThatThrownBy(() -> issue(issuance("k1", n, "T-1", "HALL-1", "0".repeat(64))))
                .isInstanceOfSatisfying(StoreConflict.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCodes.IDEMPOTENCY_CONFLICT));

        // 补打 of a certificate the clerk has replaced since: recorded and said so, the state moves no more.
        IssuanceReceipt reprint = issue(issuance("k2", n, "T-1", "HALL-1", "ab".repeat(32)));
        assertThat(reprint.reprint()).isTrue();
        assertThat(reprint.duplicate()).isFalse();
        assertThat(reprint.issuanceId()).isNotEqualTo(first.issuanceId());
        var after = view(n);
        assertThat(after.state()).isEqualTo(CaseState.CERTIFICATE_ISSUED);
        assertThat(after.history()).hasSize(before + 2);
        assertThat(after.history().get(before + 1).note()).contains("补打", "与平台现存证书不同");
        assertThat(new IssuanceStore(database()).count(n)).isEqualTo(2);
    }

    @Test
    default void unfinishedUnknownOtherHallsAndUncertifiedCasesAreRefusedAndLeaveNoTrace() {
        terminalIn("T-2", "HALL-2");
        String inReview = caseAt("iss-r", CaseState.IN_REVIEW, false);
        assertThatThrownBy(() -> issue(issuance("r1", inReview, "T-1", "HALL-1", CERTIFICATE_SHA)))
                .isInstanceOfSatisfying(StoreConflict.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCodes.ILLEGAL_TRANSITION);
                    assertThat(e.getMessage()).contains("IN_REVIEW", "审核中", "COMPLETED");
                });
        assertThatThrownBy(() -> issue(issuance("r2", "NO-SUCH-CASE", "T-1", "HALL-1", CERTIFICATE_SHA)))
                .isInstanceOf(NotFoundException.class);

        String done = caseAt("iss-h", CaseState.COMPLETED, true);
        // A terminal of another hall, for a case of HALL-1; and a terminal naming a hall it is not in.
        assertThatThrownBy(() -> issue(issuance("r3", done, "T-2", "HALL-2", CERTIFICATE_SHA)))
                .isInstanceOfSatisfying(StoreConflict.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCodes.OTHER_HALL));
        assertThatThrownBy(() -> issue(issuance("r4", done, "T-2", "HALL-1", CERTIFICATE_SHA)))
                .isInstanceOfSatisfying(StoreConflict.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCodes.OTHER_HALL));

        String uncertified = caseAt("iss-u", CaseState.COMPLETED, false);
        assertThatThrownBy(() -> issue(issuance("r5", uncertified, "T-1", "HALL-1", CERTIFICATE_SHA)))
                .isInstanceOfSatisfying(StoreConflict.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCodes.CERTIFICATE_NOT_AVAILABLE));

        IssuanceStore store = new IssuanceStore(database());
        for (String n : List.of(inReview, done, uncertified)) {
            assertThat(store.count(n)).isZero();
            assertThat(view(n).history()).extracting(CaseEvent::state).doesNotContain(CaseState.CERTIFICATE_ISSUED);
        }
        assertThat(view(done).state()).isEqualTo(CaseState.COMPLETED);
    }

    @Test
    default void terminalsReportingAtOnceMakeOneTransitionAndResendsOneRow() throws Exception {
        String n = caseAt("iss-c", CaseState.COMPLETED, true);
        terminalIn("T-3", "HALL-1");
        int before = view(n).history().size();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<IssuanceReceipt>> outcomes = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                // Two terminals with a print each, and each print resent twice (the same key).
                CertificateIssuance mine = issuance("race-" + (i % 2), n, i % 2 == 0 ? "T-1" : "T-3", "HALL-1",
                        CERTIFICATE_SHA);
                outcomes.add(pool.submit(() -> {
                    go.await();
                    return issue(mine);
                }));
            }
            go.countDown();
            List<IssuanceReceipt> receipts = new ArrayList<>();
            for (Future<IssuanceReceipt> f : outcomes) {
                receipts.add(f.get());
            }
            // Each print's resends answer its one receipt; of the two prints exactly one moved the case.
            for (int i = 2; i < receipts.size(); i++) {
                assertThat(receipts.get(i).issuanceId()).isEqualTo(receipts.get(i % 2).issuanceId());
                assertThat(receipts.get(i).reprint()).isEqualTo(receipts.get(i % 2).reprint());
            }
            assertThat(receipts.get(0).issuanceId()).isNotEqualTo(receipts.get(1).issuanceId());
            assertThat(receipts.subList(0, 2)).extracting(IssuanceReceipt::reprint).containsExactlyInAnyOrder(true,
                    false);
        } finally {
            pool.shutdownNow();
        }
        assertThat(new IssuanceStore(database()).count(n)).isEqualTo(2);
        List<CaseEvent> history = view(n).history();
        assertThat(history).hasSize(before + 2);
        assertThat(history.subList(before, before + 2)).extracting(CaseEvent::note)
                .satisfiesExactlyInAnyOrder(a -> assertThat(a).contains(" 出证"), b -> assertThat(b).contains("补打"));
        assertThat(view(n).state()).isEqualTo(CaseState.CERTIFICATE_ISSUED);
    }
}
