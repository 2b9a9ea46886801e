package org.govkiosk.api;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.nio.charset.StandardCharsets;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.jcajce.spec.SM2ParameterSpec;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * The Chinese national algorithms (商用密码) of the {@link CryptoSuite#SM} suite, all through Bouncy Castle: SM2
 * signatures with SM3 (GB/T 32918.2, user ID {@value #DEFAULT_USER_ID} as GM/T 0009 recommends), SM3 digests
 * (GB/T 32905), HMAC-SM3 and SM4-GCM (GB/T 32907 in the GCM mode of RFC 8998). Nothing here is hand-written.
 *
 * <p>The provider is an instance of our own, not registered with {@link java.security.Security}, so nothing else in
 * the process changes its algorithm choices. Signatures and keys go through it; SM3, HMAC-SM3 and SM4-GCM use BC's
 * lightweight classes, which need no JCE provider signature (the terminal's shaded jar drops BC's jar signature).
 */
public final class SmCrypto {

    /** The SM2 signer's user ID (Z_A input): GM/T 0009's default, what other SM2 implementations use unless told. */
    public static final String DEFAULT_USER_ID = "1234567812345678";
    /** Bytes of an SM4 key. */
    public static final int SM4_KEY_BYTES = 16;
    static final int GCM_TAG_BITS = 128;

    private static final Provider BC = new BouncyCastleProvider();

    private SmCrypto() {
    }

    /** SM3 of {@code data} (32 bytes). */
    public static byte[] sm3(byte[] data) {
        SM3Digest digest = new SM3Digest();
        digest.update(data, 0, data.length);
        byte[] out = new byte[digest.getDigestSize()];
        digest.doFinal(out, 0);
        return out;
    }

    /** HMAC (RFC 2104) with SM3 of {@code data} under {@code key} (32 bytes). */
    public static byte[] hmacSm3(byte[] key, byte[] data) {
        HMac mac = new HMac(new SM3Digest());
        mac.init(new KeyParameter(key));
        mac.update(data, 0, data.length);
        byte[] out = new byte[mac.getMacSize()];
        mac.doFinal(out, 0);
        return out;
    }

    /** SM4-GCM: ciphertext followed by the 16-byte tag. */
    public static byte[] sm4GcmSeal(byte[] key, byte[] iv, byte[] aad, byte[] plaintext) {
        try {
            return gcm(true, key, iv, aad, plaintext, 0, plaintext.length);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException("SM4-GCM encryption cannot fail on valid input", e);
        }
    }

    /**
     * Opens {@code sealed[offset, offset+length)} (ciphertext then tag).
     *
     * @throws GeneralSecurityException when the tag does not hold: altered data, other associated data or another key
     */
    public static byte[] sm4GcmOpen(byte[] key, byte[] iv, byte[] aad, byte[] sealed, int offset, int length)
            throws GeneralSecurityException {
        try {
            return gcm(false, key, iv, aad, sealed, offset, length);
        } catch (InvalidCipherTextException | IllegalArgumentException e) {
            throw new javax.crypto.AEADBadTagException("SM4-GCM: " + e.getMessage());
        }
    }

    private static byte[] gcm(boolean encrypt, byte[] key, byte[] iv, byte[] aad, byte[] in, int offset, int length)
            throws InvalidCipherTextException {
        if (key.length != SM4_KEY_BYTES) {
            throw new IllegalArgumentException("an SM4 key has 16 bytes, not " + key.length);
        }
        GCMBlockCipher gcm = new GCMBlockCipher(new SM4Engine());
        gcm.init(encrypt, new AEADParameters(new KeyParameter(key), GCM_TAG_BITS, iv, aad));
        byte[] out = new byte[gcm.getOutputSize(length)];
        int n = gcm.processBytes(in, offset, length, out, 0);
        n += gcm.doFinal(out, n);
        return n == out.length ? out : java.util.Arrays.copyOf(out, n);
    }

    /** A fresh SM2 key pair on the curve sm2p256v1 (GB/T 32918.5). */
    public static KeyPair generateSm2() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", BC);
            generator.initialize(new ECGenParameterSpec("sm2p256v1"), new SecureRandom());
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Bouncy Castle has no SM2", e);
        }
    }

    /** SM2-with-SM3 signature (DER sequence of r and s) under the default user ID. */
    static byte[] sm2Sign(PrivateKey key, byte[] message, SecureRandom random) {
        try {
            Signature signature = sm2Signature();
            signature.initSign(key, random);
            signature.update(message);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with an SM2 key", e);
        }
    }

    static boolean sm2Holds(PublicKey key, byte[] message, byte[] signatureBytes) {
        try {
            Signature verifier = sm2Signature();
            verifier.initVerify(key);
            verifier.update(message);
            return verifier.verify(signatureBytes);
        } catch (GeneralSecurityException | RuntimeException e) {
            // A malformed signature (not DER, r or s out of range) is a signature that does not hold.
            return false;
        }
    }

    private static Signature sm2Signature() throws GeneralSecurityException {
        Signature signature = Signature.getInstance("SM3withSM2", BC);
        signature.setParameter(new SM2ParameterSpec(DEFAULT_USER_ID.getBytes(StandardCharsets.US_ASCII)));
        return signature;
    }

    /** An SM2 public key from its X.509 (SubjectPublicKeyInfo) encoding on the curve sm2p256v1. */
    static PublicKey sm2Public(byte[] der) throws GeneralSecurityException {
        return KeyFactory.getInstance("EC", BC).generatePublic(new X509EncodedKeySpec(der));
    }

    /** An SM2 private key from its PKCS#8 encoding on the curve sm2p256v1. */
    static PrivateKey sm2Private(byte[] der) throws GeneralSecurityException {
        return KeyFactory.getInstance("EC", BC).generatePrivate(new PKCS8EncodedKeySpec(der));
    }

    /** The OID of the SM2 curve sm2p256v1 (1.2.156.10197.1.301), as it stands in key encodings. */
    static String sm2CurveOid() {
        return GMObjectIdentifiers.sm2p256v1.getId();
    }
}
