package org.govkiosk.platform.staff;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.Semaphore;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Staff passwords, hashed with Argon2id (RFC 9106) from BouncyCastle, which the platform already carries for the SM
 * suite. Argon2id rather than the JDK's PBKDF2: it is memory-hard, so a stolen table costs a GPU farm as much memory
 * per guess as it costs us, and it is the first choice of OWASP's password storage guidance. Parameters: OWASP's
 * 19 MiB, 2 passes, 1 lane, a random 16-byte salt per hash, a 32-byte tag, all kept in the PHC string
 * {@code $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>} so that stronger parameters later still check the old hashes.
 * Comparison is constant-time; at most two hashes run at once (each takes its 19 MiB), so a burst of sign-ins
 * queues instead of exhausting the heap.
 */
public final class PasswordHash {

    public static final int MEMORY_KIB = 19_456;
    public static final int PASSES = 2;
    public static final int LANES = 1;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    /** Bounds on parameters read from the table: a tampered row must not make a sign-in take a gigabyte. */
    private static final int MAX_MEMORY_KIB = 262_144;
    private static final int MAX_PASSES = 10;
    private static final int MAX_LANES = 4;

    private static final Semaphore AT_ONCE = new Semaphore(2, true);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getDecoder();

    /** A hash of a password no account has, checked when the login is unknown so that timing tells nothing. */
    private static final String DUMMY = hash("not-a-password-of-anyone".toCharArray());

    private PasswordHash() {
    }

    /** The PHC string of {@code password} with a fresh salt and the current parameters. */
    public static String hash(char[] password) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        byte[] tag = argon2(password, salt, MEMORY_KIB, PASSES, LANES, HASH_BYTES);
        return "$argon2id$v=19$m=" + MEMORY_KIB + ",t=" + PASSES + ",p=" + LANES + "$" + B64.encodeToString(salt)
                + "$" + B64.encodeToString(tag);
    }

    /** Whether {@code password} is the one of {@code stored}; false for anything that is not one of our hashes. */
    public static boolean verify(char[] password, String stored) {
        Parsed p = parse(stored);
        if (p == null) {
            return false;
        }
        byte[] tag = argon2(password, p.salt, p.memory, p.passes, p.lanes, p.hash.length);
        return MessageDigest.isEqual(tag, p.hash);
    }

    /** Spends the time of one check for an unknown account. */
    public static void verifyNothing(char[] password) {
        verify(password, DUMMY);
    }

    /** Whether {@code stored} was made with weaker parameters than today's (re-hash it at the next sign-in). */
    public static boolean outdated(String stored) {
        Parsed p = parse(stored);
        return p == null || p.memory < MEMORY_KIB || p.passes < PASSES;
    }

    /** The parameters of a stored hash, e.g. {@code m=19456,t=2,p=1}; for tests and the operator. */
    public static String parameters(String stored) {
        Parsed p = parse(stored);
        return p == null ? "" : "m=" + p.memory + ",t=" + p.passes + ",p=" + p.lanes;
    }

    private record Parsed(int memory, int passes, int lanes, byte[] salt, byte[] hash) {
    }

    private static Parsed parse(String stored) {
        if (stored == null) {
            return null;
        }
        String[] parts = stored.split("\\$", -1);
        // "", "argon2id", "v=19", "m=..,t=..,p=..", salt, hash
        if (parts.length != 6 || !parts[1].equals("argon2id") || !parts[2].equals("v=19")) {
            return null;
        }
        int m = -1;
        int t = -1;
        int p = -1;
        for (String kv : parts[3].split(",")) {
            String[] pair = kv.split("=", 2);
            if (pair.length != 2) {
                return null;
            }
            int v;
            try {
                v = Integer.parseInt(pair[1]);
            } catch (NumberFormatException e) {
                return null;
            }
            switch (pair[0]) {
                case "m" -> m = v;
                case "t" -> t = v;
                case "p" -> p = v;
                default -> {
                    return null;
                }
            }
        }
        if (m < 8 || m > MAX_MEMORY_KIB || t < 1 || t > MAX_PASSES || p < 1 || p > MAX_LANES) {
            return null;
        }
        try {
            byte[] salt = B64D.decode(parts[4]);
            byte[] hash = B64D.decode(parts[5]);
            if (salt.length < 8 || hash.length < 16 || hash.length > 64) {
                return null;
            }
            return new Parsed(m, t, p, salt, hash);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static byte[] argon2(char[] password, byte[] salt, int memoryKib, int passes, int lanes, int length) {
        Argon2Parameters params = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13).withMemoryAsKB(memoryKib).withIterations(passes)
                .withParallelism(lanes).withSalt(salt).build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(params);
        byte[] out = new byte[length];
        java.nio.ByteBuffer encoded = StandardCharsets.UTF_8.encode(java.nio.CharBuffer.wrap(password));
        byte[] exact = new byte[encoded.remaining()];
        encoded.get(exact);
        if (encoded.hasArray()) {
            Arrays.fill(encoded.array(), (byte) 0);
        }
        AT_ONCE.acquireUninterruptibly();
        try {
            generator.generateBytes(exact, out);
        } finally {
            AT_ONCE.release();
            Arrays.fill(exact, (byte) 0);
        }
        return out;
    }
}
