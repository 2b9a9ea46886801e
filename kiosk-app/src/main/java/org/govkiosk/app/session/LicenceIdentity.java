package org.govkiosk.app.session;

import java.util.Objects;
import org.govkiosk.personal.Masking;

/**
 * Who an electronic licence shown at the scanner says the citizen is (扫码亮证), as the platform verified it. Stands
 * in for the ID card: name and ID number are locked on the form like a card's. Personal data: {@link #toString()}
 * masks it.
 *
 * @param licenceType e.g. E_SOCIAL_SECURITY_CARD, as the platform names it
 */
public record LicenceIdentity(String licenceType, String issuer, String name, String idNumber) {

    public LicenceIdentity {
        Objects.requireNonNull(licenceType, "licenceType");
        if (name == null || name.isBlank() || idNumber == null || idNumber.isBlank()) {
            throw new IllegalArgumentException("a licence identity needs the holder's name and ID number");
        }
        issuer = issuer == null ? "" : issuer;
    }

    public String maskedIdNumber() {
        return Masking.idNumber(idNumber);
    }

    public String maskedName() {
        return Masking.name(name);
    }

    @Override
    public String toString() {
        return "LicenceIdentity[" + licenceType + " " + maskedName() + " " + maskedIdNumber() + "]";
    }
}
