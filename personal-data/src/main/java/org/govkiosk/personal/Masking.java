package org.govkiosk.personal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one rule for personal data wherever it is shown or logged (terminal screens and slips, terminal.log, the
 * audit log, the platform's pages and its answers):
 * <ul>
 * <li>names keep the family name's first character, one star for every other: 张三丰 → 张**, 张伟 → 张*;</li>
 * <li>ID numbers, card numbers and phone numbers keep their first 3 and last 4 characters:
 * 110101198001011232 → 110***********1232, 13812345678 → 138****5678; shorter than 8 characters, all stars;</li>
 * <li>addresses keep their first six characters (province, city, district as a rule): 上海市徐汇区****.</li>
 * </ul>
 * Null stays null; the mask of an empty value is empty.
 */
public final class Masking {

    private static final Pattern ID_NUMBER =
            Pattern.compile("(?<![0-9A-Za-z])(\\d{3})\\d{11}(\\d{3}[0-9Xx])(?![0-9A-Za-z])");
    private static final Pattern MOBILE = Pattern.compile("(?<![0-9])(1[3-9]\\d)\\d{4}(\\d{4})(?![0-9])");

    private Masking() {
    }

    /** 张三丰 → 张**. */
    public static String name(String name) {
        if (name == null || name.isEmpty()) {
            return name;
        }
        int first = name.offsetByCodePoints(0, 1);
        return name.substring(0, first) + "*".repeat(Math.max(1, name.codePointCount(first, name.length())));
    }

    /** 110101198001011232 → 110***********1232; values under 8 characters are masked whole. */
    public static String idNumber(String idNumber) {
        return keepThreeAndFour(idNumber);
    }

    /** 13812345678 → 138****5678; values under 8 characters are masked whole. */
    public static String phone(String phone) {
        return keepThreeAndFour(phone);
    }

    /** A card's number (social security card, permit): as an ID number. */
    public static String cardNumber(String number) {
        return keepThreeAndFour(number);
    }

    /** 上海市徐汇区示例路88弄5号 → 上海市徐汇区****; six characters or fewer → ****. */
    public static String address(String address) {
        if (address == null || address.isEmpty()) {
            return address;
        }
        int cut = address.codePointCount(0, address.length()) <= 6 ? 0 : address.offsetByCodePoints(0, 6);
        return address.substring(0, cut) + "****";
    }

    /**
     * Free text (an error message, an audit detail) with whatever looks like an 18-character ID number or a
     * mainland mobile number masked by the same rule: the last guard, for text that was not built from fields.
     */
    public static String text(String text) {
        if (text == null) {
            return null;
        }
        String masked = ID_NUMBER.matcher(text).replaceAll(m -> Matcher.quoteReplacement(
                m.group(1) + "*".repeat(11) + m.group(2)));
        return MOBILE.matcher(masked).replaceAll("$1****$2");
    }

    private static String keepThreeAndFour(String value) {
        if (value == null) {
            return null;
        }
        if (value.length() < 8) {
            return "*".repeat(value.length());
        }
        return value.substring(0, 3) + "*".repeat(value.length() - 7) + value.substring(value.length() - 4);
    }
}
