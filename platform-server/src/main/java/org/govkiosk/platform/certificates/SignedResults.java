package org.govkiosk.platform.certificates;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Objects;
import java.util.function.Supplier;
import org.govkiosk.print.data.CompletionCertificateData;
import org.govkiosk.print.data.MaskedText;
import org.govkiosk.print.pdf.CjkFont;
import org.govkiosk.print.pdf.FontSource;
import org.govkiosk.print.pdf.PdfRenderer;
import org.govkiosk.print.template.Template;
import org.govkiosk.print.template.TemplateFiller;
import org.govkiosk.print.template.TemplateParser;
import org.govkiosk.print.verify.CertificatePayload;

/**
 * The platform's result documents (办结证明): the completion-certificate template the terminals ship with
 * (config/templates, built into the jar), the signing body's name and seal, and a QR code holding the link to
 * this platform's public verification page with the signed code ({@code GKC1|...}, see
 * {@link org.govkiosk.print.verify.CertificateSigner}) in its {@code p} parameter: a phone opens the page, a hall
 * scanner with the public keys checks the same code offline.
 */
public final class SignedResults {

    /** The path of the public verification page, under the platform's public base URL. */
    public static final String VERIFY_PATH = "/verify";
    static final String TEMPLATE = "completion-certificate.yaml";

    private final IssuingBodies bodies;
    private final Supplier<String> publicBaseUrl;
    private final Template template;

    /** @param publicBaseUrl where phones reach the platform, without a trailing slash; asked at each document */
    public SignedResults(IssuingBodies bodies, Supplier<String> publicBaseUrl) {
        this.bodies = Objects.requireNonNull(bodies, "bodies");
        this.publicBaseUrl = Objects.requireNonNull(publicBaseUrl, "publicBaseUrl");
        this.template = loadTemplate();
    }

    /** What a result says, before it is signed and rendered. */
    public record Result(String caseNumber, String itemCode, String itemName, String applicantName,
                         String applicantIdNumber, LocalDate acceptedOn, LocalDate completedOn, String result) {
    }

    /** The certificate number of a case's result: its case number behind "JB" (办结). */
    public static String certificateNumber(String caseNumber) {
        return "JB" + caseNumber;
    }

    /** The signed code of a result, as it stands in the QR link's {@code p} parameter. */
    public String code(Result r) {
        return bodies.signing().signer().sign(new CertificatePayload(certificateNumber(r.caseNumber()),
                r.caseNumber(), r.itemCode(), MaskedText.idNumber(r.applicantIdNumber()), r.completedOn()));
    }

    /** The link the QR code holds. */
    public String link(String code) {
        return publicBaseUrl.get() + VERIFY_PATH + "?p=" + URLEncoder.encode(code, StandardCharsets.UTF_8);
    }

    /**
     * The PDF of a result, rendered with {@code fontFile} (a TrueType CJK font or collection, {@code face} inside
     * it).
     */
    public byte[] render(Result r, Path fontFile, String face) {
        IssuingBodies.Body body = bodies.signing();
        CompletionCertificateData data = new CompletionCertificateData(body.name(), certificateNumber(r.caseNumber()),
                r.caseNumber(), r.itemName(), r.itemCode(), r.applicantName(),
                MaskedText.idNumber(r.applicantIdNumber()), r.acceptedOn(), r.completedOn(), r.result(),
                link(code(r)), r.completedOn(), body.seal());
        return new PdfRenderer(CjkFont.shared(new FontSource(fontFile, face)))
                .render(TemplateFiller.fill(template, data));
    }

    public IssuingBodies bodies() {
        return bodies;
    }

    private static Template loadTemplate() {
        try (InputStream in = SignedResults.class.getResourceAsStream(TEMPLATE)) {
            if (in == null) {
                throw new IllegalStateException(TEMPLATE + " is not in the platform's jar");
            }
            return TemplateParser.parse(TEMPLATE, new String(in.readAllBytes(), StandardCharsets.UTF_8),
                    Path.of("."));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
