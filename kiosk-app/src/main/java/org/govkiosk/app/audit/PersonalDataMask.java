package org.govkiosk.app.audit;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Masks what looks like an ID number or a mobile number in free text, as a last guard for logs and audits. */
public final class PersonalDataMask {

    private static final Pattern ID_NUMBER = Pattern.compile("(?<![0-9A-Za-z])(\\d{3})\\d{11}(\\d{3}[0-9Xx])(?![0-9A-Za-z])");
    private static final Pattern MOBILE = Pattern.compile("(?<!\\d)(1[3-9]\\d)\\d{4}(\\d{4})(?!\\d)");

    private PersonalDataMask() {
    }

    public static String mask(String text) {
        if (text == null) {
            return null;
        }
        String masked = ID_NUMBER.matcher(text).replaceAll(m -> Matcher.quoteReplacement(
                m.group(1) + "*".repeat(11) + m.group(2)));
        return MOBILE.matcher(masked).replaceAll("$1****$2");
    }
}
