package org.govkiosk.print.data;

import java.time.LocalDate;
import org.govkiosk.print.model.ImageData;

/**
 * 办结证明: the result of a finished case. {@code verificationCode} is the signed payload
 * ({@code org.govkiosk.print.verify.CertificateSigner}) printed as a QR code so the paper can be checked offline.
 */
public record CompletionCertificateData(
        String departmentName,
        String certificateNumber,
        String caseNumber,
        String itemName,
        String itemCode,
        String applicantName,
        MaskedText applicantIdNumber,
        LocalDate acceptedOn,
        LocalDate completedOn,
        String result,
        String verificationCode,
        LocalDate issuedOn,
        ImageData seal) implements TemplateData {

    @Override
    public TemplateKind kind() {
        return TemplateKind.COMPLETION_CERTIFICATE;
    }
}
