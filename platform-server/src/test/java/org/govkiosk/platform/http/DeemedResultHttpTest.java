package org.govkiosk.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.govkiosk.api.ApiPaths;
import org.govkiosk.api.CaseKind;
import org.govkiosk.api.CaseReceipt;
import org.govkiosk.api.CaseState;
import org.govkiosk.api.CaseSubmission;
import org.govkiosk.api.CaseView;
import org.govkiosk.api.SignatureAlgorithm;
import org.govkiosk.platform.Fixtures;
import org.govkiosk.platform.RunningPlatform;
import org.govkiosk.platform.TestTerminal;
import org.govkiosk.platform.config.PlatformConfig;
import org.govkiosk.print.verify.CertificateVerifier;
import org.govkiosk.print.verify.VerificationResult;
import org.junit.jupiter.api.Test;

/**
 * 承诺超时默认 issues its result: a case granted by default gets the signed 办结证明 stating that it was granted by
 * default, on which day and under the item's rule; the terminal fetches it for the holder like any result (自助出证),
 * poppler's pdftotext reads it back and its QR code carries a code the issuing body signed.
 */
class DeemedResultHttpTest extends RunningPlatform {

    /** 不动产抵押权注销登记: promised-days 1, deemed-approval: true in the shipped catalog. */
    private static final String DEEMED_ITEM = "11449900MB2F4000044442115002000";

    @Override
    protected PlatformConfig config() {
        return super.config().withDeadlines(PlatformConfig.Deadlines.beside(Path.of("../config")));
    }

    @Test
    void aCaseGrantedByDefaultHasASignedResultSayingSoThatTheTerminalPrints() throws Exception {
        clock.set(Instant.parse("2025-09-30T02:00:00Z")); // promised for Thursday 9 October, after the holiday
        CaseSubmission s = Fixtures.submission(terminal.id, "deemed-1");
        HttpResponse<String> r = terminal.post(ApiPaths.CASES, new CaseSubmission(s.idempotencyKey(),
                s.localCaseId(), s.terminalId(), DEEMED_ITEM, "不动产抵押权注销登记", CaseKind.PROMISED, s.applicant(),
                s.formData(), s.materials(), clock.instant()));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        String n = TestTerminal.read(r, CaseReceipt.class).caseNumber();
        assertThat(clerk("POST", ApiPaths.clerkCaseTransitions(n), "{\"to\":\"ACCEPTED\"}").statusCode())
                .isEqualTo(200);
        assertThat(terminal.postBytes(ApiPaths.caseCertificate(n), new org.govkiosk.api.HolderIdentity(
                org.govkiosk.api.IdType.RESIDENT_ID, Fixtures.ID_NUMBER)).statusCode()).isEqualTo(404);

        clock.set(Instant.parse("2025-10-10T01:00:00Z")); // Friday 10 October, 09:00 in Beijing
        assertThat(server.runDeadlineJobs()).containsExactly(n);
        CaseView v = TestTerminal.read(terminal.get(ApiPaths.caseByNumber(n)), CaseView.class);
        assertThat(v.state()).isEqualTo(CaseState.COMPLETED);
        assertThat(v.certificateAvailable()).as("printable at 办件查询").isTrue();

        byte[] pdf = SignedCertificateHttpTest.certificatePdf(terminal, n);
        String text = pdftotext(pdf);
        assertThat(text).contains("办结证明", "JB" + n, "不动产抵押权注销登记", "承诺超时默认", "2025年10月9日", "届满未作出决定",
                "承诺超时默认规则", "2025年10月10日视为准予", "110***********002X", "扫描二维码核验本证明真伪")
                .doesNotContain(Fixtures.ID_NUMBER, "null");

        String qr = SignedCertificateHttpTest.qrOf(pdf);
        assertThat(qr).startsWith(server.baseUrl() + "/verify?p=GKC1%7CJB" + n + "%7C" + n + "%7C");
        java.security.PublicKey key = server.certificateBodies().byId("platform").orElseThrow().publicKey();
        VerificationResult result = CertificateVerifier.withChecks(Map.of("platform",
                (body, sig) -> SignatureAlgorithm.ED25519.holdsDetached(key, body, sig))).verify(qr);
        assertThat(result).isInstanceOf(VerificationResult.Valid.class);
        VerificationResult.Valid valid = (VerificationResult.Valid) result;
        assertThat(valid.payload().caseNumber()).isEqualTo(n);
        assertThat(valid.payload().itemCode()).isEqualTo(DEEMED_ITEM);
        assertThat(valid.payload().completedOn()).isEqualTo(LocalDate.of(2025, 10, 10));

        server.runCaseNotices();
        assertThat(server.ratings().sms().rows()).extracting(row -> row.dedupeKey())
                .contains("case-notice:" + n + ":RESULT_READY");
    }

    /** The PDF's text as poppler's pdftotext reads it (what a person's PDF reader shows). */
    static String pdftotext(byte[] pdf) throws Exception {
        Path in = Files.createTempFile("deemed-result-", ".pdf");
        Path out = Files.createTempFile("deemed-result-", ".txt");
        try {
            Files.write(in, pdf);
            Process p = new ProcessBuilder("pdftotext", "-enc", "UTF-8", in.toString(), out.toString())
                    .redirectErrorStream(true).start();
            String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(said).isZero();
            return Files.readString(out).replaceAll("\\s+", "");
        } finally {
            Files.deleteIfExists(in);
            Files.deleteIfExists(out);
        }
    }
}
