package org.govkiosk.print.verify;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.KeySpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keys as files: PKCS#8 private keys and X.509 (SubjectPublicKeyInfo) public keys, either PEM (as written by
 * {@code openssl genpkey}) or the bare base64 of the DER bytes. Ed25519 or EC P-256.
 */
public final class KeyFiles {

    private static final Pattern PEM = Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----(.*?)-----END \\1-----",
            Pattern.DOTALL);
    private static final String[] ALGORITHMS = {"Ed25519", "EC"};

    private KeyFiles() {
    }

    public static PrivateKey readPrivateKey(Path file) {
        byte[] der = der(file, "PRIVATE KEY");
        return (PrivateKey) decode(file, der, PKCS8EncodedKeySpec::new, true);
    }

    public static PublicKey readPublicKey(Path file) {
        byte[] der = der(file, "PUBLIC KEY");
        return (PublicKey) decode(file, der, X509EncodedKeySpec::new, false);
    }

    /** PEM text of a key ("PRIVATE KEY" for PKCS#8, "PUBLIC KEY" for X.509), 64 characters a line. */
    public static String toPem(Key key) {
        String type = key instanceof PrivateKey ? "PRIVATE KEY" : "PUBLIC KEY";
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(key.getEncoded())
                + "\n-----END " + type + "-----\n";
    }

    private static byte[] der(Path file, String expected) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new SigningKeyException("cannot read key file " + file + ": " + e, e);
        }
        String base64 = text;
        Matcher m = PEM.matcher(text);
        if (m.find()) {
            String type = m.group(1);
            if (type.equals("EC PRIVATE KEY")) {
                throw new SigningKeyException(file + " is a SEC1 EC key; convert it to PKCS#8 with "
                        + "'openssl pkcs8 -topk8 -nocrypt -in " + file.getFileName() + "'");
            }
            if (!type.equals(expected)) {
                throw new SigningKeyException(file + " holds a " + type + ", expected " + expected
                        + (type.startsWith("ENCRYPTED") ? " (encrypted keys are not supported)" : ""));
            }
            base64 = m.group(2);
        }
        try {
            return Base64.getMimeDecoder().decode(base64.replaceAll("\\s", ""));
        } catch (IllegalArgumentException e) {
            throw new SigningKeyException(file + " is neither PEM nor base64: " + e.getMessage(), e);
        }
    }

    private static Key decode(Path file, byte[] der, Function<byte[], KeySpec> spec, boolean isPrivate) {
        for (String algorithm : ALGORITHMS) {
            try {
                KeyFactory f = KeyFactory.getInstance(algorithm);
                Key key = isPrivate ? f.generatePrivate(spec.apply(der)) : f.generatePublic(spec.apply(der));
                SignatureAlgorithm.of(key);
                return key;
            } catch (GeneralSecurityException | SigningKeyException e) {
                // try the next algorithm
            }
        }
        throw new SigningKeyException(file + " is not an Ed25519 or EC P-256 " + (isPrivate ? "PKCS#8 private"
                : "X.509 public") + " key");
    }
}
