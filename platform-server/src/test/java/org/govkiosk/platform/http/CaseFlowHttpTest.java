package org.govkiosk.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.govkiosk.api.ApiPaths;
import org.govkiosk.api.ApplicantKeys;
import org.govkiosk.api.CaseKind;
import org.govkiosk.api.CaseList;
import org.govkiosk.api.CaseReceipt;
import org.govkiosk.api.CaseSearch;
import org.govkiosk.api.CaseState;
import org.govkiosk.api.CaseView;
import org.govkiosk.api.ErrorCodes;
import org.govkiosk.api.HolderIdentity;
import org.govkiosk.api.IdType;
import org.govkiosk.api.NonAcceptance;
import org.govkiosk.platform.Fixtures;
import org.govkiosk.platform.RunningPlatform;
import org.govkiosk.platform.TestTerminal;
import org.junit.jupiter.api.Test;

/** A case from submission to certificate, over real HTTP. */
class CaseFlowHttpTest extends RunningPlatform {

    private CaseReceipt submit(String key) throws Exception {
        HttpResponse<String> r = terminal.post(ApiPaths.CASES, Fixtures.submission("T-001", key));
        assertThat(r.statusCode()).as(r.body()).isIn(200, 201);
        return TestTerminal.read(r, CaseReceipt.class);
    }

    private HttpResponse<String> move(String number, CaseState to, String note) throws Exception {
        String json = "{\"to\":\"" + to + "\"" + (note == null ? "" : ",\"note\":\"" + note + "\"") + "}";
        return clerk("POST", ApiPaths.clerkCaseTransitions(number), json);
    }

    @Test
    void submitGivesACaseNumberAndAPromisedDate() throws Exception {
        HttpResponse<String> r = terminal.post(ApiPaths.CASES, Fixtures.submission("T-001", "k1"));
        assertThat(r.statusCode()).isEqualTo(201);
        CaseReceipt receipt = TestTerminal.read(r, CaseReceipt.class);
        assertThat(receipt.caseNumber()).matches("GK20250303[0-9]{12}");
        assertThat(receipt.state()).isEqualTo(CaseState.SUBMITTED);
        assertThat(receipt.localCaseId()).isEqualTo("local-k1");
        // Monday 3 March 2025 + 5 working days.
        assertThat(receipt.promisedDate()).isEqualTo(LocalDate.of(2025, 3, 10));
        HttpResponse<String> immediate = terminal.post(ApiPaths.CASES,
                Fixtures.submission("T-001", "k2", CaseKind.IMMEDIATE, "本地"));
        assertThat(TestTerminal.read(immediate, CaseReceipt.class).promisedDate()).isEqualTo(LocalDate.of(2025, 3, 3));
    }

    @Test
    void resendReturnsTheFirstReceiptAndAChangedBodyIsAConflict() throws Exception {
        CaseReceipt first = submit("k1");
        HttpResponse<String> again = terminal.post(ApiPaths.CASES, Fixtures.submission("T-001", "k1"));
        assertThat(again.statusCode()).isEqualTo(200);
        CaseReceipt second = TestTerminal.read(again, CaseReceipt.class);
        assertThat(second.caseNumber()).isEqualTo(first.caseNumber());
        assertThat(second.duplicate()).isTrue();
        HttpResponse<String> changed = terminal.post(ApiPaths.CASES,
                Fixtures.submission("T-001", "k1", CaseKind.PROMISED, "外地"));
        assertThat(changed.statusCode()).isEqualTo(409);
        assertThat(TestTerminal.error(changed).code()).isEqualTo(ErrorCodes.IDEMPOTENCY_CONFLICT);
        assertThat(TestTerminal.error(changed).retryable()).isFalse();
    }

