package org.govkiosk.app.outbox;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Objects;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * AES-GCM for payloads at rest. The stored form is {@code IV (12 bytes) || ciphertext || tag (16 bytes)}. The
 * entry's kind and idempotency key are bound in as associated data, so a payload copied onto another row fails to
 * decrypt instead of being sent under the wrong key.
 */
public final class PayloadCipher {

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKey key;
    private final SecureRandom random = new SecureRandom();

    public PayloadCipher(SecretKey key) {
        this.key = Objects.requireNonNull(key, "key");
    }

    public byte[] encrypt(byte[] plaintext, EntryKind kind, String idempotencyKey) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
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

    /** @throws GeneralSecurityException when the data was altered, belongs to another entry or another key */
    public byte[] decrypt(byte[] stored, EntryKind kind, String idempotencyKey) throws GeneralSecurityException {
        if (stored.length < IV_BYTES + TAG_BITS / 8) {
            throw new GeneralSecurityException("stored payload too short: " + stored.length + " bytes");
        }
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, stored, 0, IV_BYTES));
        cipher.updateAAD(aad(kind, idempotencyKey));
        return cipher.doFinal(stored, IV_BYTES, stored.length - IV_BYTES);
    }

    private static byte[] aad(EntryKind kind, String idempotencyKey) {
        return (kind.name() + ':' + idempotencyKey).getBytes(StandardCharsets.UTF_8);
    }
}
