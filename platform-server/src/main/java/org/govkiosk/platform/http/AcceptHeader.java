package org.govkiosk.platform.http;

import java.util.Locale;

/**
 * Proactive content negotiation on {@code Accept} by the standard rules (RFC 9110, section 12.5.1): a comma-separated
 * list of media ranges ({@code type/subtype}, {@code type/*}, {@code *}{@code /*}) with parameters and a weight
 * {@code q} (0 to 1, default 1). A media type is acceptable if the most specific range that matches it has a weight
 * above 0: {@code text/event-stream, *}{@code /*;q=0.1} accepts an event stream, {@code text/*;q=0} refuses it. No
 * header means anything goes. Malformed elements are ignored, as if absent, rather than failing the request.
 */
public final class AcceptHeader {

    private AcceptHeader() {
    }

    /** Whether a response of {@code mediaType} ({@code type/subtype}, no parameters) suits the header. */
    public static boolean accepts(String header, String mediaType) {
        return weight(header, mediaType) > 0;
    }

    /**
     * The weight the header gives {@code mediaType}: that of the most specific matching range (exact type, then
     * {@code type/*}, then any), 0 if none matches, 1 if there is no header. Parameters other than q are ignored:
     * the platform serves none a client could ask for.
     */
    public static double weight(String header, String mediaType) {
        if (header == null || header.isBlank()) {
            return 1;
        }
        String[] wanted = mediaType.toLowerCase(Locale.ROOT).split("/", 2);
        int bestSpecificity = -1;
        double best = 0;
        for (String element : header.split(",")) {
            String[] parts = element.split(";");
            String range = parts[0].strip().toLowerCase(Locale.ROOT);
            int slash = range.indexOf('/');
            if (slash <= 0 || slash == range.length() - 1) {
                continue;
            }
            String type = range.substring(0, slash);
            String subtype = range.substring(slash + 1);
            Double q = 1.0;
            for (int i = 1; i < parts.length; i++) {
                String p = parts[i].strip();
                int eq = p.indexOf('=');
                if (eq > 0 && p.substring(0, eq).strip().equalsIgnoreCase("q")) {
                    q = quality(p.substring(eq + 1).strip());
                }
            }
            if (q == null) {
                continue;
            }
            int specificity;
            if (type.equals("*") && subtype.equals("*")) {
                specificity = 0;
            } else if (type.equals(wanted[0]) && subtype.equals("*")) {
                specificity = 1;
            } else if (type.equals(wanted[0]) && subtype.equals(wanted[1])) {
                specificity = 2;
            } else {
                continue;
            }
            if (specificity > bestSpecificity) {
                bestSpecificity = specificity;
                best = q;
            }
        }
        return best;
    }

    /** A weight as the grammar has it: 0 to 1 with at most three decimals; null if it is not one. */
    private static Double quality(String text) {
        if (!text.matches("0(\\.[0-9]{0,3})?|1(\\.0{0,3})?")) {
            return null;
        }
        return Double.parseDouble(text);
    }
}
