package org.govkiosk.platform.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.govkiosk.api.ApiPaths;
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
import org.govkiosk.platform.RunningPlatform;
import org.govkiosk.platform.TestTerminal;
import org.govkiosk.platform.cases.ResultDocuments;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 补正 and 即办件 over real HTTP: filing at intake, supplements, the result of a case decided at once. */
class SupplementHttpTest extends RunningPlatform {

    @TempDir
    Path tmp;

    private static CaseSubmission submission(String key, CaseKind kind, Material... materials) {
        CaseSubmission b = Fixtures.submission("T-001", key, kind, "本地");
        return new CaseSubmission(b.idempotencyKey(), b.localCaseId(), b.terminalId(), b.itemCode(), b.itemName(),
                kind, b.applicant(), b.formData(), List.of(materials), b.submittedAt());
    }

    private static Material missing(String code, String name) {
        return new Material(code, name, Material.Status.MISSING, null, null);
    }

    private static Material provided(String code, String name) {
        return new Material(code, name, Material.Status.PROVIDED, Material.Source.PAPER, null);
    }

    private CaseReceipt file(CaseSubmission s) throws Exception {
        HttpResponse<String> r = terminal.post(ApiPaths.CASES, s);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return TestTerminal.read(r, CaseReceipt.class);
    }

    private HttpResponse<String> handIn(String key, String caseNumber, String idNumber, Material... materials)
            throws Exception {
        return terminal.post(ApiPaths.caseSupplements(caseNumber), new SupplementSubmission(key, caseNumber,
                "T-001", IdType.RESIDENT_ID, idNumber, List.of(materials), clock.instant()));
    }

    @Test
    void aCaseMissingMaterialsWaitsForThemAndIsAcceptedOnceTheApplicantBroughtThem() throws Exception {
        CaseReceipt receipt = file(submission("c1", CaseKind.PROMISED, provided("M01", "身份证"),
                missing("M02", "户口簿")));
        assertThat(receipt.state()).isEqualTo(CaseState.NEEDS_SUPPLEMENT);
        String n = receipt.caseNumber();
        CaseView waiting = TestTerminal.read(terminal.get(ApiPaths.caseByNumber(n)), CaseView.class);
        assertThat(waiting.note()).isEqualTo("请补正以下材料：1. 户口簿。");
        assertThat(waiting.missingMaterials()).extracting(Material::name).containsExactly("户口簿");

        HttpResponse<String> stranger = handIn("h0", n, "110101199003074514", provided("M02", "户口簿"));
        assertThat(stranger.statusCode()).isEqualTo(409);
        assertThat(TestTerminal.error(stranger).code()).isEqualTo(ErrorCodes.NOT_THE_APPLICANT);

        HttpResponse<String> first = handIn("h1", n, Fixtures.ID_NUMBER, provided("M02", "户口簿"));
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        SupplementReceipt done = TestTerminal.read(first, SupplementReceipt.class);
        assertThat(done.state()).isEqualTo(CaseState.ACCEPTED);
        assertThat(done.stillMissing()).isEmpty();

        HttpResponse<String> resend = handIn("h1", n, Fixtures.ID_NUMBER, provided("M02", "户口簿"));
        assertThat(resend.statusCode()).isEqualTo(200);
        assertThat(TestTerminal.read(resend, SupplementReceipt.class).duplicate()).isTrue();

        HttpResponse<String> late = handIn("h2", n, Fixtures.ID_NUMBER, provided("M02", "户口簿"));
        assertThat(late.statusCode()).isEqualTo(409);
        assertThat(TestTerminal.error(late).code()).isEqualTo(ErrorCodes.NOT_AWAITING_SUPPLEMENT);
        assertThat(TestTerminal.read(terminal.get(ApiPaths.caseByNumber(n)), CaseView.class).state())
                .isEqualTo(CaseState.ACCEPTED);
    }

