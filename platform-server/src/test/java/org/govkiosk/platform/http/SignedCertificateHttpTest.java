package org.govkiosk.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.govkiosk.api.ApiPaths;
import org.govkiosk.api.CaseKind;
import org.govkiosk.api.CaseReceipt;
import org.govkiosk.api.CaseState;
import org.govkiosk.api.SignatureAlgorithm;
import org.govkiosk.platform.Fixtures;
import org.govkiosk.platform.config.PlatformConfig;
import org.govkiosk.platform.RunningPlatform;
import org.govkiosk.platform.TestTerminal;
import org.govkiosk.platform.browser.HeadlessChromium;
import org.govkiosk.print.verify.CertificateVerifier;
import org.govkiosk.print.verify.VerificationResult;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The 办结证明 a platform issues for a 即办件 decided at once: made from the completion-certificate template, its QR
 * code (read back from the PDF rendered at 200 dpi) opens this platform's verification page with a code signed by
 * the issuing body's key, and the terminal fetches the same bytes with the same sha256 as before.
 */
class SignedCertificateHttpTest extends RunningPlatform {

    /** Files a complete 即办件 and returns its case number (the platform completes it at once). */
    static String completedCase(TestTerminal terminal, String key) throws Exception {
        HttpResponse<String> r = terminal.post(ApiPaths.CASES,
                Fixtures.submission(terminal.id, key, CaseKind.IMMEDIATE, "本地"));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        CaseReceipt receipt = TestTerminal.read(r, CaseReceipt.class);
        assertThat(receipt.state()).isEqualTo(CaseState.COMPLETED);
        return receipt.caseNumber();
    }

    static byte[] certificatePdf(TestTerminal terminal, String caseNumber) throws Exception {
        HttpResponse<byte[]> pdf = terminal.postBytes(ApiPaths.caseCertificate(caseNumber), new org.govkiosk.api.HolderIdentity(org.govkiosk.api.IdType.RESIDENT_ID, Fixtures.ID_NUMBER));
        assertThat(pdf.statusCode()).isEqualTo(200);
        return pdf.body();
    }

