package org.govkiosk.app.journey;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a case number from what a citizen typed or scanned. Case numbers are opaque (provinces differ): this only
 * takes the receipt's own QR payload apart (the configured query URL followed by the number) and checks that what
 * is left looks like a number at all, never what its parts mean.
 */
public final class CaseNumbers {

    /** Letters, digits and dashes, as every province's numbers are written; 6 to 64 of them. */
    private static final Pattern SHAPE = Pattern.compile("[A-Z0-9][A-Z0-9-]{4,62}[A-Z0-9]");

    private final String progressQueryUrl;

    public CaseNumbers(String progressQueryUrl) {
        this.progressQueryUrl = progressQueryUrl;
    }

    /** A number typed on the keypad: spaces dropped, letters upper-cased. */
    public Optional<String> typed(String input) {
        if (input == null) {
            return Optional.empty();
        }
        String n = input.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
        return SHAPE.matcher(n).matches() ? Optional.of(n) : Optional.empty();
    }

    /** A scanned code: the receipt's QR payload, or a bare number (a barcode of another hall's receipt). */
    public Optional<String> scanned(String payload) {
        if (payload == null) {
            return Optional.empty();
        }
        String p = payload.strip();
        if (p.startsWith(progressQueryUrl)) {
            String rest = p.substring(progressQueryUrl.length());
            int end = rest.indexOf('&');
            return typed(end < 0 ? rest : rest.substring(0, end));
        }
        return p.contains("://") ? Optional.empty() : typed(p);
    }
}
