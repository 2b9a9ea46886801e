package org.govkiosk.print.verify;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.time.DateTimeException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.govkiosk.print.data.MaskedText;
import org.govkiosk.print.verify.VerificationResult.Invalid;
import org.govkiosk.print.verify.VerificationResult.Reason;

/**
 * Checks a scanned certificate code offline against the public keys the hall trusts, by key id. Anything
 * that does not verify exactly (a changed field, another key, a cut-off signature) is {@link Invalid}.
 */
public final class CertificateVerifier {

    private final Map<String, PublicKey> keys;

    public CertificateVerifier(Map<String, PublicKey> keysById) {
        keysById.values().forEach(SignatureAlgorithm::of);
        this.keys = Map.copyOf(keysById);
    }

    /** Public keys from X.509 PEM or base64 files, by key id ({@code print.certificate-verification}). */
    public static CertificateVerifier fromFiles(Map<String, Path> publicKeyFiles) {
        Map<String, PublicKey> keys = new LinkedHashMap<>();
        publicKeyFiles.forEach((id, file) -> keys.put(id, KeyFiles.readPublicKey(file)));
        return new CertificateVerifier(keys);
    }

    public VerificationResult verify(String scanned) {
        if (scanned == null) {
            return new Invalid(Reason.MALFORMED, "no code");
        }
        String code = scanned.strip();
        String[] f = code.split("\\|", -1);
        if (f.length != PayloadFormat.FIELDS || !f[0].equals(PayloadFormat.VERSION)) {
            return new Invalid(Reason.MALFORMED, "not a " + PayloadFormat.VERSION + " certificate code");
        }
        PublicKey key = keys.get(f[6]);
        if (key == null) {
            return new Invalid(Reason.UNKNOWN_KEY, "key " + f[6] + " is not trusted here");
        }
        byte[] signature;
        try {
            signature = Base64.getUrlDecoder().decode(f[7]);
        } catch (IllegalArgumentException e) {
            return new Invalid(Reason.MALFORMED, "signature is not base64url");
        }
        if (signature.length != SignatureAlgorithm.SIGNATURE_BYTES) {
            return new Invalid(Reason.BAD_SIGNATURE, "signature has " + signature.length + " bytes, expected "
                    + SignatureAlgorithm.SIGNATURE_BYTES);
        }
        String body = code.substring(0, code.lastIndexOf('|'));
        try {
            Signature s = Signature.getInstance(SignatureAlgorithm.of(key).jcaName());
            s.initVerify(key);
            s.update(body.getBytes(StandardCharsets.UTF_8));
            if (!s.verify(signature)) {
                return new Invalid(Reason.BAD_SIGNATURE, "signature does not match the fields");
            }
        } catch (GeneralSecurityException e) {
            return new Invalid(Reason.BAD_SIGNATURE, "signature cannot be checked: " + e.getMessage());
        }
        try {
            // only a verified body is parsed into values
            return new VerificationResult.Valid(new CertificatePayload(f[1], f[2], f[3], MaskedText.idNumber(f[4]),
                    PayloadFormat.date(f[5])), f[6]);
        } catch (IllegalArgumentException | DateTimeException e) {
            return new Invalid(Reason.MALFORMED, "signed fields are not a certificate: " + e.getMessage());
        }
    }
}
