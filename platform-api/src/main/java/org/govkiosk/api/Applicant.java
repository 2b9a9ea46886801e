package org.govkiosk.api;

import org.govkiosk.personal.Masking;

/**
 * Who applies. Personal data: {@link #toString()} masks it, so a record that reaches a log leaks nothing.
 *
 * @param phone   optional, for the department's callback
 * @param address optional
 */
public record Applicant(IdType idType, String idNumber, String name, String phone, String address) {

    public Applicant {
        Check.present(idType, "applicant.idType");
        Check.text(idNumber, "applicant.idNumber", 64);
        Check.text(name, "applicant.name", 100);
        Check.optionalText(phone, "applicant.phone", 32);
        Check.optionalText(address, "applicant.address", 300);
    }

    @Override
    public String toString() {
        return "Applicant[" + idType + " " + Masking.idNumber(idNumber) + " " + Masking.name(name) + "]";
    }
}
