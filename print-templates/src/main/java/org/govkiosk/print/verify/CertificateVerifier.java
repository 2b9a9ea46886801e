package org.govkiosk.print.verify;

import java.net.URLDecoder;
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

    /** Whether a signature holds for the payload's UTF-8 bytes under one key; false for anything malformed. */
    @FunctionalInterface
    public interface SignatureCheck {
        boolean holds(byte[] body, byte[] signature);
    }

    private final Map<String, SignatureCheck> keys;

    /** Ed25519 or EC P-256 keys from the JDK, by key id. */
    public CertificateVerifier(Map<String, PublicKey> keysById) {
        Map<String, SignatureCheck> checks = new LinkedHashMap<>();
        keysById.forEach((id, key) -> checks.put(id, jdk(key, SignatureAlgorithm.of(key))));
        this.keys = Map.copyOf(checks);
    }

    private CertificateVerifier(Map<String, SignatureCheck> checks, Void checksGiven) {
        this.keys = Map.copyOf(checks);
    }

    /** Keys of any scheme, as checks by key id (SM2 with SM3 for the national cryptography suite, say). */
    public static CertificateVerifier withChecks(Map<String, SignatureCheck> checksById) {
        return new CertificateVerifier(checksById, (Void) null);
    }

    private static SignatureCheck jdk(PublicKey key, SignatureAlgorithm algorithm) {
        return (body, signature) -> {
            if (signature.length != SignatureAlgorithm.SIGNATURE_BYTES) {
                return false;
            }
            try {
                Signature s = Signature.getInstance(algorithm.jcaName());
                s.initVerify(key);
                s.update(body);
                return s.verify(signature);
            } catch (GeneralSecurityException | RuntimeException e) {
                return false;
            }
        };
    }

    /**
     * The code itself from what a phone or scanner read: the code, or the verification link that carries it in
     * its {@code p} query parameter (what the platform prints, so a phone opens the verification page).
     */
    public static String codeOf(String scanned) {
        String text = scanned.strip();
        int q = text.indexOf('?');
        if (q < 0 || !(text.startsWith("https://") || text.startsWith("http://"))) {
            return text;
        }
        for (String param : text.substring(q + 1).split("&")) {
            if (param.startsWith("p=")) {
                try {
                    return URLDecoder.decode(param.substring(2), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    return text;
                }
            }
        }
        return text;
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
        if (scanned.length() > 4 * PayloadFormat.MAX_CODE_CHARS) {
            return new Invalid(Reason.MALFORMED, "too long for a certificate code");
        }
        String code = codeOf(scanned);
        if (code.length() > PayloadFormat.MAX_CODE_CHARS) {
            return new Invalid(Reason.MALFORMED, "too long for a certificate code");
        }
        String[] f = code.split("\\|", -1);
        if (f.length != PayloadFormat.FIELDS || !f[0].equals(PayloadFormat.VERSION)) {
            return new Invalid(Reason.MALFORMED, "not a " + PayloadFormat.VERSION + " certificate code");
        }
        SignatureCheck key = keys.get(f[6]);
        if (key == null) {
            return new Invalid(Reason.UNKNOWN_KEY, "key " + f[6] + " is not trusted here");
        }
        byte[] signature;
        try {
            signature = Base64.getUrlDecoder().decode(f[7]);
        } catch (IllegalArgumentException e) {
            return new Invalid(Reason.MALFORMED, "signature is not base64url");
        }
        if (signature.length == 0 || signature.length > PayloadFormat.MAX_SIGNATURE_BYTES) {
            return new Invalid(Reason.BAD_SIGNATURE, "signature has " + signature.length + " bytes");
        }
        String body = code.substring(0, code.lastIndexOf('|'));
        if (!key.holds(body.getBytes(StandardCharsets.UTF_8), signature)) {
            return new Invalid(Reason.BAD_SIGNATURE, "signature does not match the fields");
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
