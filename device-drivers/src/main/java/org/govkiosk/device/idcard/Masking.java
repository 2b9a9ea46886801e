package org.govkiosk.device.idcard;

/** How personal data appears in logs and on shared screens. */
public final class Masking {

    private Masking() {
    }

    /** {@code 110101199003070038} → {@code 110***********0038}. Short values are masked whole. */
    public static String maskIdNumber(String id) {
        if (id == null) {
            return "null";
        }
        if (id.length() < 8) {
            return "*".repeat(id.length());
        }
        return id.substring(0, 3) + "*".repeat(id.length() - 7) + id.substring(id.length() - 4);
    }

    /** {@code 张三丰} → {@code 张**}: the family name stays so the citizen recognises it. */
    public static String maskName(String name) {
        if (name == null || name.isEmpty()) {
            return "";
        }
        int first = name.offsetByCodePoints(0, 1);
        return name.substring(0, first) + "*".repeat(Math.max(1, name.codePointCount(first, name.length())));
    }

    /**
     * {@code 上海市徐汇区示例路88弄5号} → {@code 上海市徐汇区****}: the first six characters (province, city and
     * district, as a rule) stay, the street and number do not.
     */
    public static String maskAddress(String address) {
        if (address == null || address.isEmpty()) {
            return "";
        }
        int cut = address.codePointCount(0, address.length()) <= 6 ? 0 : address.offsetByCodePoints(0, 6);
        return address.substring(0, cut) + "****";
    }
}
