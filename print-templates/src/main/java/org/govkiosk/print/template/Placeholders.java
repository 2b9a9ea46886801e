package org.govkiosk.print.template;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code ${field}} placeholders in template text. */
final class Placeholders {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z][A-Za-z0-9]*)}");

    private Placeholders() {
    }

    static List<String> names(String text) {
        List<String> names = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /** A "${" that does not open a well-formed placeholder, e.g. {@code ${case no}} or a missing brace. */
    static boolean hasMalformed(String text) {
        return PLACEHOLDER.matcher(text).replaceAll("").contains("${");
    }

    /** The text with each placeholder replaced by {@code value(name)}; values are inserted literally. */
    static String fill(String text, Function<String, String> value) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(value.apply(m.group(1))));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** If the whole text is one placeholder, its name. */
    static String soleName(String text) {
        Matcher m = PLACEHOLDER.matcher(text.strip());
        return m.matches() ? m.group(1) : null;
    }
}
