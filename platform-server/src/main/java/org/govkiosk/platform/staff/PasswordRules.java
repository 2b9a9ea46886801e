package org.govkiosk.platform.staff;

import java.util.Optional;

/**
 * What a staff password must be (NIST SP 800-63B: length over composition rules): 12 to 128 characters, not all
 * the same character, not the login itself. Returns what is wrong, in words the admin API answers with.
 */
public final class PasswordRules {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 128;

    private PasswordRules() {
    }

    public static Optional<String> problem(String login, char[] password) {
        if (password == null || password.length < MIN_LENGTH) {
            return Optional.of("a password needs at least " + MIN_LENGTH + " characters");
        }
        if (password.length > MAX_LENGTH) {
            return Optional.of("a password has at most " + MAX_LENGTH + " characters");
        }
        boolean allSame = true;
        for (char c : password) {
            allSame &= c == password[0];
        }
        if (allSame) {
            return Optional.of("a password of one character repeated is too easy to guess");
        }
        if (login != null && new String(password).equalsIgnoreCase(login)) {
            return Optional.of("a password must not be the login");
        }
        return Optional.empty();
    }
}
