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
    /** The longest signature a code carries (an SM2 signature is a DER sequence of at most 72 bytes). */
    static final int MAX_SIGNATURE_BYTES = 80;
    /** The longest code read at all: the fields at their longest, the key id and the signature. */
    static final int MAX_CODE_CHARS = 512;
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
