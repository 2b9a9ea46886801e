package org.govkiosk.print.verify;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * {@code GKC1|certificateNumber|caseNumber|itemCode|holderId|yyyyMMdd|keyId|signature}: the signature
 * (base64url, no padding) covers everything before the last '|', as UTF-8 bytes.
 */
final class PayloadFormat {

    static final String VERSION = "GKC1";
    static final int FIELDS = 8;
    static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;

    private PayloadFormat() {
    }

    static String body(CertificatePayload p, String keyId) {
        return String.join("|", List.of(VERSION, p.certificateNumber(), p.caseNumber(), p.itemCode(),
                p.holderIdNumber().text(), DATE.format(p.completedOn()), keyId));
    }

    static LocalDate date(String text) {
        return LocalDate.parse(text, DATE);
    }
}
