package org.govkiosk.api;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * Signing keys of terminals (and of the platform's receipts) and their text forms (base64 of X.509 for public,
 * PKCS#8 for private keys): Ed25519 by default, SM2 (curve sm2p256v1) for {@link CryptoSuite#SM}. A decoded key
 * is of the algorithm its own encoding names, so a platform verifies an SM2 terminal with SM2 without being told.
 */
public final class TerminalKeys {

    public static final String ALGORITHM = "Ed25519";

    private TerminalKeys() {
    }

    public static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK has no Ed25519", e);
        }
    }

    public static String encodePublic(PublicKey key) {
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }

    /** A fresh key pair of the suite's signature algorithm. */
    public static KeyPair generate(CryptoSuite suite) {
        return suite.signatures().generate();
    }

    /** @throws IllegalArgumentException if the text is not base64 of an Ed25519 or SM2 public key */
    public static PublicKey decodePublic(String base64) {
        try {
            return decodePublic(Base64.getDecoder().decode(base64.strip()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a base64 X.509 Ed25519 or SM2 public key", e);
        }
    }

    /** @throws IllegalArgumentException if the bytes are not the X.509 encoding of an Ed25519 or SM2 public key */
    public static PublicKey decodePublic(byte[] der) {
        try {
            SignatureAlgorithm algorithm = SignatureAlgorithm.ofAlgorithm(
                    org.bouncycastle.asn1.x509.SubjectPublicKeyInfo.getInstance(der).getAlgorithm())
                    .orElseThrow(() -> new IllegalArgumentException("neither an Ed25519 nor an SM2 key"));
            return algorithm == SignatureAlgorithm.SM2_SM3 ? SmCrypto.sm2Public(der)
                    : KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(der));
        } catch (RuntimeException | GeneralSecurityException e) {
            throw new IllegalArgumentException("not an X.509 Ed25519 or SM2 public key", e);
        }
    }

    /**
     * A short name of a public key for logs and screens: the first 16 hex digits of the SHA-256 of its X.509
     * encoding. Says which key, proves nothing.
     */
    public static String keyId(PublicKey key) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
            return java.util.HexFormat.of().formatHex(digest, 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String encodePrivate(PrivateKey key) {
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }

    /** @throws IllegalArgumentException if the text is not base64 of a PKCS#8 Ed25519 or SM2 private key */
    public static PrivateKey decodePrivate(String base64) {
        try {
            return decodePrivate(Base64.getDecoder().decode(base64.strip()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a base64 PKCS#8 Ed25519 or SM2 private key", e);
        }
    }

    /** @throws IllegalArgumentException if the bytes are not the PKCS#8 encoding of an Ed25519 or SM2 private key */
    public static PrivateKey decodePrivate(byte[] der) {
        try {
            SignatureAlgorithm algorithm = SignatureAlgorithm.ofAlgorithm(
                    org.bouncycastle.asn1.pkcs.PrivateKeyInfo.getInstance(der).getPrivateKeyAlgorithm())
                    .orElseThrow(() -> new IllegalArgumentException("neither an Ed25519 nor an SM2 key"));
            return algorithm == SignatureAlgorithm.SM2_SM3 ? SmCrypto.sm2Private(der)
                    : KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (RuntimeException | GeneralSecurityException e) {
            throw new IllegalArgumentException("not a PKCS#8 Ed25519 or SM2 private key", e);
        }
    }
}
