package org.govkiosk.print.verify;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Base64;
import java.util.Objects;

/**
 * Signs certificate payloads for their verification QR code. The private key is read from a file named in
 * configuration and never ships with the repository; {@code keyId} tells verifiers which public key to use, so
 * keys can be rotated without invalidating paper already issued.
 */
public final class CertificateSigner {

    private final String keyId;
    private final PrivateKey key;
    private final SignatureAlgorithm algorithm;

    public CertificateSigner(String keyId, PrivateKey key) {
        CertificatePayload.requireCode(keyId, "keyId");
        this.keyId = keyId;
        this.key = Objects.requireNonNull(key, "key");
        this.algorithm = SignatureAlgorithm.of(key);
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
        try {
            Signature s = Signature.getInstance(algorithm.jcaName());
            s.initSign(key);
            s.update(body.getBytes(StandardCharsets.UTF_8));
            return body + "|" + Base64.getUrlEncoder().withoutPadding().encodeToString(s.sign());
        } catch (GeneralSecurityException e) {
            throw new SigningKeyException("cannot sign with key " + keyId + ": " + e.getMessage(), e);
        }
    }
}
