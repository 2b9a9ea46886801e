package org.govkiosk.api;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;

/** The one place that makes and checks Ed25519 signatures: terminals' requests and the platform's receipts. */
final class Ed25519Signatures {

    private Ed25519Signatures() {
    }

    static byte[] sign(PrivateKey key, byte[] canonical) {
        try {
            Signature signature = Signature.getInstance(TerminalKeys.ALGORITHM);
            signature.initSign(key);
            signature.update(canonical);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with an Ed25519 key", e);
        }
    }

    static boolean holds(PublicKey key, byte[] canonical, byte[] signatureBytes) {
        try {
            Signature verifier = Signature.getInstance(TerminalKeys.ALGORITHM);
            verifier.initVerify(key);
            verifier.update(canonical);
            return verifier.verify(signatureBytes);
        } catch (GeneralSecurityException e) {
            // A malformed signature (wrong length) or a key of another kind is simply a signature that does not hold.
            return false;
        }
    }
}
