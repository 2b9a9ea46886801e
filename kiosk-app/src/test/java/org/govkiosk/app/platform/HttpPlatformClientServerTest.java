package org.govkiosk.app.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.govkiosk.api.ApiJson;
import org.govkiosk.api.ApiPaths;
import org.govkiosk.api.CaseList;
import org.govkiosk.api.CaseReceipt;
import org.govkiosk.api.CaseSearch;
import org.govkiosk.api.CaseState;
import org.govkiosk.api.CaseSubmission;
import org.govkiosk.api.CaseTransition;
import org.govkiosk.api.CaseView;
import org.govkiosk.api.DeviceState;
import org.govkiosk.api.ErrorCodes;
import org.govkiosk.api.Heartbeat;
import org.govkiosk.api.HeartbeatReceipt;
import org.govkiosk.api.IdType;
import org.govkiosk.api.IssuedLicenceCode;
import org.govkiosk.api.LicenceIssue;
import org.govkiosk.api.LicenceVerification;
import org.govkiosk.api.LicenceVerificationRequest;
import org.govkiosk.api.RatingChannel;
import org.govkiosk.api.RatingReceipt;
import org.govkiosk.api.RatingSubmission;
import org.govkiosk.api.RegistrationReceipt;
import org.govkiosk.api.RequestSigner;
import org.govkiosk.api.TerminalKeys;
import org.govkiosk.api.TerminalRegistration;
import org.govkiosk.app.cases.TestCases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The terminal's client against the reference platform-server (embedded, HTTPS with a self-signed certificate
 * pinned by the client, H2 file): every call of {@link PlatformClient} and the platform's refusals, classified as
 * the outbox needs them. Each test uses its own terminal id, so they share one server.
 */
class HttpPlatformClientServerTest {

    private static final AtomicInteger TERMINALS = new AtomicInteger();

    @TempDir
    static Path dir;

    private static TestTls tls;
    private static RealPlatform platform;

    private final String terminalId = "T-" + TERMINALS.incrementAndGet();
    private final KeyPair keys = TerminalKeys.generate();

    @BeforeAll
    static void startPlatform() throws Exception {
        tls = TestTls.selfSigned(dir, "gateway");
        platform = RealPlatform.https(Files.createDirectories(dir.resolve("platform")), tls.keystore(),
                TestTls.PASSWORD);
    }

    @AfterAll
    static void stopPlatform() {
        if (platform != null) {
            platform.close();
        }
    }

    private HttpPlatformClient client(KeyPair signingKeys, Set<String> pins) {
        PlatformClientConfig config = new PlatformClientConfig(platform.baseUri(), pins, Duration.ofSeconds(2),
                Duration.ofSeconds(10), 64 * 1024, 1 << 20);
        return new HttpPlatformClient(config, new RequestSigner(terminalId, signingKeys.getPrivate(),
                Clock.systemUTC()));
    }

    private HttpPlatformClient pinnedClient() {
        return client(keys, Set.of(PinnedTrustManager.pinOf(tls.certificate())));
    }

    private HttpPlatformClient registeredClient() throws PlatformException {
        HttpPlatformClient client = pinnedClient();
        platform.register(client, terminalId, keys.getPublic());
        return client;
    }

    private CaseSubmission submission() {
        return TestCases.draft(Clock.systemUTC()).toSubmission(terminalId, Instant.now());
    }

    private RatingSubmission rating(String key, String caseNumber, int level) {
        return new RatingSubmission(key, caseNumber, "1", TestCases.ITEM.code(), RealPlatform.HALL, terminalId, null,
                null, RatingChannel.SELF_SERVICE_TERMINAL, level, Map.of("OVERALL", level),
                level <= RatingSubmission.BAD_LEVEL_MAX ? List.of("SERVICE_ATTITUDE") : List.of(),
                level <= RatingSubmission.BAD_LEVEL_MAX ? "等了很久" : null, true, Instant.now());
    }

    private static PlatformException failure(ThrowingCall call) {
        return catchThrowableOfType(PlatformException.class, call::run);
    }

    @FunctionalInterface
    private interface ThrowingCall {
        void run() throws Exception;
    }

    @Test
    void registersSendsAHeartbeatAndSubmitsACaseOnceEvenWhenResent() throws Exception {
        HttpPlatformClient client = pinnedClient();
        RegistrationReceipt first = platform.register(client, terminalId, keys.getPublic());
        assertThat(first.terminalId()).isEqualTo(terminalId);
        assertThat(first.alreadyRegistered()).isFalse();
        assertThat(platform.register(client, terminalId, keys.getPublic()).alreadyRegistered())
                .as("registering again at the next start is harmless").isTrue();

        Instant before = Instant.now();
        HeartbeatReceipt beat = client.heartbeat(new Heartbeat(terminalId, Instant.now(), "1.0", 3,
                List.of(new DeviceState("receipt-printer", "RECEIPT_PRINTER", "DEGRADED", "PAPER_NEAR_END"))));
        assertThat(beat.receivedAt()).isBetween(before.minusSeconds(1), Instant.now().plusSeconds(1));
        String terminals = platform.clerk("GET", ApiPaths.CLERK_TERMINALS, null, null).body();
        assertThat(terminals).contains(terminalId).contains("PAPER_NEAR_END");

        CaseSubmission s = submission();
        CaseReceipt receipt = client.submitCase(s);
        CaseReceipt again = client.submitCase(s);
        assertThat(receipt.duplicate()).isFalse();
        assertThat(receipt.localCaseId()).isEqualTo(s.localCaseId());
        assertThat(again.caseNumber()).isEqualTo(receipt.caseNumber());
        assertThat(again.duplicate()).isTrue();
        assertThat(platform.storedKeys("cases")).containsEntry(s.idempotencyKey(), 1);
    }

