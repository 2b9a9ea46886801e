package org.govkiosk.api;

import java.util.regex.Pattern;
import org.govkiosk.personal.Masking;

/**
 * Where the citizen wants the result mailed (证照特快专递), captured with the application: no more than the carrier
 * needs (the recipient is the applicant; the phone is the carrier's contact for the delivery). Personal data:
 * {@link #toString()} masks it.
 *
 * @param province 省 (自治区、直辖市)
 * @param city     市 (地区、州、盟)
 * @param district 区 / 县
 * @param street   街道 and the rest of the address (门牌号)
 * @param phone    the recipient's phone: a mainland mobile number or a landline with its area code
 */
public record MailingAddress(String province, String city, String district, String street, String phone) {

    public static final int MAX_PART = 30;
    public static final int MAX_STREET = 120;
    private static final Pattern PHONE = Pattern.compile("1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8}");

    public MailingAddress {
        province = part(province, "mailTo.province", MAX_PART);
        city = part(city, "mailTo.city", MAX_PART);
        district = part(district, "mailTo.district", MAX_PART);
        street = part(street, "mailTo.street", MAX_STREET);
        Check.text(phone, "mailTo.phone", 20);
        phone = phone.strip();
        if (!PHONE.matcher(phone).matches()) {
            throw new IllegalArgumentException("mailTo.phone must be a mobile number (11 digits) or a landline with"
                    + " its area code");
        }
    }

    private static String part(String value, String field, int max) {
        Check.text(value, field, max);
        String v = value.strip();
        if (v.codePoints().anyMatch(cp -> Character.isISOControl(cp))) {
            throw new IllegalArgumentException(field + " must not contain control characters");
        }
        return v;
    }

    /** The whole address in one line, as the carrier's label prints it. */
    public String line() {
        return province + city + district + street;
    }

    /** What a public screen or a log may show: the region, the rest masked, and the phone masked. */
    public String masked() {
        return province + city + district + "**** " + Masking.phone(phone);
    }

    @Override
    public String toString() {
        return "MailingAddress[" + masked() + "]";
    }
}
