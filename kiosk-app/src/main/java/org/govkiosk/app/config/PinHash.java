package org.govkiosk.app.config;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * A technician PIN as stored in terminal.yaml ({@code maintenance.pin-hash}):
 * {@code pbkdf2-sha256$ITERATIONS$SALT$HASH}, salt and hash in base64, PBKDF2WithHmacSHA256 from the JDK. The PIN
 * itself is never stored. {@link #main} makes the value for a technician configuring a terminal.
 *
 * <p>A class, not a record: a record would hand out its salt and hash arrays.
 */
public final class PinHash {

    public static final String SCHEME = "pbkdf2-sha256";
    /** OWASP's 2023 figure for PBKDF2-HMAC-SHA256; about 0.1-0.5 s per check on terminal hardware. */
    static final int DEFAULT_ITERATIONS = 600_000;
    // Below this a stolen config file's PIN is cheap to brute-force; above it a PIN check stalls the pad.
    static final int MIN_ITERATIONS = 100_000;
    static final int MAX_ITERATIONS = 10_000_000;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final int iterations;
    private final byte[] salt;
    private final byte[] hash;

    private PinHash(int iterations, byte[] salt, byte[] hash) {
        this.iterations = iterations;
        this.salt = salt;
        this.hash = hash;
    }

    /** A new hash of {@code pin} with a fresh random salt. The caller clears {@code pin}. */
    public static PinHash hash(char[] pin) {
        if (pin == null || pin.length == 0) {
            throw new IllegalArgumentException("the PIN is empty");
        }
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        return new PinHash(DEFAULT_ITERATIONS, salt, derive(pin, salt, DEFAULT_ITERATIONS));
    }

    /**
     * Parses the stored form. The message says which part is wrong and never echoes the value (it would land in
     * logs next to the terminal's address).
     */
    public static PinHash parse(String encoded) {
        String form = "expected " + SCHEME + "$ITERATIONS$SALT$HASH as printed by PinHash";
        if (encoded == null || encoded.isBlank()) {
            throw new IllegalArgumentException("empty; " + form);
        }
        String[] parts = encoded.trim().split("\\$", -1);
        if (parts.length != 4) {
            throw new IllegalArgumentException("has " + parts.length + " part(s) separated by '$', not 4; " + form);
        }
        if (!parts[0].equals(SCHEME)) {
            throw new IllegalArgumentException("unsupported scheme (only " + SCHEME + "); " + form);
        }
        int iterations;
        try {
            iterations = Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("iterations is not a whole number; " + form);
        }
        if (iterations < MIN_ITERATIONS || iterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException("iterations must be between " + MIN_ITERATIONS + " and "
                    + MAX_ITERATIONS + ", got " + iterations + "; make a new hash with PinHash");
        }
        byte[] salt = base64(parts[2], "salt");
        byte[] hash = base64(parts[3], "hash");
        if (salt.length < 8) {
            throw new IllegalArgumentException("salt is " + salt.length + " bytes, at least 8 expected");
        }
        if (hash.length != HASH_BYTES) {
            throw new IllegalArgumentException("hash is " + hash.length + " bytes, " + HASH_BYTES + " expected");
        }
        return new PinHash(iterations, salt, hash);
    }

    private static byte[] base64(String part, String what) {
        try {
            return Base64.getDecoder().decode(part);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + " is not valid base64");
        }
    }

    /** The value for {@code maintenance.pin-hash}. */
    public String encoded() {
        Base64.Encoder b64 = Base64.getEncoder();
        return SCHEME + "$" + iterations + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(hash);
    }

    public int iterations() {
        return iterations;
    }

    /** Whether {@code pin} is this PIN; compares in constant time. The caller clears {@code pin}. */
    public boolean matches(char[] pin) {
        if (pin == null) {
            return false;
        }
        return MessageDigest.isEqual(hash, derive(pin, salt, iterations));
    }

    private static byte[] derive(char[] pin, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(pin, salt, iterations, HASH_BYTES * 8);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is part of every JDK", e);
        } finally {
            spec.clearPassword();
        }
    }

    /** Never shows salt or hash: this object ends up in logged config dumps. */
    @Override
    public String toString() {
        return "PinHash[" + SCHEME + ", iterations=" + iterations + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PinHash p && p.iterations == iterations && Arrays.equals(p.salt, salt)
                && Arrays.equals(p.hash, hash);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(hash);
    }

    /**
     * Prints {@code pin-hash: "..."} for a PIN of 6 to 12 digits: asked twice without echo on a terminal, or read as
     * one line from standard input ({@code echo 123456 | java -cp govkiosk-terminal.jar ...PinHash}).
     */
    public static void main(String[] args) throws IOException {
        char[] pin = readPin();
        if (pin == null) {
            System.exit(2);
            return;
        }
        try {
            System.out.println("pin-hash: \"" + hash(pin).encoded() + "\"");
        } finally {
            Arrays.fill(pin, '\0');
        }
    }

    private static char[] readPin() throws IOException {
        Console console = System.console();
        char[] pin;
        if (console != null) {
            pin = console.readPassword("Technician PIN (6-12 digits): ");
            char[] again = console.readPassword("Again: ");
            if (pin == null || !Arrays.equals(pin, again)) {
                System.err.println("The two PINs differ; nothing printed");
                return null;
            }
            Arrays.fill(again, '\0');
        } else {
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            pin = line == null ? new char[0] : line.trim().toCharArray();
        }
        if (!isValidPin(pin)) {
            System.err.println("Give a PIN of 6 to 12 digits (the maintenance pad has digits only)");
            Arrays.fill(pin, '\0');
            return null;
        }
        return pin;
    }

    static boolean isValidPin(char[] pin) {
        if (pin.length < 6 || pin.length > 12) {
            return false;
        }
        for (char c : pin) {
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
