package org.govkiosk.platform.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.govkiosk.api.ApiPaths;
import org.govkiosk.api.CaseKind;
import org.govkiosk.api.CaseReceipt;
import org.govkiosk.api.CaseState;
import org.govkiosk.platform.Fixtures;
import org.govkiosk.platform.RunningPlatform;
import org.govkiosk.platform.TestTerminal;
import org.junit.jupiter.api.Test;

/**
 * 培训模式 on the platform: a case a terminal files in training mode is kept apart from the real ones. It is not in
 * the clerks' work list unless asked for, tells the citizen nothing by SMS, gets no rating link, and its result
 * paper is an unsigned specimen marked across the page, while a real case beside it is all of that as before.
 */
class TrainingCasesHttpTest extends RunningPlatform {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aPracticeCaseStaysOutOfTheWorkListAndIsListedOnlyWhenAskedFor() throws Exception {
        String real = file(Fixtures.submission(terminal.id, "real-1")).caseNumber();
        String practice = file(Fixtures.submission(terminal.id, "train-1").withTraining(true)).caseNumber();

        assertThat(numbers(list(""))).contains(real).doesNotContain(practice);
        assertThat(numbers(list("?state=SUBMITTED"))).contains(real).doesNotContain(practice);
        assertThat(numbers(list("?training=true"))).containsExactly(practice);
        assertThat(numbers(list("?training=false"))).contains(real).doesNotContain(practice);
        HttpResponse<String> bad = clerk("GET", ApiPaths.CLERK_CASES + "?training=yes");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("training must be true or false");

        // The same key and body again is the same practice case, and the mark is part of what was signed.
        assertThat(file(Fixtures.submission(terminal.id, "train-1").withTraining(true)).caseNumber())
                .isEqualTo(practice);
        assertThat(terminal.post(ApiPaths.CASES, Fixtures.submission(terminal.id, "train-1")).statusCode())
                .as("the same key without the mark is another body").isEqualTo(409);
    }

    @Test
    void aPracticeCaseSendsNoSmsAndGetsNoRatingLink() throws Exception {
        CaseReceipt real = file(Fixtures.submission(terminal.id, "real-2"));
        CaseReceipt practice = file(Fixtures.submission(terminal.id, "train-2").withTraining(true));
        assertThat(real.ratingUrl()).as("a real case's receipt carries its rating link").isNotBlank();
        assertThat(practice.ratingUrl()).isNull();

        move(practice.caseNumber(), "ACCEPTED");
        assertThat(server.runCaseNotices().queued()).as("no SMS for a practice case").isZero();
        move(real.caseNumber(), "ACCEPTED");
        assertThat(server.runCaseNotices().queued()).as("one for the real case").isEqualTo(1);
    }

    @Test
    void aPracticeResultIsAnUnsignedSpecimenMarkedAcrossThePage() throws Exception {
        String real = SignedCertificateHttpTest.completedCase(terminal, "real-3");
        CaseReceipt practice = file(Fixtures.submission(terminal.id, "train-3", CaseKind.IMMEDIATE, "本地")
                .withTraining(true));
        assertThat(practice.state()).isEqualTo(CaseState.COMPLETED);

        byte[] realPdf = SignedCertificateHttpTest.certificatePdf(terminal, real);
        byte[] practicePdf = SignedCertificateHttpTest.certificatePdf(terminal, practice.caseNumber());
        assertThat(SignedCertificateHttpTest.qrOf(realPdf)).contains("/verify?p=");
        assertThatThrownBy(() -> SignedCertificateHttpTest.qrOf(practicePdf))
                .as("no verification code: a specimen must not verify as a real paper").isInstanceOf(AssertionError.class);
        assertThat(greyAlongTheDiagonal(practicePdf)).isGreaterThan(greyAlongTheDiagonal(realPdf) + 200);
    }

    private CaseReceipt file(org.govkiosk.api.CaseSubmission s) throws Exception {
        HttpResponse<String> r = terminal.post(ApiPaths.CASES, s);
        assertThat(r.statusCode()).as(r.body()).isIn(200, 201);
        return TestTerminal.read(r, CaseReceipt.class);
    }

    private void move(String n, String to) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(server.baseUri()
                + ApiPaths.clerkCaseTransitions(n))).header("Authorization", "Bearer " + CLERK)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"to\":\"" + to + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    private JsonNode list(String query) throws Exception {
        HttpResponse<String> r = clerk("GET", ApiPaths.CLERK_CASES + query);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    private HttpResponse<String> clerk(String method, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.baseUri() + path))
                .header("Authorization", "Bearer " + CLERK).method(method, HttpRequest.BodyPublishers.noBody())
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static List<String> numbers(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.path("cases").forEach(c -> out.add(c.path("caseNumber").asText()));
        return out;
    }

    /** The mark's ink on the first page at 50 dpi. */
    private static int greyAlongTheDiagonal(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return org.govkiosk.testkit.SpecimenInk.alongTheDiagonal(
                    new PDFRenderer(doc).renderImageWithDPI(0, 50, ImageType.RGB));
        }
    }
}