    @Test
    void aBadRatingGoesOutWithoutDerivedFieldsAndAContactIsRatedOnce() throws Exception {
        HttpPlatformClient client = registeredClient();
        String caseNumber = client.submitCase(submission()).caseNumber();
        // Level 2 is a bad rating: before RatingSubmission.isBad() was kept out of the JSON, the platform's strict
        // reader refused the "bad" field it produced.
        RatingSubmission bad = rating("rating-" + terminalId, caseNumber, 2);
        assertThat(ApiJson.lenient().writeValueAsString(bad)).doesNotContain("\"bad\"");
        RatingReceipt receipt = client.submitRating(bad);
        assertThat(receipt.caseNumber()).isEqualTo(caseNumber);
        assertThat(client.submitRating(bad).ratingId()).isEqualTo(receipt.ratingId());
        assertThat(platform.storedKeys("ratings")).containsEntry(bad.idempotencyKey(), 1);

        PlatformException twice = failure(() -> client.submitRating(rating("other-" + terminalId, caseNumber, 5)));
        assertThat(twice.failure()).isEqualTo(PlatformFailure.CONFLICT);
        assertThat(twice.retryable()).isFalse();
        assertThat(twice.errorCode()).contains(ErrorCodes.ALREADY_RATED);
    }

    @Test
    void queriesSearchesAndFetchesTheCertificateOfAFinishedCase() throws Exception {
        HttpPlatformClient client = registeredClient();
        CaseSubmission s = submission();
        String number = client.submitCase(s).caseNumber();

        CaseView view = client.queryCase(number);
        assertThat(view.state()).isEqualTo(CaseState.SUBMITTED);
        assertThat(view.terminalId()).isEqualTo(terminalId);
        assertThat(view.applicantNameMasked()).isNotEqualTo(s.applicant().name()).startsWith("张");
        CaseList mine = client.searchCases(new CaseSearch(IdType.RESIDENT_ID, s.applicant().idNumber()));
        assertThat(mine.cases()).extracting(CaseView::caseNumber).contains(number);

        PlatformException notYet = failure(() -> client.fetchCertificate(number, new org.govkiosk.api.HolderIdentity(IdType.RESIDENT_ID,
                s.applicant().idNumber())));
        assertThat(notYet.errorCode()).contains(ErrorCodes.CERTIFICATE_NOT_AVAILABLE);
        assertThat(notYet.retryable()).isFalse();
        for (CaseState to : List.of(CaseState.ACCEPTED, CaseState.IN_REVIEW, CaseState.COMPLETED)) {
            HttpResponse<String> moved = platform.clerk("POST", ApiPaths.clerkCaseTransitions(number),
                    "application/json", ApiJson.lenient().writeValueAsBytes(new CaseTransition(to, null)));
            assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
        }
        byte[] pdf = "%PDF-1.7\n% 证明\n%%EOF\n".getBytes(StandardCharsets.UTF_8);
        assertThat(platform.clerk("PUT", ApiPaths.clerkCaseCertificate(number), "application/pdf", pdf)
                .statusCode()).isEqualTo(204);
        assertThat(client.fetchCertificate(number, new org.govkiosk.api.HolderIdentity(IdType.RESIDENT_ID,
                s.applicant().idNumber()))).isEqualTo(pdf);
        assertThat(client.queryCase(number).certificateAvailable()).isTrue();
    }

    @Test
    void verifiesAnELicenceCodeAndAnUnknownCodeIsAnAnswer() throws Exception {
        HttpPlatformClient client = registeredClient();
        String id = TestCases.applicant().idNumber();
        HttpResponse<String> issued = platform.clerk("POST", ApiPaths.CLERK_LICENCES, "application/json",
                ApiJson.lenient().writeValueAsBytes(new LicenceIssue("E_SOCIAL_SECURITY_CARD", "A123", "张三丰", id,
                        "省人社厅", LocalDate.of(2030, 1, 1), 300)));
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        String code = ApiJson.lenient().readValue(issued.body(), IssuedLicenceCode.class).code();

        LicenceVerification ok = client.verifyLicence(new LicenceVerificationRequest(code, TestCases.ITEM.code(), id));
        assertThat(ok.valid()).isTrue();
        assertThat(ok.holderMatches()).isTrue();
        LicenceVerification unknown = client.verifyLicence(new LicenceVerificationRequest("not a code", null, null));
        assertThat(unknown.valid()).isFalse();
        assertThat(unknown.reason()).isEqualTo(LicenceVerification.UNKNOWN_CODE);
    }

