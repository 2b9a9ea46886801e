package org.govkiosk.platform.config;

/**
 * Refuses a shared token that could be guessed: under 128 bits as estimated from its length and alphabet (digits
 * 3.3 bits a character, hex 4, one case of letters 4.7, letters and digits of one case 5.2, anything richer 6, as
 * base64), or made of fewer than 8 distinct characters. An estimate, not a proof: a token must be random, e.g.
 * {@code openssl rand -base64 24} (32 characters, 192 bits) or {@code openssl rand -hex 16}.
 */
final class TokenStrength {

    static final int MIN_BITS = 128;
    private static final int MIN_DISTINCT = 8;

    private TokenStrength() {
    }

    /** @throws IllegalArgumentException naming {@code what}, never the token */
    static void require(String what, String token) {
        if (token == null || token.isBlank()) {
            return;
        }
        double bits = token.length() * bitsPerCharacter(token);
        long distinct = token.chars().distinct().count();
        if (bits < MIN_BITS || distinct < MIN_DISTINCT) {
            throw new IllegalArgumentException(what + " is too weak to stand guessing: " + token.length()
                    + " characters" + (distinct < MIN_DISTINCT ? " of only " + distinct + " different ones"
                    : ", about " + (int) bits + " bits") + "; at least " + MIN_BITS + " bits of randomness are"
                    + " needed, e.g. 22 or more random base64 or 32 hex characters (openssl rand -base64 24)");
        }
    }

    static double bitsPerCharacter(String token) {
        boolean digit = false;
        boolean lower = false;
        boolean upper = false;
        boolean other = false;
        boolean hex = true;
        for (char c : token.toCharArray()) {
            if (c >= '0' && c <= '9') {
                digit = true;
            } else if (c >= 'a' && c <= 'z') {
                lower = true;
                hex &= c <= 'f';
            } else if (c >= 'A' && c <= 'Z') {
                upper = true;
                hex &= c <= 'F';
            } else {
                other = true;
                hex = false;
            }
        }
        if (other || (lower && upper)) {
            return 6;
        }
        if (!lower && !upper) {
            return Math.log(10) / Math.log(2);
        }
        if (hex && digit) {
            return 4;
        }
        return digit ? Math.log(36) / Math.log(2) : Math.log(26) / Math.log(2);
    }
}