    /**
     * The QR code's text, read from the first page rendered at 200 dpi and, should ZXing misread the small modules
     * of a dense code (an SM2 signature makes it denser) on a whole page, at 300, 400 and 600 dpi (a printer prints
     * at 600), each with both of ZXing's binarizers.
     */
    static String qrOf(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFRenderer renderer = new PDFRenderer(doc);
            if (System.getProperty("govkiosk.certificate.png") != null) {
                ImageIO.write(renderer.renderImageWithDPI(0, 60, ImageType.RGB), "png",
                        Path.of(System.getProperty("govkiosk.certificate.png")).toFile());
            }
            com.google.zxing.ReaderException missed = null;
            for (int dpi : new int[] {200, 300, 400, 600}) {
                BufferedImage page = renderer.renderImageWithDPI(0, dpi, ImageType.GRAY);
                BufferedImageLuminanceSource source = new BufferedImageLuminanceSource(page);
                for (BinaryBitmap bitmap : List.of(new BinaryBitmap(new HybridBinarizer(source)),
                        new BinaryBitmap(new com.google.zxing.common.GlobalHistogramBinarizer(source)))) {
                    try {
                        return new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE))
                                .getText();
                    } catch (com.google.zxing.ReaderException e) {
                        missed = e;
                    }
                }
                ImageIO.write(page, "png", Files.createTempFile("certificate-" + dpi + "dpi-", ".png").toFile());
            }
            throw new AssertionError("no QR code found on the certificate (pages in the temp folder)", missed);
        }
    }

    /** The issuing body's public key, as an offline verifier at the hall would hold it. */
    private CertificateVerifier verifierWithPublicKey() {
        java.security.PublicKey key = server.certificateBodies().byId("platform").orElseThrow().publicKey();
        return CertificateVerifier.withChecks(Map.of("platform",
                (body, sig) -> SignatureAlgorithm.ED25519.holdsDetached(key, body, sig)));
    }

    @Test
    void theCertificatesQrCodeLinksToTheVerificationPageWithACodeTheIssuingBodySigned() throws Exception {
        String n = completedCase(terminal, "signed-1");
        byte[] pdf = certificatePdf(terminal, n);

        String qr = qrOf(pdf);
        assertThat(qr).startsWith(server.baseUrl() + "/verify?p=GKC1%7CJB" + n + "%7C" + n + "%7C");
        VerificationResult result = verifierWithPublicKey().verify(qr);
        assertThat(result).isInstanceOf(VerificationResult.Valid.class);
        VerificationResult.Valid valid = (VerificationResult.Valid) result;
        assertThat(valid.keyId()).isEqualTo("platform");
        assertThat(valid.payload().caseNumber()).isEqualTo(n);
        assertThat(valid.payload().certificateNumber()).isEqualTo("JB" + n);
        assertThat(valid.payload().itemCode()).isEqualTo(Fixtures.submission("T-001", "x").itemCode());
        assertThat(valid.payload().holderIdNumber().text()).isEqualTo("110***********002X");
        assertThat(valid.payload().completedOn()).isEqualTo(java.time.LocalDate.of(2025, 3, 3));

        // A changed field no longer verifies, with the issuing body's public key or any other.
        String tampered = CertificateVerifier.codeOf(qr).replace("|20250303|", "|20250304|");
        assertThat(verifierWithPublicKey().verify(tampered).isValid()).isFalse();

        // The document itself: from the template, the masked ID only, the issuing body named.
        String text;
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            text = new PDFTextStripper().getText(doc);
        }
        assertThat(text).contains("办结证明", "证明编号：JB" + n, "110***********002X",
                org.govkiosk.platform.config.PlatformConfig.Decisions.DEFAULT_ISSUER, "扫描二维码核验本证明真伪")
                .doesNotContain(Fixtures.ID_NUMBER).doesNotContain("null");

        // Stored once: the terminal fetches the same bytes again (and prints them).
        assertThat(certificatePdf(terminal, n)).isEqualTo(pdf);
    }

    private HttpResponse<String> page(String p) throws Exception {
        return plain("GET", ApiPaths.CERTIFICATE_VERIFY_PAGE + "?p=" + URLEncoder.encode(p, StandardCharsets.UTF_8));
    }

    private HttpResponse<String> revoke(String caseNumber, String reason) throws Exception {
        return clerk("POST", ApiPaths.clerkCertificateRevoke(caseNumber),
                "{\"reason\":\"" + reason + "\"}");
    }

    /** The verification link of a completed case, as its certificate's QR code holds it. */
    private String linkOf(String key) throws Exception {
        return qrOf(certificatePdf(terminal, completedCase(terminal, key)));
    }

    @Test
    void thePageSaysValidThenRevokedAfterTheClerkRevokedIt() throws Exception {
        String link = linkOf("signed-2");
        String code = CertificateVerifier.codeOf(link);
        String n = code.split("\\|")[2];

        // The link itself, as a phone opens it: no login, HTML in Chinese with English beside.
        HttpResponse<String> valid = http.send(HttpRequest.newBuilder(URI.create(link)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(valid.statusCode()).isEqualTo(200);
        assertThat(valid.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(valid.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(valid.body()).contains("有效", "valid", "城乡居民养老保险参保登记", "2025年3月3日",
                "110***********002X", PlatformConfig.Decisions.DEFAULT_ISSUER, "JB" + n,
                "width=device-width").doesNotContain("已撤销", "无法核验", Fixtures.ID_NUMBER, "张三丰");

        HttpResponse<String> json = plain("GET", ApiPaths.CERTIFICATE_VERIFY + "?p="
                + URLEncoder.encode(code, StandardCharsets.UTF_8));
        assertThat(json.statusCode()).isEqualTo(200);
        CertificateRoutes.Verification v = TestTerminal.read(json, CertificateRoutes.Verification.class);
        assertThat(v.status()).isEqualTo("VALID");
        assertThat(v.holder()).isEqualTo("110***********002X");
        assertThat(v.completedOn()).isEqualTo("2025-03-03");

        // Revocation needs the clerk; a reason is required.
        HttpResponse<String> anonymous = plain("POST", ApiPaths.clerkCertificateRevoke(n));
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(revoke(n, " ").statusCode()).isEqualTo(400);
        assertThat(revoke("GK20250303999999999999", "错发").statusCode()).isEqualTo(404);
        HttpResponse<String> revoked = revoke(n, "办理结果有误，已重新办理");
        assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(200);
        // Again: the first revocation stands.
        HttpResponse<String> again = revoke(n, "另一个理由");
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).contains("办理结果有误").doesNotContain("另一个理由");

        HttpResponse<String> after = page(code);
        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(after.body()).contains("已撤销", "revoked", "撤销日期").doesNotContain("有效 <span",
                "办理结果有误"); // the clerks' reason is not public
        assertThat(TestTerminal.read(plain("GET", ApiPaths.CERTIFICATE_VERIFY + "?p="
                + URLEncoder.encode(code, StandardCharsets.UTF_8)), CertificateRoutes.Verification.class).status())
                .isEqualTo("REVOKED");
        // The terminal still fetches the document (the paper exists); the page is what tells it no longer holds.
        assertThat(certificatePdf(terminal, n)).isNotEmpty();
    }

    @Test
    void aTamperedCodeIsUnknownAndGarbageOrAnOversizedCodeIsRefused() throws Exception {
        String code = CertificateVerifier.codeOf(linkOf("signed-3"));

        HttpResponse<String> tampered = page(code.replace("|110***********002X|", "|110***********003X|"));
        assertThat(tampered.statusCode()).isEqualTo(200);
        assertThat(tampered.body()).contains("无法核验", "unknown").doesNotContain("110***********003X",
                "有效 <span");

        // Signed with a key this platform does not hold: unknown as well.
        String otherKey = code.substring(0, code.lastIndexOf('|') + 1) + "A".repeat(86);
        assertThat(page(otherKey).body()).contains("无法核验");

        HttpResponse<String> oversized = page(code + "x".repeat(CertificateRoutes.MAX_CODE_CHARS));
        assertThat(oversized.statusCode()).isEqualTo(400);
        assertThat(oversized.body()).contains("无法核验").doesNotContain("Exception", "at org.");
        HttpResponse<String> garbage = page("<script>alert(1)</script>");
        assertThat(garbage.statusCode()).isEqualTo(400);
        assertThat(garbage.body()).doesNotContain("<script>alert").doesNotContain("Exception");
        assertThat(plain("GET", ApiPaths.CERTIFICATE_VERIFY_PAGE).statusCode()).isEqualTo(400);
        assertThat(plain("GET", ApiPaths.CERTIFICATE_VERIFY + "?p=%00%ff").statusCode()).isEqualTo(400);
    }

    @Test
    void headlessChromiumShowsValidThenRevoked(@TempDir Path profile) throws Exception {
        Path chromium = HeadlessChromium.executable().orElse(null);
        Assumptions.assumeTrue(chromium != null, "chromium is not installed (Debian package chromium)");
        String link = linkOf("signed-4");
        String n = CertificateVerifier.codeOf(link).split("\\|")[2];

        try (HeadlessChromium browser = HeadlessChromium.launch(chromium, profile)) {
            assertThat(page(browser, link, "有效")).doesNotContain("已撤销");
            assertThat(revoke(n, "错发").statusCode()).isEqualTo(200);
            assertThat(page(browser, link, "已撤销")).doesNotContain("有效 <span");
        }
    }

    /** The page as Chromium built it, once it shows {@code expected}. */
    private static String page(HeadlessChromium browser, String url, String expected) throws Exception {
        browser.navigate(url);
        return browser.await("the verification page shows " + expected,
                "document.readyState === 'complete' ? document.documentElement.outerHTML : ''",
                html -> html.contains(expected));
    }
}