    @Test
    void anUnregisteredTerminalMayRetryAndIsServedOnceRegistered() throws Exception {
        HttpPlatformClient client = pinnedClient();
        CaseSubmission s = submission();
        PlatformException e = failure(() -> client.submitCase(s));
        assertThat(e.failure()).isEqualTo(PlatformFailure.REFUSED_FOR_NOW);
        assertThat(e.retryable()).as("registration fixes it: the outbox must keep the case").isTrue();
        assertThat(e.httpStatus()).contains(401);
        assertThat(e.errorCode()).contains(ErrorCodes.UNKNOWN_TERMINAL);

        platform.register(client, terminalId, keys.getPublic());
        assertThat(client.submitCase(s).duplicate()).isFalse();
    }

    @Test
    void aRequestSignedWithAnotherKeyIsRefusedForGood() throws Exception {
        registeredClient();
        HttpPlatformClient impostor = client(TerminalKeys.generate(), Set.of(PinnedTrustManager.pinOf(
                tls.certificate())));
        CaseSubmission s = submission();
        PlatformException e = failure(() -> impostor.submitCase(s));
        assertThat(e.failure()).isEqualTo(PlatformFailure.UNAUTHORIZED);
        assertThat(e.retryable()).isFalse();
        assertThat(e.errorCode()).contains(ErrorCodes.BAD_SIGNATURE);
        assertThat(platform.storedKeys("cases")).doesNotContainKey(s.idempotencyKey());
    }

    @Test
    void registrationRefusalsArePermanent() {
        HttpPlatformClient client = pinnedClient();
        TerminalRegistration wrongToken = new TerminalRegistration(terminalId, RealPlatform.HALL,
                TerminalKeys.encodePublic(keys.getPublic()), "guessed-token", null, null);
        PlatformException refused = failure(() -> client.register(wrongToken));
        assertThat(refused.failure()).isEqualTo(PlatformFailure.UNAUTHORIZED);
        assertThat(refused.retryable()).isFalse();
        assertThat(refused.errorCode()).contains(ErrorCodes.ENROLMENT_REFUSED);
        assertThat(refused.getMessage()).doesNotContain("guessed-token");

        PlatformException otherKey = failure(() -> {
            platform.register(client, terminalId, keys.getPublic());
            platform.register(client, terminalId, TerminalKeys.generate().getPublic());
        });
        assertThat(otherKey.failure()).isEqualTo(PlatformFailure.CONFLICT);
        assertThat(otherKey.errorCode()).contains(ErrorCodes.TERMINAL_KEY_CONFLICT);
    }

    @Test
    void theSameKeyWithAnotherBodyAndAnUnknownCaseAreRequestErrors() throws Exception {
        HttpPlatformClient client = registeredClient();
        CaseSubmission s = submission();
        client.submitCase(s);
        CaseSubmission changed = new CaseSubmission(s.idempotencyKey(), s.localCaseId(), s.terminalId(),
                s.itemCode(), s.itemName(), s.kind(), s.applicant(), Map.of("phone", "13900139000"), s.materials(),
                s.submittedAt());
        PlatformException conflict = failure(() -> client.submitCase(changed));
        assertThat(conflict.failure()).isEqualTo(PlatformFailure.CONFLICT);
        assertThat(conflict.errorCode()).contains(ErrorCodes.IDEMPOTENCY_CONFLICT);

        PlatformException unknown = failure(() -> client.queryCase("GK-NO-SUCH-CASE"));
        assertThat(unknown.failure()).isEqualTo(PlatformFailure.INVALID_REQUEST);
        assertThat(unknown.httpStatus()).contains(404);
        assertThat(unknown.errorCode()).contains(ErrorCodes.NOT_FOUND);
    }

    @Test
    void aCertificateThatDoesNotMatchThePinIsATlsFailure() throws Exception {
        TestTls impostorTls = TestTls.selfSigned(dir, "impostor-" + terminalId);
        try (RealPlatform impostor = RealPlatform.https(Files.createDirectories(dir.resolve("impostor")),
                impostorTls.keystore(), TestTls.PASSWORD)) {
            HttpPlatformClient client = new HttpPlatformClient(new PlatformClientConfig(impostor.baseUri(),
                    Set.of(PinnedTrustManager.pinOf(tls.certificate())), Duration.ofSeconds(2),
                    Duration.ofSeconds(10), 64 * 1024, 1 << 20),
                    new RequestSigner(terminalId, keys.getPrivate(), Clock.systemUTC()));
            PlatformException e = failure(() -> client.register(impostor.registration(terminalId, keys.getPublic())));
            assertThat(e.failure()).isEqualTo(PlatformFailure.TLS);
            assertThat(e.retryable()).isTrue();
            assertThat(e.getMessage()).contains("does not match the configured pin");
        }
    }

    @Test
    void aSelfSignedCertificateWithoutPinIsNotTrusted() {
        PlatformException e = failure(() -> client(keys, Set.of()).register(platform.registration(terminalId,
                keys.getPublic())));
        assertThat(e.failure()).isEqualTo(PlatformFailure.TLS);
    }
}
