package org.govkiosk.print.verify;

import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.interfaces.ECKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;

/**
 * The two JDK signature schemes accepted for certificates. Both give 64-byte signatures (ECDSA in the
 * fixed-size r||s form), which keeps the QR code small.
 */
enum SignatureAlgorithm {
    ED25519("Ed25519"),
    ECDSA_P256("SHA256withECDSAinP1363Format");

    static final int SIGNATURE_BYTES = 64;

    private final String jcaName;

    SignatureAlgorithm(String jcaName) {
        this.jcaName = jcaName;
    }

    String jcaName() {
        return jcaName;
    }

    static SignatureAlgorithm of(Key key) {
        String alg = key.getAlgorithm();
        if (alg.equals("EdDSA") || alg.equals("Ed25519")) {
            return ED25519;
        }
        if (alg.equals("EC") && key instanceof ECKey ec && isP256(ec.getParams())) {
            return ECDSA_P256;
        }
        throw new SigningKeyException("key algorithm " + alg + " is not supported: use Ed25519 or EC P-256");
    }

    private static boolean isP256(ECParameterSpec params) {
        try {
            AlgorithmParameters p = AlgorithmParameters.getInstance("EC");
            p.init(new ECGenParameterSpec("secp256r1"));
            ECParameterSpec p256 = p.getParameterSpec(ECParameterSpec.class);
            return p256.getCurve().equals(params.getCurve()) && p256.getOrder().equals(params.getOrder())
                    && p256.getGenerator().equals(params.getGenerator());
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
