package org.govkiosk.app;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A scan of log text for personal data: ID numbers and mobile numbers in clear, given names in clear, and masked
 * values (letters, digits or Han around a '*') that do not follow the one rule of
 * {@code org.govkiosk.personal.Masking}.
 */
public record LogScan(List<String> clear, TreeSet<String> masked, TreeSet<String> offRule) {

    private static final Pattern CLEAR_ID = Pattern.compile("(?<![0-9A-Za-z])\\d{17}[0-9Xx](?![0-9A-Za-z])");
    private static final Pattern CLEAR_MOBILE = Pattern.compile("(?<![0-9])1[3-9]\\d{9}(?![0-9])");
    /** A masked value: letters, digits or Han around at least one '*'. */
    private static final Pattern MASKED = Pattern.compile("[\\p{IsHan}0-9A-Za-z]*\\*+[\\p{IsHan}0-9A-Za-z*]*");
    private static final List<Pattern> RULE = List.of(
            Pattern.compile("[0-9A-Za-z]{3}\\*+[0-9A-Za-z]{4}"), // ID numbers, phones, card numbers: 3 + stars + 4
            Pattern.compile("\\p{IsHan}\\*+"),                   // names: the family name's first character, stars
            Pattern.compile("\\p{IsHan}{1,6}\\*{4}"),            // addresses: province, city, district
            Pattern.compile("\\*+"));                            // too short to show anything

    public static LogScan of(String text, List<String> names) {
        List<String> clear = new ArrayList<>();
        Matcher id = CLEAR_ID.matcher(text);
        while (id.find()) {
            // Only a number that is an ID number (birth date, check character): a temp folder's random 18 digits
            // (journey-282412909667115303) are not personal data.
            if (org.govkiosk.device.idcard.IdNumber.isValid(id.group())) {
                clear.add("ID number " + id.group() + " in: " + lineAt(text, id.start()));
            }
        }
        Matcher mobile = CLEAR_MOBILE.matcher(text);
        while (mobile.find()) {
            clear.add("phone " + mobile.group() + " in: " + lineAt(text, mobile.start()));
        }
        for (String name : names) {
            if (text.contains(name)) {
                clear.add("name " + name + " in: " + lineAt(text, text.indexOf(name)));
            }
        }
        TreeSet<String> masked = new TreeSet<>();
        TreeSet<String> offRule = new TreeSet<>();
        Matcher m = MASKED.matcher(text);
        while (m.find()) {
            masked.add(m.group());
            if (RULE.stream().noneMatch(r -> r.matcher(m.group()).matches())) {
                offRule.add(m.group() + " in: " + lineAt(text, m.start()));
            }
        }
        return new LogScan(clear, masked, offRule);
    }

    private static String lineAt(String text, int at) {
        int start = text.lastIndexOf('\n', at) + 1;
        int end = text.indexOf('\n', at);
        return text.substring(start, end < 0 ? text.length() : end);
    }
}
