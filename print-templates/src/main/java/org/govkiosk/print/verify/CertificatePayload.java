package org.govkiosk.print.verify;

import java.time.LocalDate;
import java.util.Objects;
import org.govkiosk.print.data.MaskedText;

/**
 * What a certificate's QR code vouches for: which certificate, for which case and item, for whom (ID number
 * masked: anyone can read a QR code), finished when. Fields are printable ASCII without '|' so the payload
 * stays compact and scans the same on every reader.
 */
public record CertificatePayload(String certificateNumber, String caseNumber, String itemCode,
                                 MaskedText holderIdNumber, LocalDate completedOn) {

    public CertificatePayload {
        requireCode(certificateNumber, "certificateNumber");
        requireCode(caseNumber, "caseNumber");
        requireCode(itemCode, "itemCode");
        Objects.requireNonNull(holderIdNumber, "holderIdNumber");
        requireCode(holderIdNumber.text(), "holderIdNumber");
        Objects.requireNonNull(completedOn, "completedOn");
    }

    static void requireCode(String value, String name) {
        if (value == null || value.isEmpty() || value.length() > 64) {
            throw new IllegalArgumentException(name + " must be 1..64 characters");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x21 || c > 0x7E || c == '|') {
                throw new IllegalArgumentException(name + " may hold printable ASCII without '|' only");
            }
        }
    }
}