    @Test
    void fieldOrderOfTheResendDoesNotMatter() throws Exception {
        CaseReceipt first = submit("k1");
        String json = TestTerminal.JSON.writeValueAsString(Fixtures.submission("T-001", "k1"));
        // The same case with formData keys in the other order, as another JVM may write them.
        String swapped = json.replace("\"bank\":\"工商银行\",\"household\":\"本地\"",
                "\"household\":\"本地\",\"bank\":\"工商银行\"");
        assertThat(swapped).isNotEqualTo(json);
        HttpResponse<String> r = terminal.send("POST", ApiPaths.CASES, swapped.getBytes(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(TestTerminal.read(r, CaseReceipt.class).caseNumber()).isEqualTo(first.caseNumber());
    }

    @Test
    void twentyConcurrentSubmissionsWithOneKeyMakeOneCase() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(20);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<HttpResponse<String>>> futures = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                futures.add(pool.submit(() -> {
                    go.await();
                    return terminal.post(ApiPaths.CASES, Fixtures.submission("T-001", "same-key"));
                }));
            }
            go.countDown();
            List<CaseReceipt> receipts = new ArrayList<>();
            for (Future<HttpResponse<String>> f : futures) {
                HttpResponse<String> r = f.get();
                assertThat(r.statusCode()).as(r.body()).isIn(200, 201);
                receipts.add(TestTerminal.read(r, CaseReceipt.class));
            }
            assertThat(receipts).extracting(CaseReceipt::caseNumber).containsOnly(receipts.get(0).caseNumber());
            assertThat(receipts).filteredOn(r -> !r.duplicate()).hasSize(1);
            CaseList all = TestTerminal.read(clerk("GET", ApiPaths.CLERK_CASES, null), CaseList.class);
            assertThat(all.cases()).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void caseIsFoundByNumberAndByApplicantWithoutShowingPersonalData() throws Exception {
        CaseReceipt receipt = submit("k1");
        submit("k2");
        HttpResponse<String> one = terminal.get(ApiPaths.caseByNumber(receipt.caseNumber()));
        assertThat(one.statusCode()).isEqualTo(200);
        assertThat(one.body()).doesNotContain(Fixtures.ID_NUMBER).doesNotContain("张三丰").contains("张**");
        assertThat(TestTerminal.read(one, CaseView.class).history()).hasSize(1);
        CaseList mine = TestTerminal.read(terminal.post(ApiPaths.CASE_SEARCH,
                new CaseSearch(IdType.RESIDENT_ID, Fixtures.ID_NUMBER)), CaseList.class);
        assertThat(mine.cases()).hasSize(2);
        HttpResponse<String> missing = terminal.get(ApiPaths.caseByNumber("GK00000000000000000000"));
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(TestTerminal.error(missing).code()).isEqualTo(ErrorCodes.NOT_FOUND);
    }

    @Test
    void aRefusalCarriesItsLegalBasisAndWhereToAppealForTheNotice() throws Exception {
        String n = submit("k1").caseNumber();
        String wrong = "{\"to\":\"ACCEPTED\",\"refusal\":{\"department\":\"示例市市场监督管理局\","
                + "\"legalBasis\":\"《中华人民共和国行政许可法》第三十二条\",\"reviewAuthority\":\"示例市人民政府\","
                + "\"court\":\"示例市西湖区人民法院\"}}";
        assertThat(clerk("POST", ApiPaths.clerkCaseTransitions(n), wrong).statusCode()).isEqualTo(400);
        String refuse = wrong.replace("\"ACCEPTED\"", "\"NOT_ACCEPTED\",\"note\":\"所申请事项依法不属于本机关职权范围\"");
        HttpResponse<String> refused = clerk("POST", ApiPaths.clerkCaseTransitions(n), refuse);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(200);

        CaseView seen = TestTerminal.read(terminal.get(ApiPaths.caseByNumber(n)), CaseView.class);
        assertThat(seen.state()).isEqualTo(CaseState.NOT_ACCEPTED);
        assertThat(seen.note()).isEqualTo("所申请事项依法不属于本机关职权范围");
        assertThat(seen.refusal()).isEqualTo(new NonAcceptance("示例市市场监督管理局", "《中华人民共和国行政许可法》第三十二条",
                "示例市人民政府", "示例市西湖区人民法院", null));
        // A refusal without one (as before) still shows its reason; its refusal is null.
        String other = submit("k2").caseNumber();
        assertThat(move(other, CaseState.NOT_ACCEPTED, "材料不全且逾期未补正").statusCode()).isEqualTo(200);
        assertThat(TestTerminal.read(terminal.get(ApiPaths.caseByNumber(other)), CaseView.class).refusal()).isNull();
    }

    @Test
    void clerkMovesTheCaseToItsCertificate() throws Exception {
        String n = submit("k1").caseNumber();
        HttpResponse<String> illegal = move(n, CaseState.COMPLETED, null);
        assertThat(illegal.statusCode()).isEqualTo(409);
        assertThat(TestTerminal.error(illegal).code()).isEqualTo(ErrorCodes.ILLEGAL_TRANSITION);
        assertThat(move(n, CaseState.NOT_ACCEPTED, null).statusCode()).isEqualTo(400); // reason required
        assertThat(move(n, CaseState.NEEDS_SUPPLEMENT, "请补交户口簿原件").statusCode()).isEqualTo(200);
        CaseView supplement = TestTerminal.read(terminal.get(ApiPaths.caseByNumber(n)), CaseView.class);
        assertThat(supplement.state()).isEqualTo(CaseState.NEEDS_SUPPLEMENT);
        assertThat(supplement.note()).isEqualTo("请补交户口簿原件");
        for (CaseState s : List.of(CaseState.ACCEPTED, CaseState.IN_REVIEW, CaseState.COMPLETED)) {
            assertThat(move(n, s, null).statusCode()).isEqualTo(200);
        }
        HttpResponse<byte[]> none = terminal.postBytes(ApiPaths.caseCertificate(n), new org.govkiosk.api.HolderIdentity(org.govkiosk.api.IdType.RESIDENT_ID, Fixtures.ID_NUMBER));
        assertThat(none.statusCode()).isEqualTo(404);
        assertThat(new String(none.body(), StandardCharsets.UTF_8)).contains(ErrorCodes.CERTIFICATE_NOT_AVAILABLE);
        assertThat(move(n, CaseState.CERTIFICATE_ISSUED, null).statusCode()).isEqualTo(409);

        byte[] pdf = "%PDF-1.7\n% 证明 \n%%EOF\n".getBytes(StandardCharsets.UTF_8);
        assertThat(putPdf(n, pdf, "application/pdf").statusCode()).isEqualTo(204);
        HttpResponse<byte[]> fetched = terminal.postBytes(ApiPaths.caseCertificate(n), new org.govkiosk.api.HolderIdentity(org.govkiosk.api.IdType.RESIDENT_ID, Fixtures.ID_NUMBER));
        assertThat(fetched.statusCode()).isEqualTo(200);
        assertThat(fetched.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/pdf"));
        assertThat(fetched.body()).isEqualTo(pdf);
        // 自助出证: the PDF for the case's applicant only, compared on the platform; nothing of the holder comes back.
        HttpResponse<String> holder = terminal.post(ApiPaths.caseCertificate(n),
                new HolderIdentity(IdType.RESIDENT_ID, Fixtures.ID_NUMBER.toLowerCase(java.util.Locale.ROOT)));
        assertThat(holder.statusCode()).as(holder.body()).isEqualTo(200);
        assertThat(holder.body().getBytes(StandardCharsets.UTF_8)).isEqualTo(pdf);
        HttpResponse<String> other = terminal.post(ApiPaths.caseCertificate(n),
                new HolderIdentity(IdType.RESIDENT_ID, "110101199003074514"));
        assertThat(other.statusCode()).isEqualTo(403);
        assertThat(TestTerminal.error(other).code()).isEqualTo(ErrorCodes.NOT_THE_APPLICANT);
        assertThat(other.body()).doesNotContain(Fixtures.ID_NUMBER)
                .doesNotContain(ApplicantKeys.of(IdType.RESIDENT_ID, Fixtures.ID_NUMBER));
        assertThat(terminal.getBytes(ApiPaths.caseCertificate(n)).statusCode())
                .as("a case number alone (a receipt) gets nobody the certificate").isNotEqualTo(200);
        assertThat(terminal.post(ApiPaths.caseCertificate("GK00000000000000000000"),
                new HolderIdentity(IdType.RESIDENT_ID, Fixtures.ID_NUMBER)).statusCode()).isEqualTo(404);
        assertThat(TestTerminal.read(terminal.get(ApiPaths.caseByNumber(n)), CaseView.class).certificateAvailable())
                .isTrue();
        HttpResponse<String> issued = move(n, CaseState.CERTIFICATE_ISSUED, null);
        assertThat(TestTerminal.read(issued, CaseView.class).history()).extracting(e -> e.state()).containsExactly(
                CaseState.SUBMITTED, CaseState.NEEDS_SUPPLEMENT, CaseState.ACCEPTED, CaseState.IN_REVIEW,
                CaseState.COMPLETED, CaseState.CERTIFICATE_ISSUED);
        CaseList issuedList = TestTerminal.read(clerk("GET", ApiPaths.CLERK_CASES + "?state=CERTIFICATE_ISSUED", null),
                CaseList.class);
        assertThat(issuedList.cases()).extracting(CaseView::caseNumber).containsExactly(n);
    }

    @Test
    void certificateUploadMustBeAPdfOfACompletedCase() throws Exception {
        String n = submit("k1").caseNumber();
        byte[] pdf = "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.UTF_8);
        assertThat(putPdf(n, pdf, "application/pdf").statusCode()).isEqualTo(409);
        assertThat(putPdf(n, "hello".getBytes(StandardCharsets.UTF_8), "application/pdf").statusCode()).isEqualTo(400);
        assertThat(putPdf(n, pdf, "text/plain").statusCode()).isEqualTo(415);
        assertThat(putPdf("GK-none", pdf, "application/pdf").statusCode()).isEqualTo(404);
    }

    @Test
    void clerkEndpointsNeedTheClerkToken() throws Exception {
        HttpResponse<String> r = plain("GET", ApiPaths.CLERK_CASES);
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(TestTerminal.error(r).code()).isEqualTo(ErrorCodes.CLERK_AUTH_REQUIRED);
        HttpResponse<String> wrong = http.send(HttpRequest.newBuilder(URI.create(server.baseUri()
                + ApiPaths.CLERK_TERMINALS)).header("Authorization", "Bearer " + ENROLMENT).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(wrong.statusCode()).isEqualTo(401);
    }

    private HttpResponse<String> putPdf(String number, byte[] pdf, String type) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.baseUri() + ApiPaths.clerkCaseCertificate(number)))
                .header("Authorization", "Bearer " + CLERK).header("Content-Type", type)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(pdf)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
