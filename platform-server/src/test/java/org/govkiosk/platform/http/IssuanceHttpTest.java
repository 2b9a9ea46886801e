package org.govkiosk.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.govkiosk.api.ApiPaths;
import org.govkiosk.api.CaseEvent;
import org.govkiosk.api.CaseReceipt;
import org.govkiosk.api.CaseState;
import org.govkiosk.api.CaseView;
import org.govkiosk.api.CertificateIssuance;
import org.govkiosk.api.ErrorCodes;
import org.govkiosk.api.IssuanceChannel;
import org.govkiosk.api.IssuanceReceipt;
import org.govkiosk.platform.Fixtures;
import org.govkiosk.platform.RunningPlatform;
import org.govkiosk.platform.TestTerminal;
import org.junit.jupiter.api.Test;

/** 出证 over real HTTP: a terminal reports the certificate it printed; the case moves to 已出证 once. */
class IssuanceHttpTest extends RunningPlatform {

    private static final byte[] PDF = "%PDF-1.7\n% 办结证明\n%%EOF\n".getBytes(StandardCharsets.UTF_8);
    private static final String SHA = Bodies.sha256Hex(PDF);

    /** A case filed by T-001 (HALL-1), finished by a clerk, its certificate on file when {@code certified}. */
    private String finishedCase(String key, boolean certified) throws Exception {
        HttpResponse<String> filed = terminal.post(ApiPaths.CASES, Fixtures.submission("T-001", key));
        assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
        String n = TestTerminal.read(filed, CaseReceipt.class).caseNumber();
        for (CaseState s : List.of(CaseState.ACCEPTED, CaseState.IN_REVIEW, CaseState.COMPLETED)) {
            HttpResponse<String> moved = clerk("POST", ApiPaths.clerkCaseTransitions(n), "{\"to\":\"" + s + "\"}");
            assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
        }
        if (certified) {
            HttpResponse<String> put = http.send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(server.baseUri() + ApiPaths.clerkCaseCertificate(n)))
                    .header("Authorization", "Bearer " + CLERK).header("Content-Type", "application/pdf")
                    .PUT(java.net.http.HttpRequest.BodyPublishers.ofByteArray(PDF)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(put.statusCode()).as(put.body()).isEqualTo(204);
        }
        return n;
    }

    private CertificateIssuance issuance(String key, String n, TestTerminal by, String hall) {
        return new CertificateIssuance(key, n, by.id, hall, IssuanceChannel.SELF_SERVICE_TERMINAL, SHA,
                clock.instant());
    }

    private CaseView view(String n) throws Exception {
        return TestTerminal.read(terminal.get(ApiPaths.caseByNumber(n)), CaseView.class);
    }

    @Test
    void thePrintedCertificateMovesTheCaseToIssuedOnceAndAReprintIsOnlyRecorded() throws Exception {
        String n = finishedCase("c1", true);
        HttpResponse<String> first = terminal.post(ApiPaths.caseIssuances(n), issuance("p1", n, terminal, "HALL-1"));
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        IssuanceReceipt receipt = TestTerminal.read(first, IssuanceReceipt.class);
        assertThat(receipt.state()).isEqualTo(CaseState.CERTIFICATE_ISSUED);
        assertThat(receipt.reprint()).isFalse();
        CaseView issued = view(n);
        assertThat(issued.state()).isEqualTo(CaseState.CERTIFICATE_ISSUED);
        assertThat(issued.history()).extracting(CaseEvent::state).containsExactly(CaseState.SUBMITTED,
                CaseState.ACCEPTED, CaseState.IN_REVIEW, CaseState.COMPLETED, CaseState.CERTIFICATE_ISSUED);
        assertThat(issued.history().get(4).note()).contains("自助终端 T-001", SHA.substring(0, 12));
        assertThat(issued.certificateAvailable()).isTrue();

        HttpResponse<String> resend = terminal.post(ApiPaths.caseIssuances(n), issuance("p1", n, terminal, "HALL-1"));
        assertThat(resend.statusCode()).isEqualTo(200);
        IssuanceReceipt again = TestTerminal.read(resend, IssuanceReceipt.class);
        assertThat(again.duplicate()).isTrue();
        assertThat(again.issuanceId()).isEqualTo(receipt.issuanceId());
        assertThat(again.receivedAt()).isEqualTo(receipt.receivedAt());

        clock.advance(java.time.Duration.ofMinutes(5));
        HttpResponse<String> reused = terminal.post(ApiPaths.caseIssuances(n), issuance("p1", n, terminal, "HALL-1"));
        assertThat(reused.statusCode()).isEqualTo(409);
        assertThat(TestTerminal.error(reused).code()).isEqualTo(ErrorCodes.IDEMPOTENCY_CONFLICT);

        HttpResponse<String> reprint = terminal.post(ApiPaths.caseIssuances(n), issuance("p2", n, terminal, "HALL-1"));
        assertThat(reprint.statusCode()).as(reprint.body()).isEqualTo(201);
        assertThat(TestTerminal.read(reprint, IssuanceReceipt.class).reprint()).isTrue();
        CaseView after = view(n);
        assertThat(after.state()).isEqualTo(CaseState.CERTIFICATE_ISSUED);
        assertThat(after.history()).hasSize(6);
        assertThat(after.history().get(5).note()).contains("补打");
    }

