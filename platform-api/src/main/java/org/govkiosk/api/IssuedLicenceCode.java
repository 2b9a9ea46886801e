package org.govkiosk.api;

import java.time.Instant;

/** A code made by {@link LicenceIssue}: the text a phone would show as a QR code. */
public record IssuedLicenceCode(String code, Instant expiresAt) {

    public IssuedLicenceCode {
        Check.text(code, "code", 512);
        Check.present(expiresAt, "expiresAt");
    }
}
