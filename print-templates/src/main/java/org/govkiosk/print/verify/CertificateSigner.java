package org.govkiosk.print.verify;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Base64;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Signs certificate payloads for their verification QR code. The private key is read from a file named in
 * configuration and never ships with the repository; {@code keyId} tells verifiers which public key to use, so
 * keys can be rotated without invalidating paper already issued.
 */
public final class CertificateSigner {

    private final String keyId;
    private final UnaryOperator<byte[]> signature;

    /** Ed25519 or EC P-256 from the JDK. */
    public CertificateSigner(String keyId, PrivateKey key) {
        this(keyId, jdk(keyId, Objects.requireNonNull(key, "key"), SignatureAlgorithm.of(key)));
    }

    private CertificateSigner(String keyId, UnaryOperator<byte[]> signature) {
        CertificatePayload.requireCode(keyId, "keyId");
        this.keyId = keyId;
        this.signature = Objects.requireNonNull(signature, "signature");
    }

    /**
     * A scheme the JDK does not have (SM2 with SM3, say, for the national cryptography suite): {@code signature}
     * signs the payload's UTF-8 bytes; its verifier gets the matching {@link CertificateVerifier.SignatureCheck}.
     */
    public static CertificateSigner using(String keyId, UnaryOperator<byte[]> signature) {
        return new CertificateSigner(keyId, signature);
    }

    private static UnaryOperator<byte[]> jdk(String keyId, PrivateKey key, SignatureAlgorithm algorithm) {
        return body -> {
            try {
                Signature s = Signature.getInstance(algorithm.jcaName());
                s.initSign(key);
                s.update(body);
                return s.sign();
            } catch (GeneralSecurityException e) {
                throw new SigningKeyException("cannot sign with key " + keyId + ": " + e.getMessage(), e);
            }
        };
    }

    /** The key from a PKCS#8 PEM or base64 file ({@code print.certificate-signing.private-key}). */
    public static CertificateSigner fromFile(String keyId, Path privateKeyFile) {
        return new CertificateSigner(keyId, KeyFiles.readPrivateKey(privateKeyFile));
    }

    public String keyId() {
        return keyId;
    }

    /** The text to put in the QR code. */
    public String sign(CertificatePayload payload) {
        String body = PayloadFormat.body(payload, keyId);
        byte[] signed = signature.apply(body.getBytes(StandardCharsets.UTF_8));
        if (signed == null || signed.length == 0 || signed.length > PayloadFormat.MAX_SIGNATURE_BYTES) {
            throw new SigningKeyException("key " + keyId + " made a signature of " + (signed == null ? 0
                    : signed.length) + " bytes; at most " + PayloadFormat.MAX_SIGNATURE_BYTES + " fit the code");
        }
        return body + "|" + Base64.getUrlEncoder().withoutPadding().encodeToString(signed);
    }
}
