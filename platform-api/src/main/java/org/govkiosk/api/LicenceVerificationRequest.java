package org.govkiosk.api;

import org.govkiosk.personal.Masking;

/**
 * 扫码亮证: a code scanned from the citizen's phone.
 *
 * @param code           the scanned text, as is
 * @param itemCode       the item the licence is used for; optional, for the platform's audit
 * @param holderIdNumber optional: when given, the answer says whether the licence belongs to this person, so the
 *                       terminal learns that and no more (minimum necessary)
 * @param identifyHolder  optional: {@code true} when the citizen identifies with this licence alone (no ID card);
 *                        then a valid answer carries the holder's name and ID number for the case
 */
public record LicenceVerificationRequest(String code, String itemCode, String holderIdNumber, Boolean identifyHolder) {

    public LicenceVerificationRequest {
        Check.text(code, "code", 512);
        Check.optionalText(itemCode, "itemCode", 64);
        Check.optionalText(holderIdNumber, "holderIdNumber", 64);
    }

    /** A check of a licence used as a material: the holder is not identified by it. */
    public LicenceVerificationRequest(String code, String itemCode, String holderIdNumber) {
        this(code, itemCode, holderIdNumber, null);
    }

    /** A request to identify the citizen by the licence (扫码亮证 at identification). */
    public static LicenceVerificationRequest identify(String code) {
        return new LicenceVerificationRequest(code, null, null, Boolean.TRUE);
    }

    public boolean wantsHolder() {
        return Boolean.TRUE.equals(identifyHolder);
    }

    @Override
    public String toString() {
        return "LicenceVerificationRequest[item=" + itemCode + " holder=" + Masking.idNumber(holderIdNumber)
                + (wantsHolder() ? " identify" : "") + "]";
    }
}
