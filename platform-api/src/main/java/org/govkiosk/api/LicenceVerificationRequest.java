package org.govkiosk.api;

/**
 * 扫码亮证: a code scanned from the citizen's phone.
 *
 * @param code           the scanned text, as is
 * @param itemCode       the item the licence is used for; optional, for the platform's audit
 * @param holderIdNumber optional: when given, the answer says whether the licence belongs to this person, so the
 *                       terminal learns that and no more (minimum necessary)
 */
public record LicenceVerificationRequest(String code, String itemCode, String holderIdNumber) {

    public LicenceVerificationRequest {
        Check.text(code, "code", 512);
        Check.optionalText(itemCode, "itemCode", 64);
        Check.optionalText(holderIdNumber, "holderIdNumber", 64);
    }

    @Override
    public String toString() {
        return "LicenceVerificationRequest[item=" + itemCode + " holder=" + Masking.idNumber(holderIdNumber) + "]";
    }
}
