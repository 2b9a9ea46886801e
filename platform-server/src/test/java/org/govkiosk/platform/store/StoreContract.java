package org.govkiosk.platform.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.govkiosk.api.CaseKind;
import org.govkiosk.api.CaseReceipt;
import org.govkiosk.api.CaseState;
import org.govkiosk.api.CaseSubmission;
import org.govkiosk.api.CaseTransition;
import org.govkiosk.api.CaseView;
import org.govkiosk.api.DeviceState;
import org.govkiosk.api.ErrorCodes;
import org.govkiosk.api.Heartbeat;
import org.govkiosk.api.IdType;
import org.govkiosk.api.LicenceIssue;
import org.govkiosk.api.LicenceVerification;
import org.govkiosk.api.LicenceVerificationRequest;
import org.govkiosk.api.RatingReceipt;
import org.govkiosk.api.TerminalKeys;
import org.govkiosk.api.TerminalRegistration;
import org.govkiosk.platform.Fixtures;
import org.govkiosk.platform.http.Bodies;
import org.govkiosk.testkit.TestSeed;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** One contract for the stores, run against every database the platform supports. */
abstract class StoreContract implements DeadlinesContract, IssuanceContract, SupplementPagesContract,
        CaseNoticesContract, JointMailContract {

    static final Instant NOW = Instant.parse("2025-03-03T02:00:00Z");
    static final LocalDate TODAY = LocalDate.of(2025, 3, 3);

    /** The case numbers the racing resends draw; a failure names the seed to replay it with. */
    @RegisterExtension
    static final TestSeed SEED = new TestSeed();

    private final AtomicInteger numbers = new AtomicInteger();
    private final Bodies bodies = new Bodies();
    Database db;

    /** A JDBC URL of a fresh, empty database. */
    abstract String freshDatabaseUrl() throws Exception;

    @BeforeEach
    void open() throws Exception {
        db = Database.open(freshDatabaseUrl(), "govkiosk", "");
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Override
    public Database database() {
        return db;
    }

    private CaseStore.NewCase extra(CaseSubmission s) {
        String json = bodies.canonicalJson(s);
        return new CaseStore.NewCase(Bodies.sha256Hex(json.getBytes(StandardCharsets.UTF_8)), json,
                LocalDate.of(2025, 3, 10));
    }

    private CaseReceipt submit(CaseStore store, CaseSubmission s) {
        return store.submit(s, extra(s), () -> "N" + numbers.incrementAndGet(), NOW);
    }

    @Test
    void schemaCanBeAppliedAgain() {
        Database again = Database.open(urlOf(db), "govkiosk", "");
        again.close();
        assertThat(db.isReachable()).isTrue();
    }

    private static String urlOf(Database d) {
        return ((com.zaxxer.hikari.HikariDataSource) d.dataSource()).getJdbcUrl();
    }

    @Test
    void registrationIsIdempotentForTheSameKeyOnly() {
        TerminalStore terminals = new TerminalStore(db);
        String key = TerminalKeys.encodePublic(TerminalKeys.generate().getPublic());
        TerminalRegistration r = new TerminalRegistration("T-1", "HALL-1", key, "token", null, null);
        assertThat(terminals.register(r, NOW).alreadyRegistered()).isFalse();
        assertThat(terminals.register(r, NOW.plusSeconds(5)).alreadyRegistered()).isTrue();
        assertThat(terminals.register(r, NOW.plusSeconds(5)).registeredAt()).isEqualTo(NOW);
        assertThat(terminals.publicKey("T-1")).map(TerminalKeys::encodePublic).contains(key);
        assertThat(terminals.publicKey("T-2")).isEmpty();
        String other = TerminalKeys.encodePublic(TerminalKeys.generate().getPublic());
        assertThatThrownBy(() -> terminals.register(new TerminalRegistration("T-1", "HALL-1", other, "t", null, null),
                NOW)).isInstanceOfSatisfying(StoreConflict.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCodes.TERMINAL_KEY_CONFLICT));
    }

    @Test
    void heartbeatReplacesTheDeviceListOfThatTerminal() {
        TerminalStore terminals = new TerminalStore(db);
        terminals.register(new TerminalRegistration("T-1", "HALL-1",
                TerminalKeys.encodePublic(TerminalKeys.generate().getPublic()), "t", null, null), NOW);
        terminals.heartbeat(new Heartbeat("T-1", NOW, "1.0", 3, List.of(
                new DeviceState("printer", "RECEIPT_PRINTER", "DEGRADED", "PAPER_NEAR_END"),
                new DeviceState("idcard", "ID_CARD_READER", "ONLINE", null))), NOW);
        terminals.heartbeat(new Heartbeat("T-1", NOW, null, 0, List.of(
                new DeviceState("printer", "RECEIPT_PRINTER", "OFFLINE", "PAPER_OUT"))), NOW.plusSeconds(60));
        var status = terminals.all().get(0);
        assertThat(status.lastHeartbeatAt()).isEqualTo(NOW.plusSeconds(60));
        assertThat(status.softwareVersion()).isEqualTo("1.0");
        assertThat(status.outboxPending()).isZero();
        assertThat(status.devices()).containsExactly(new DeviceState("printer", "RECEIPT_PRINTER", "OFFLINE",
                "PAPER_OUT"));
        assertThatThrownBy(() -> terminals.heartbeat(new Heartbeat("T-9", NOW, null, 0, List.of()), NOW))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void resendWithTheSameKeyReturnsTheFirstReceipt() {
        CaseStore cases = new CaseStore(db);
        CaseSubmission s = Fixtures.submission("T-1", "k1");
        CaseReceipt first = submit(cases, s);
        CaseReceipt again = submit(cases, s);
        assertThat(first.duplicate()).isFalse();
        assertThat(again.duplicate()).isTrue();
        assertThat(again.caseNumber()).isEqualTo(first.caseNumber());
        assertThat(again.promisedDate()).isEqualTo(LocalDate.of(2025, 3, 10));
        assertThat(cases.list(Optional.empty(), 100, TODAY)).hasSize(1);
    }

    @Test
    void sameKeyWithAnotherBodyIsAConflictButAnotherTerminalMayUseIt() {
        CaseStore cases = new CaseStore(db);
        submit(cases, Fixtures.submission("T-1", "k1"));
        assertThatThrownBy(() -> submit(cases, Fixtures.submission("T-1", "k1", CaseKind.PROMISED, "外地")))
                .isInstanceOfSatisfying(StoreConflict.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCodes.IDEMPOTENCY_CONFLICT));
        assertThat(submit(cases, Fixtures.submission("T-2", "k1")).duplicate()).isFalse();
    }

    @Test
    void aLocalCaseResubmittedUnderANewKeyIsTheCaseHeldAndEveryDeliveryIsCounted() {
        CaseStore cases = new CaseStore(db);
        CaseSubmission s = Fixtures.submission("T-1", "k1");
        CaseReceipt first = submit(cases, s);
        submit(cases, s);
        CaseSubmission again = new CaseSubmission("k2", s.localCaseId(), s.terminalId(), s.itemCode(), s.itemName(),
                s.kind(), s.applicant(), s.formData(), s.materials(), s.submittedAt());
        CaseReceipt resubmitted = submit(cases, again);
        assertThat(resubmitted.caseNumber()).isEqualTo(first.caseNumber());
        assertThat(resubmitted.duplicate()).isTrue();
        assertThat(submit(cases, again).caseNumber()).isEqualTo(first.caseNumber());
        assertThat(cases.list(Optional.empty(), 100, TODAY)).as("one case for one local case").hasSize(1);
        assertThat(cases.deliveries("T-1")).containsExactly(new CaseStore.Delivery("k1", first.caseNumber(), 2),
                new CaseStore.Delivery("k2", first.caseNumber(), 2));
        // Another terminal's local case of the same name is its own case.
        CaseSubmission elsewhere = new CaseSubmission("k3", s.localCaseId(), "T-2", s.itemCode(), s.itemName(),
                s.kind(), s.applicant(), s.formData(), s.materials(), s.submittedAt());
        assertThat(submit(cases, elsewhere).caseNumber()).isNotEqualTo(first.caseNumber());
    }

    @Test
    void aLocalCaseOfAnotherItemUnderANewKeyIsAConflict() {
        CaseStore cases = new CaseStore(db);
        CaseSubmission s = Fixtures.submission("T-1", "k1");
        submit(cases, s);
        CaseSubmission other = new CaseSubmission("k2", s.localCaseId(), s.terminalId(), "ITEM-002", s.itemName(),
                s.kind(), s.applicant(), s.formData(), s.materials(), s.submittedAt());
        assertThatThrownBy(() -> submit(cases, other)).isInstanceOfSatisfying(StoreConflict.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCodes.IDEMPOTENCY_CONFLICT));
        assertThat(cases.list(Optional.empty(), 100, TODAY)).hasSize(1);
    }

    @Test
    void twentyConcurrentResendsMakeOneCase() throws Exception {
        CaseStore cases = new CaseStore(db);
        CaseSubmission s = Fixtures.submission("T-1", "race");
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Future<CaseReceipt>> futures = new ArrayList<>();
            Random random = SEED.random();
            for (int i = 0; i < 20; i++) {
                futures.add(pool.submit(() -> {
                    go.await();
                    return cases.submit(s, extra(s), () -> "R" + random.nextLong(), NOW);
                }));
            }
            go.countDown();
            Set<String> numbersSeen = new HashSet<>();
            int fresh = 0;
            for (Future<CaseReceipt> f : futures) {
                CaseReceipt r = f.get();
                numbersSeen.add(r.caseNumber());
                fresh += r.duplicate() ? 0 : 1;
            }
            assertThat(numbersSeen).hasSize(1);
            assertThat(fresh).isEqualTo(1);
            assertThat(cases.list(Optional.empty(), 100, TODAY)).hasSize(1);
            assertThat(cases.deliveries("T-1")).as("every delivery counted, first and repeats")
                    .containsExactly(new CaseStore.Delivery("race", numbersSeen.iterator().next(), 20));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void caseMovesThroughItsStatesAndRefusesIllegalMoves() {
        CaseStore cases = new CaseStore(db);
        String n = submit(cases, Fixtures.submission("T-1", "k1")).caseNumber();
        assertThatThrownBy(() -> cases.transition(n, new CaseTransition(CaseState.COMPLETED, null), NOW, TODAY))
                .isInstanceOfSatisfying(StoreConflict.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCodes.ILLEGAL_TRANSITION));
        cases.transition(n, new CaseTransition(CaseState.NEEDS_SUPPLEMENT, "缺少户口簿原件"), NOW, TODAY);
        cases.transition(n, new CaseTransition(CaseState.ACCEPTED, null), NOW, TODAY);
        cases.transition(n, new CaseTransition(CaseState.IN_REVIEW, null), NOW, TODAY);
        CaseView done = cases.transition(n, new CaseTransition(CaseState.COMPLETED, null), NOW.plusSeconds(9), TODAY);
        assertThat(done.state()).isEqualTo(CaseState.COMPLETED);
        assertThat(done.updatedAt()).isEqualTo(NOW.plusSeconds(9));
        assertThat(done.history()).extracting(e -> e.state()).containsExactly(CaseState.SUBMITTED,
                CaseState.NEEDS_SUPPLEMENT, CaseState.ACCEPTED, CaseState.IN_REVIEW, CaseState.COMPLETED);
        assertThat(done.history().get(1).note()).isEqualTo("缺少户口簿原件");
        assertThatThrownBy(() -> cases.transition("nope", new CaseTransition(CaseState.ACCEPTED, null), NOW, TODAY))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void certificateNeedsACompletedCaseAndComesBackByteForByte() {
        CaseStore cases = new CaseStore(db);
        String n = submit(cases, Fixtures.submission("T-1", "k1")).caseNumber();
        byte[] pdf = new byte[2 * 1024 * 1024]; // over H2's 1 MB default for VARBINARY
        new Random(7).nextBytes(pdf);
        assertThatThrownBy(() -> cases.attachCertificate(n, pdf, "x", NOW)).isInstanceOf(StoreConflict.class);
        assertThatThrownBy(() -> cases.certificate(n)).isInstanceOfSatisfying(NotFoundException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCodes.CERTIFICATE_NOT_AVAILABLE));
        for (CaseState s : List.of(CaseState.ACCEPTED, CaseState.IN_REVIEW, CaseState.COMPLETED)) {
            cases.transition(n, new CaseTransition(s, null), NOW, TODAY);
        }
        assertThatThrownBy(() -> cases.transition(n, new CaseTransition(CaseState.CERTIFICATE_ISSUED, null), NOW,
                TODAY)).isInstanceOf(StoreConflict.class).hasMessageContaining("attach the certificate");
        cases.attachCertificate(n, pdf, Bodies.sha256Hex(pdf), NOW);
        assertThat(cases.certificate(n)).isEqualTo(pdf);
        assertThat(cases.find(n, TODAY).orElseThrow().certificateAvailable()).isTrue();
        assertThat(cases.transition(n, new CaseTransition(CaseState.CERTIFICATE_ISSUED, null), NOW, TODAY).state())
                .isEqualTo(CaseState.CERTIFICATE_ISSUED);
    }

    @Test
    void casesAreFoundByApplicantAndFlaggedOverdue() {
        CaseStore cases = new CaseStore(db);
        terminalIn("T-1", "HALL-1");
        String n = submit(cases, Fixtures.submission("T-1", "k1")).caseNumber();
        submit(cases, Fixtures.submission("T-1", "k2"));
        assertThat(cases.byApplicant(IdType.RESIDENT_ID, Fixtures.ID_NUMBER.toLowerCase(), "HALL-1", 50, TODAY))
                .hasSize(2);
        assertThat(cases.byApplicant(IdType.PASSPORT, Fixtures.ID_NUMBER, "HALL-1", 50, TODAY)).isEmpty();
        CaseView view = cases.find(n, LocalDate.of(2025, 3, 11)).orElseThrow();
        assertThat(view.overdue()).isTrue();
        assertThat(view.applicantNameMasked()).isEqualTo("张**");
        assertThat(cases.find(n, LocalDate.of(2025, 3, 10)).orElseThrow().overdue()).isFalse();
        cases.transition(n, new CaseTransition(CaseState.NOT_ACCEPTED, "不符合参保条件"), NOW, TODAY);
        assertThat(cases.find(n, LocalDate.of(2025, 3, 11)).orElseThrow().overdue()).isFalse();
        assertThat(cases.list(Optional.of(CaseState.NOT_ACCEPTED), 10, TODAY)).extracting(CaseView::caseNumber)
                .containsExactly(n);
    }

    @Test
    void aCaseBelongsToTheHallOfTheTerminalThatFiledItAndIsFoundThereOnly() {
        CaseStore cases = new CaseStore(db);
        TerminalStore terminals = new TerminalStore(db);
        terminalIn("T-1", "HALL-1");
        terminalIn("T-B", "HALL-B");
        assertThat(terminals.hallOf("T-1")).contains("HALL-1");
        assertThat(terminals.hallOf("T-B")).contains("HALL-B");
        assertThat(terminals.hallOf("T-NONE")).isEmpty();
        String inHall1 = submit(cases, Fixtures.submission("T-1", "k1")).caseNumber();
        String inHallB = submit(cases, Fixtures.submission("T-B", "k1")).caseNumber();
        assertThat(cases.hallOf(inHall1)).contains("HALL-1");
        assertThat(cases.hallOf(inHallB)).contains("HALL-B");
        assertThat(cases.hallOf("N-NONE")).isEmpty();
        // The same applicant in both halls: each hall finds its own case only.
        assertThat(cases.byApplicant(IdType.RESIDENT_ID, Fixtures.ID_NUMBER, "HALL-1", 50, TODAY))
                .extracting(CaseView::caseNumber).containsExactly(inHall1);
        assertThat(cases.byApplicant(IdType.RESIDENT_ID, Fixtures.ID_NUMBER, "HALL-B", 50, TODAY))
                .extracting(CaseView::caseNumber).containsExactly(inHallB);
        assertThat(cases.byApplicant(IdType.RESIDENT_ID, Fixtures.ID_NUMBER, "HALL-X", 50, TODAY)).isEmpty();
    }

    @Test
    void aHallsQueueHoldsItsOwnCasesNewestFirstAndTheStoredSubmissionComesBackWhole() {
        CaseStore cases = new CaseStore(db);
        terminalIn("T-1", "HALL-1");
        terminalIn("T-B", "HALL-B");
        String first = submit(cases, Fixtures.submission("T-1", "q1")).caseNumber();
        String second = submit(cases, Fixtures.submission("T-1", "q2")).caseNumber();
        String elsewhere = submit(cases, Fixtures.submission("T-B", "q1")).caseNumber();
        cases.transition(first, new CaseTransition(CaseState.ACCEPTED, null), NOW, TODAY);
        assertThat(cases.listInHall(Optional.empty(), "HALL-1", 50, TODAY)).extracting(CaseView::caseNumber)
                .containsExactlyInAnyOrder(first, second).doesNotContain(elsewhere);
        assertThat(cases.listInHall(Optional.of(CaseState.ACCEPTED), "HALL-1", 50, TODAY))
                .extracting(CaseView::caseNumber).containsExactly(first);
        assertThat(cases.listInHall(Optional.empty(), "HALL-1", 1, TODAY)).hasSize(1);
        assertThat(cases.listInHall(Optional.empty(), "HALL-X", 50, TODAY)).isEmpty();
        CaseSubmission stored = cases.submission(second).orElseThrow();
        assertThat(stored.applicant().idNumber()).isEqualTo(Fixtures.ID_NUMBER);
        assertThat(stored.materials()).extracting(m -> m.code()).containsExactly("M1");
        assertThat(cases.submission("N-NONE")).isEmpty();
    }

    @Test
    void ratingsAreIdempotentAndOnePerContact() {
        RatingStore ratings = new RatingStore(db);
        var r = Fixtures.rating("T-1", "r1", "N1", "1", 2);
        String json = bodies.canonicalJson(r);
        String hash = Bodies.sha256Hex(json.getBytes(StandardCharsets.UTF_8));
        RatingReceipt first = ratings.submit(r, hash, json, NOW);
        RatingReceipt again = ratings.submit(r, hash, json, NOW.plusSeconds(3));
        assertThat(again.duplicate()).isTrue();
        assertThat(again.ratingId()).isEqualTo(first.ratingId());
        var second = Fixtures.rating("T-1", "r2", "N1", "1", 5);
        String json2 = bodies.canonicalJson(second);
        assertThatThrownBy(() -> ratings.submit(second, Bodies.sha256Hex(json2.getBytes(StandardCharsets.UTF_8)),
                json2, NOW)).isInstanceOfSatisfying(StoreConflict.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCodes.ALREADY_RATED));
        assertThatThrownBy(() -> ratings.submit(r, "other-hash", json, NOW))
                .isInstanceOfSatisfying(StoreConflict.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCodes.IDEMPOTENCY_CONFLICT));
        assertThat(ratings.count(true)).isEqualTo(1);
    }

    @Test
    void licenceCodesVerifyUntilTheyExpire() {
        LicenceStore licences = new LicenceStore(db);
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        var code = licences.issue(new LicenceIssue("E_SOCIAL_SECURITY_CARD", "A12345678", "张三丰",
                Fixtures.ID_NUMBER, "某省人社厅", LocalDate.of(2030, 1, 1), 60), NOW);
        LicenceVerification ok = licences.verify(new LicenceVerificationRequest(code.code(), "ITEM-001",
                Fixtures.ID_NUMBER), NOW.plusSeconds(59), zone);
        assertThat(ok.valid()).isTrue();
        assertThat(ok.holderMatches()).isTrue();
        assertThat(ok.holderNameMasked()).isEqualTo("张**");
        assertThat(ok.licenceNumberMasked()).doesNotContain("12345");
        assertThat(licences.verify(new LicenceVerificationRequest(code.code(), null, "110105194912310011"),
                NOW, zone).holderMatches()).isFalse();
        assertThat(licences.verify(new LicenceVerificationRequest(code.code(), null, null), NOW.plusSeconds(60), zone)
                .reason()).isEqualTo(LicenceVerification.CODE_EXPIRED);
        assertThat(licences.verify(new LicenceVerificationRequest("GKEL1:nothing", null, null), NOW, zone).reason())
                .isEqualTo(LicenceVerification.UNKNOWN_CODE);
        var old = licences.issue(new LicenceIssue("BUSINESS_LICENCE", "91110000X", "某公司", "91110000X", "市场监管局",
                LocalDate.of(2025, 3, 2), 600), NOW);
        assertThat(licences.verify(new LicenceVerificationRequest(old.code(), null, null), NOW, zone).reason())
                .isEqualTo(LicenceVerification.LICENCE_EXPIRED);
    }

    @Test
    void nonceIsAcceptedOnceAndForgottenAfterTheWindow() {
        java.time.Clock clock = java.time.Clock.fixed(NOW.plus(Duration.ofMinutes(11)), java.time.ZoneOffset.UTC);
        JdbcNonceStore nonces = new JdbcNonceStore(db, Duration.ofMinutes(10), clock);
        assertThat(nonces.firstUse("T-1", "n-0000000000000001", NOW)).isTrue();
        assertThat(nonces.firstUse("T-1", "n-0000000000000001", NOW)).isFalse();
        assertThat(nonces.firstUse("T-2", "n-0000000000000001", NOW)).isTrue();
        assertThat(nonces.purge()).isEqualTo(2);
    }

    @Test
    void concurrentRegistrationsOfOneTerminalAllSucceed() throws Exception {
        TerminalStore terminals = new TerminalStore(db);
        String key = TerminalKeys.encodePublic(TerminalKeys.generate().getPublic());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(() -> terminals.register(new TerminalRegistration("T-1", "H", key, "t", null, null), NOW)
                        .alreadyRegistered());
            }
            long fresh = pool.invokeAll(calls).stream().filter(f -> {
                try {
                    return !f.get();
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            }).count();
            assertThat(fresh).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }
}