    @Test
    void badSupplementsAreRefusedWithAClearError() throws Exception {
        String n = file(submission("c2", CaseKind.PROMISED, missing("M01", "户口簿"))).caseNumber();
        HttpResponse<String> otherPath = terminal.post(ApiPaths.caseSupplements("GK-OTHER"),
                new SupplementSubmission("b1", n, "T-001", IdType.RESIDENT_ID, Fixtures.ID_NUMBER,
                        List.of(provided("M01", "户口簿")), clock.instant()));
        assertThat(otherPath.statusCode()).isEqualTo(400);
        assertThat(TestTerminal.error(otherPath).message()).contains("caseNumber");

        String notProvided = "{\"idempotencyKey\":\"b2\",\"caseNumber\":\"" + n + "\",\"terminalId\":\"T-001\","
                + "\"idType\":\"RESIDENT_ID\",\"idNumber\":\"" + Fixtures.ID_NUMBER + "\",\"materials\":[{\"code\":"
                + "\"M01\",\"name\":\"户口簿\",\"status\":\"MISSING\"}],\"submittedAt\":\"2025-03-03T02:00:00Z\"}";
        HttpResponse<String> stillMissing = terminal.send("POST", ApiPaths.caseSupplements(n),
                notProvided.getBytes(StandardCharsets.UTF_8));
        assertThat(stillMissing.statusCode()).isEqualTo(400);
        assertThat(TestTerminal.error(stillMissing).message()).contains("PROVIDED");

        HttpResponse<String> unsigned = terminal.unsigned("POST", ApiPaths.caseSupplements(n),
                notProvided.getBytes(StandardCharsets.UTF_8));
        assertThat(unsigned.statusCode()).isEqualTo(401);
        HttpResponse<String> noCase = handIn("b3", "GK-NONE", Fixtures.ID_NUMBER, provided("M01", "户口簿"));
        assertThat(noCase.statusCode()).isEqualTo(404);
        assertThat(TestTerminal.read(terminal.get(ApiPaths.caseByNumber(n)), CaseView.class).history()).hasSize(2);
    }

    @Test
    void aCompleteImmediateCaseIsDecidedAtOnceAndItsResultCanBePrinted() throws Exception {
        CaseReceipt receipt = file(submission("c3", CaseKind.IMMEDIATE, provided("M01", "身份证")));
        assertThat(receipt.state()).isEqualTo(CaseState.COMPLETED);
        CaseView v = TestTerminal.read(terminal.get(ApiPaths.caseByNumber(receipt.caseNumber())), CaseView.class);
        assertThat(v.certificateAvailable()).isTrue();
        assertThat(v.history()).extracting(e -> e.state()).containsExactly(CaseState.SUBMITTED, CaseState.ACCEPTED,
                CaseState.IN_REVIEW, CaseState.COMPLETED);
        HttpResponse<byte[]> pdf = terminal.postBytes(ApiPaths.caseCertificate(receipt.caseNumber()),
                new org.govkiosk.api.HolderIdentity(org.govkiosk.api.IdType.RESIDENT_ID, Fixtures.ID_NUMBER));
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                .startsWith("application/pdf"));
        // The signed certificate's table: label and value in cells of their own.
        assertThat(ResultDocuments.text(pdf.body())).contains("办结证明", "办件编号" + receipt.caseNumber(),
                "申请人张三丰", "证件号码110***********002X").doesNotContain(Fixtures.ID_NUMBER);
        assertThat(ResultDocuments.fonts(pdf.body())).isNotEmpty()
                .allSatisfy(f -> assertThat(f.embedded() && f.subset()).as(f.name()).isTrue());
        String text = pdfToText(pdf.body());
        assertThat(text).contains("办结证明").contains(receipt.caseNumber()).contains("张三丰")
                .contains("110***********002X").doesNotContain(Fixtures.ID_NUMBER);
    }

    /** The page read back by poppler, as a printer driver would; skipped where poppler-utils is missing. */
    private String pdfToText(byte[] pdf) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/pdftotext")), "skipped: poppler-utils (pdftotext) missing");
        Path file = tmp.resolve("result.pdf");
        Files.write(file, pdf);
        Process p = new ProcessBuilder("/usr/bin/pdftotext", "-enc", "UTF-8", file.toString(), "-")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return out.replaceAll("\\s+", "");
    }
}
