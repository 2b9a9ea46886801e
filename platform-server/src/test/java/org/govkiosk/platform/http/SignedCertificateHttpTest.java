package org.govkiosk.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import java.awt.image.BufferedImage;
import java.net.http.HttpResponse;
import java.nio.file.Path;
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
import org.govkiosk.platform.RunningPlatform;
import org.govkiosk.platform.TestTerminal;
import org.govkiosk.print.verify.CertificateVerifier;
import org.govkiosk.print.verify.VerificationResult;
import org.junit.jupiter.api.Test;

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
        HttpResponse<byte[]> pdf = terminal.getBytes(ApiPaths.caseCertificate(caseNumber));
        assertThat(pdf.statusCode()).isEqualTo(200);
        return pdf.body();
    }

    /** The QR code's text, read from the first page rendered at 200 dpi as a phone camera would. */
    static String qrOf(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            BufferedImage page = new PDFRenderer(doc).renderImageWithDPI(0, 200, ImageType.RGB);
            if (System.getProperty("govkiosk.certificate.png") != null) {
                ImageIO.write(new PDFRenderer(doc).renderImageWithDPI(0, 60, ImageType.RGB), "png",
                        Path.of(System.getProperty("govkiosk.certificate.png")).toFile());
            }
            BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(page)));
            return new MultiFormatReader().decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
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
                org.govkiosk.platform.PlatformConfig.Decisions.DEFAULT_ISSUER, "扫描二维码核验本证明真伪")
                .doesNotContain(Fixtures.ID_NUMBER).doesNotContain("null");

        // Stored once: the terminal fetches the same bytes again (and prints them).
        assertThat(certificatePdf(terminal, n)).isEqualTo(pdf);
    }
}
