package org.govkiosk.app.outbox;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import org.govkiosk.api.SmCrypto;

/**
 * Authenticated encryption of payloads at rest, with the cipher of the terminal's data key. AES-GCM (the default
 * suite) stores {@code IV (12 bytes) || ciphertext || tag (16 bytes)}, as it always did. SM4-GCM (the SM suite)
 * stores {@code "SM4G" || IV || ciphertext || tag} and binds the cipher's name into the associated data, so a
 * payload says which cipher sealed it and a terminal holding the other suite's key refuses it by name instead of
 * reporting it altered. Either way the entry's kind and idempotency key are bound in as associated data, so a payload
 * copied onto another row fails to decrypt instead of being sent under the wrong key.
 */
public final class PayloadCipher {

    /** The marker an SM4-GCM payload begins with. */
    static final byte[] SM4_MARKER = "SM4G".getBytes(StandardCharsets.US_ASCII);
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKey key;
    private final boolean sm4;
    private final SecureRandom random = new SecureRandom();

    /** @param key an AES key, or an SM4 key (algorithm "SM4", 16 bytes) */
    public PayloadCipher(SecretKey key) {
        this.key = Objects.requireNonNull(key, "key");
        this.sm4 = key.getAlgorithm().equals("SM4");
        if (sm4 && key.getEncoded().length != SmCrypto.SM4_KEY_BYTES) {
            throw new IllegalArgumentException("an SM4 key has 16 bytes, not " + key.getEncoded().length);
        }
    }

    /** {@code SM4-GCM} or {@code AES-GCM}. */
    public String cipherName() {
        return sm4 ? "SM4-GCM" : "AES-GCM";
    }

    public byte[] encrypt(byte[] plaintext, EntryKind kind, String idempotencyKey) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        if (sm4) {
            byte[] sealed = SmCrypto.sm4GcmSeal(key.getEncoded(), iv, aad(kind, idempotencyKey), plaintext);
            return ByteBuffer.allocate(SM4_MARKER.length + IV_BYTES + sealed.length).put(SM4_MARKER).put(iv)
                    .put(sealed).array();
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(aad(kind, idempotencyKey));
            byte[] sealed = cipher.doFinal(plaintext);
            return ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /**
     * @throws GeneralSecurityException when the data was altered, belongs to another entry or another key, or was
     *         sealed with the other suite's cipher (the message says so)
     */
    public byte[] decrypt(byte[] stored, EntryKind kind, String idempotencyKey) throws GeneralSecurityException {
        if (sm4) {
            if (!markedSm4(stored)) {
                throw new GeneralSecurityException("the stored payload is not SM4-GCM (no SM4-GCM marker; sealed"
                        + " with AES-GCM under crypto-suite ed25519-aes?) but this terminal's data key is SM4");
            }
            int offset = SM4_MARKER.length;
            if (stored.length < offset + IV_BYTES + TAG_BITS / 8) {
                throw new GeneralSecurityException("stored payload too short: " + stored.length + " bytes");
            }
            byte[] iv = Arrays.copyOfRange(stored, offset, offset + IV_BYTES);
            return SmCrypto.sm4GcmOpen(key.getEncoded(), iv, aad(kind, idempotencyKey), stored,
                    offset + IV_BYTES, stored.length - offset - IV_BYTES);
        }
        if (stored.length < IV_BYTES + TAG_BITS / 8) {
            throw new GeneralSecurityException("stored payload too short: " + stored.length + " bytes");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, stored, 0, IV_BYTES));
            cipher.updateAAD(aad(kind, idempotencyKey));
            return cipher.doFinal(stored, IV_BYTES, stored.length - IV_BYTES);
        } catch (GeneralSecurityException e) {
            // An AES IV begins with the marker once in 2^32: only a failure is blamed on the other cipher.
            if (markedSm4(stored)) {
                throw new GeneralSecurityException("the stored payload is marked SM4-GCM (crypto-suite sm) but this"
                        + " terminal's data key is AES", e);
            }
            throw e;
        }
    }

    /** Whether a stored payload carries the SM4-GCM marker. */
    static boolean markedSm4(byte[] stored) {
        return stored.length >= SM4_MARKER.length
                && Arrays.equals(stored, 0, SM4_MARKER.length, SM4_MARKER, 0, SM4_MARKER.length);
    }

    private byte[] aad(EntryKind kind, String idempotencyKey) {
        // The SM suite binds its cipher's name too; AES-GCM's associated data stays as it was.
        String bound = (sm4 ? "SM4-GCM:" : "") + kind.name() + ':' + idempotencyKey;
        return bound.getBytes(StandardCharsets.UTF_8);
    }
}
