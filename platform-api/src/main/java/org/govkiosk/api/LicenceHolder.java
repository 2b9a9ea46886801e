package org.govkiosk.api;

import org.govkiosk.personal.Masking;

/**
 * Who an e-licence belongs to, in full: given only when the terminal identifies the citizen by the licence
 * (扫码亮证 instead of an ID card), because the case then needs the applicant's name and ID number as a card would
 * give them. Personal data: {@link #toString()} masks it.
 */
public record LicenceHolder(String name, String idNumber) {

    public LicenceHolder {
        Check.text(name, "holder.name", 100);
        Check.text(idNumber, "holder.idNumber", 64);
    }

    @Override
    public String toString() {
        return "LicenceHolder[" + Masking.name(name) + " " + Masking.idNumber(idNumber) + "]";
    }
}
