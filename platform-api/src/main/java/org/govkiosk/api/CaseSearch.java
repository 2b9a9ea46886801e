package org.govkiosk.api;

import org.govkiosk.personal.Masking;

/** Query by applicant (as read from their ID card). Sent in a POST body so the ID number never sits in a URL. */
public record CaseSearch(IdType idType, String idNumber) {

    public CaseSearch {
        Check.present(idType, "idType");
        Check.text(idNumber, "idNumber", 64);
    }

    @Override
    public String toString() {
        return "CaseSearch[" + idType + " " + Masking.idNumber(idNumber) + "]";
    }
}
