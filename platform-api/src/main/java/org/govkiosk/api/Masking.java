package org.govkiosk.api;

/** Masks personal data for logs and screens: ID numbers as 110***********123X, names as 张*三. */
public final class Masking {

    private Masking() {
    }

    /** Keeps the first 3 and last 4 characters; shorter values are masked whole. */
    public static String idNumber(String idNumber) {
        if (idNumber == null) {
            return null;
        }
        if (idNumber.length() <= 7) {
            return "*".repeat(idNumber.length());
        }
        return idNumber.substring(0, 3) + "*".repeat(idNumber.length() - 7) + idNumber.substring(idNumber.length() - 4);
    }

    /** Keeps the first and (for 3 or more characters) the last character. */
    public static String name(String name) {
        if (name == null || name.isEmpty()) {
            return name;
        }
        int n = name.codePointCount(0, name.length());
        int first = name.offsetByCodePoints(0, 1);
        if (n == 1) {
            return "*";
        }
        if (n == 2) {
            return name.substring(0, first) + "*";
        }
        int last = name.offsetByCodePoints(0, n - 1);
        return name.substring(0, first) + "*".repeat(n - 2) + name.substring(last);
    }

    /** Keeps the first 3 and last 2 digits of a phone number. */
    public static String phone(String phone) {
        if (phone == null || phone.length() <= 5) {
            return phone == null ? null : "*".repeat(phone.length());
        }
        return phone.substring(0, 3) + "*".repeat(phone.length() - 5) + phone.substring(phone.length() - 2);
    }
}