    @Test
    void unfinishedUnknownAndOtherHallsCasesAndBadBodiesAreRefusedWithAClearError() throws Exception {
        HttpResponse<String> filed = terminal.post(ApiPaths.CASES, Fixtures.submission("T-001", "open"));
        String open = TestTerminal.read(filed, CaseReceipt.class).caseNumber();
        HttpResponse<String> early = terminal.post(ApiPaths.caseIssuances(open), issuance("e1", open, terminal,
                "HALL-1"));
        assertThat(early.statusCode()).isEqualTo(409);
        assertThat(TestTerminal.error(early).code()).isEqualTo(ErrorCodes.ILLEGAL_TRANSITION);
        assertThat(TestTerminal.error(early).message()).contains("SUBMITTED", "COMPLETED");
        assertThat(TestTerminal.error(early).retryable()).isFalse();

        HttpResponse<String> unknown = terminal.post(ApiPaths.caseIssuances("GK-NONE"), issuance("e2", "GK-NONE",
                terminal, "HALL-1"));
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(TestTerminal.error(unknown).code()).isEqualTo(ErrorCodes.NOT_FOUND);

        String n = finishedCase("c2", true);
        HttpResponse<String> otherPath = terminal.post(ApiPaths.caseIssuances(open), issuance("e3", n, terminal,
                "HALL-1"));
        assertThat(otherPath.statusCode()).isEqualTo(400);
        assertThat(TestTerminal.error(otherPath).message()).contains("caseNumber");

        HttpResponse<String> window = terminal.post(ApiPaths.caseIssuances(n), new CertificateIssuance("e4", n,
                "T-001", "HALL-1", IssuanceChannel.WINDOW, SHA, clock.instant()));
        assertThat(window.statusCode()).isEqualTo(400);
        assertThat(TestTerminal.error(window).message()).contains("channel");

        String badDigest = "{\"idempotencyKey\":\"e5\",\"caseNumber\":\"" + n + "\",\"terminalId\":\"T-001\","
                + "\"hallCode\":\"HALL-1\",\"channel\":\"SELF_SERVICE_TERMINAL\",\"certificateSha256\":\"xyz\","
                + "\"issuedAt\":\"2025-03-03T02:00:00Z\"}";
        HttpResponse<String> bad = terminal.send("POST", ApiPaths.caseIssuances(n),
                badDigest.getBytes(StandardCharsets.UTF_8));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(TestTerminal.error(bad).code()).isEqualTo(ErrorCodes.INVALID_FIELD);
        assertThat(TestTerminal.error(bad).message()).contains("certificateSha256");
        assertThat(terminal.unsigned("POST", ApiPaths.caseIssuances(n), badDigest.getBytes(StandardCharsets.UTF_8))
                .statusCode()).isEqualTo(401);

        // Another terminal may not speak for T-001; a terminal of another hall may not issue HALL-1's case.
        TestTerminal other = new TestTerminal(server.baseUri(), "T-OTHER", clock).registered(ENROLMENT);
        HttpResponse<String> impostor = other.post(ApiPaths.caseIssuances(n), issuance("e6", n, terminal, "HALL-1"));
        assertThat(impostor.statusCode()).isEqualTo(403);
        assertThat(TestTerminal.error(impostor).code()).isEqualTo(ErrorCodes.TERMINAL_MISMATCH);
        HttpResponse<String> wrongHall = terminal.post(ApiPaths.caseIssuances(n), issuance("e7", n, terminal,
                "HALL-9"));
        assertThat(wrongHall.statusCode()).isEqualTo(403);
        assertThat(TestTerminal.error(wrongHall).code()).isEqualTo(ErrorCodes.OTHER_HALL);

        String uncertified = finishedCase("c3", false);
        HttpResponse<String> noCertificate = terminal.post(ApiPaths.caseIssuances(uncertified),
                issuance("e8", uncertified, terminal, "HALL-1"));
        assertThat(noCertificate.statusCode()).isEqualTo(409);
        assertThat(TestTerminal.error(noCertificate).code()).isEqualTo(ErrorCodes.CERTIFICATE_NOT_AVAILABLE);

        // Nothing refused left a trace.
        assertThat(view(n).state()).isEqualTo(CaseState.COMPLETED);
        assertThat(view(n).history()).hasSize(4);
        assertThat(view(uncertified).state()).isEqualTo(CaseState.COMPLETED);
    }

    @Test
    void twoTerminalsReportingAtOnceMoveTheCaseOnce() throws Exception {
        String n = finishedCase("c4", true);
        TestTerminal second = new TestTerminal(server.baseUri(), "T-002", clock).registered(ENROLMENT);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (TestTerminal t : List.of(terminal, second)) {
                CertificateIssuance mine = issuance("at-once", n, t, "HALL-1");
                answers.add(pool.submit(() -> {
                    go.await();
                    return t.post(ApiPaths.caseIssuances(n), mine);
                }));
            }
            go.countDown();
            List<IssuanceReceipt> receipts = new ArrayList<>();
            for (Future<HttpResponse<String>> a : answers) {
                HttpResponse<String> r = a.get();
                assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
                receipts.add(TestTerminal.read(r, IssuanceReceipt.class));
            }
            assertThat(receipts).extracting(IssuanceReceipt::reprint).containsExactlyInAnyOrder(false, true);
        } finally {
            pool.shutdownNow();
        }
        assertThat(view(n).history()).extracting(CaseEvent::state).containsExactly(CaseState.SUBMITTED,
                CaseState.ACCEPTED, CaseState.IN_REVIEW, CaseState.COMPLETED, CaseState.CERTIFICATE_ISSUED,
                CaseState.CERTIFICATE_ISSUED);
    }
}
