package org.govkiosk.print.verify;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;

/**
 * Makes a certificate signing key pair for a hall:
 * {@code java -cp govkiosk-terminal.jar org.govkiosk.print.verify.SigningKeyTool DIR [ed25519|p256]} writes
 * {@code cert-signing.key} (private, mode 600) and {@code cert-signing.pub} into DIR.
 */
public final class SigningKeyTool {

    private SigningKeyTool() {
    }

    public static void main(String[] args) throws IOException, GeneralSecurityException {
        if (args.length < 1) {
            System.err.println("usage: SigningKeyTool DIR [ed25519|p256]");
            System.exit(64);
        }
        KeyPair pair = generate(args.length > 1 ? args[1] : "ed25519");
        Path dir = Files.createDirectories(Path.of(args[0]));
        Path priv = dir.resolve("cert-signing.key");
        try {
            // created private before a byte is written; never overwrites a key already in use
            Files.createFile(priv, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(priv);
            System.err.println("restrict access to " + priv + " yourself: this file system has no POSIX modes");
        }
        Files.writeString(priv, KeyFiles.toPem(pair.getPrivate()));
        Files.writeString(dir.resolve("cert-signing.pub"), KeyFiles.toPem(pair.getPublic()));
        System.out.println("wrote " + priv + " and " + dir.resolve("cert-signing.pub"));
    }

    public static KeyPair generate(String algorithm) throws GeneralSecurityException {
        if (algorithm.equalsIgnoreCase("p256")) {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"));
            return g.generateKeyPair();
        }
        if (algorithm.equalsIgnoreCase("ed25519")) {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        }
        throw new IllegalArgumentException("algorithm must be ed25519 or p256");
    }
}
