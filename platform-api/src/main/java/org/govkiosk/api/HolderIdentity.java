package org.govkiosk.api;

import org.govkiosk.personal.Masking;

/**
 * Who asks for a finished case's certificate at a terminal, as the terminal identified them (ID card, social
 * security card or e-licence). Sent in a POST body so the ID number never sits in a URL; the platform gives the
 * certificate only when this is the case's applicant (the holder).
 */
public record HolderIdentity(IdType idType, String idNumber) {

    public HolderIdentity {
        Check.present(idType, "idType");
        Check.text(idNumber, "idNumber", 64);
    }

    @Override
    public String toString() {
        return "HolderIdentity[" + idType + " " + Masking.idNumber(idNumber) + "]";
    }
}
