package org.govkiosk.api;

import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.util.HexFormat;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;

/**
 * How requests and receipts are signed, and which digest of a body goes into the signed bytes. A key says which
 * algorithm it is for ({@link #of(Key)}), and the name travels in {@link SignatureHeaders#ALGORITHM} and
 * {@link ReceiptHeaders#ALGORITHM}, so a verifier never guesses: a signature claiming another algorithm than the
 * key it must be checked with is refused, with both names in the message.
 */
public enum SignatureAlgorithm {

    /** The default: Ed25519 (RFC 8032) from the JDK, SHA-256 of bodies. No algorithm header (the wire of before). */
    ED25519("Ed25519", "GOVKIOSK-ED25519-V1", "GOVKIOSK-RECEIPT-ED25519-V1") {
        @Override
        byte[] sign(PrivateKey key, byte[] message) {
            try {
                Signature signature = Signature.getInstance("Ed25519");
                signature.initSign(key);
                signature.update(message);
                return signature.sign();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("cannot sign with an Ed25519 key", e);
            }
        }

        @Override
        boolean holds(PublicKey key, byte[] message, byte[] signatureBytes) {
            try {
                Signature verifier = Signature.getInstance("Ed25519");
                verifier.initVerify(key);
                verifier.update(message);
                return verifier.verify(signatureBytes);
            } catch (GeneralSecurityException e) {
                // A malformed signature (wrong length) or a key of another kind is a signature that does not hold.
                return false;
            }
        }

        @Override
        public String digestHex(byte[] body) {
            try {
                return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("SHA-256 is in every JDK", e);
            }
        }

        @Override
        public KeyPair generate() {
            return TerminalKeys.generate();
        }
    },

    /** GB/T 39786 deployments: SM2 with SM3 (user ID 1234567812345678), SM3 of bodies; see {@link SmCrypto}. */
    SM2_SM3("SM2-SM3", "GOVKIOSK-SM2-SM3-V1", "GOVKIOSK-RECEIPT-SM2-SM3-V1") {
        @Override
        byte[] sign(PrivateKey key, byte[] message) {
            return SmCrypto.sm2Sign(key, message, new SecureRandom());
        }

        @Override
        boolean holds(PublicKey key, byte[] message, byte[] signatureBytes) {
            return SmCrypto.sm2Holds(key, message, signatureBytes);
        }

        @Override
        public String digestHex(byte[] body) {
            return HexFormat.of().formatHex(SmCrypto.sm3(body));
        }

        @Override
        public KeyPair generate() {
            return SmCrypto.generateSm2();
        }
    };

    /** RFC 8410's OID of Ed25519 keys. */
    static final ASN1ObjectIdentifier ED25519_OID = new ASN1ObjectIdentifier("1.3.101.112");

    private final String wireName;
    private final String requestScheme;
    private final String receiptScheme;

    SignatureAlgorithm(String wireName, String requestScheme, String receiptScheme) {
        this.wireName = wireName;
        this.requestScheme = requestScheme;
        this.receiptScheme = receiptScheme;
    }

    abstract byte[] sign(PrivateKey key, byte[] message);

    abstract boolean holds(PublicKey key, byte[] message, byte[] signatureBytes);

    /**
     * A detached signature of {@code message} as it stands (no scheme line, no digest): for documents signed outside
     * the request/receipt wire, such as a certificate's verification code.
     */
    public byte[] signDetached(PrivateKey key, byte[] message) {
        return sign(key, message);
    }

    /** Whether a {@link #signDetached} signature holds; false for a malformed signature or a key of another kind. */
    public boolean holdsDetached(PublicKey key, byte[] message, byte[] signatureBytes) {
        return holds(key, message, signatureBytes);
    }

    /** Lower-case hex digest of a body, as it stands in the signed bytes. */
    public abstract String digestHex(byte[] body);

    /** A fresh key pair for this algorithm. */
    public abstract KeyPair generate();

    /** The name in the algorithm headers: {@code Ed25519} or {@code SM2-SM3}. */
    public String wireName() {
        return wireName;
    }

    /** The first line of a request's signed bytes; differs per algorithm so no signature is read under another. */
    String requestScheme() {
        return requestScheme;
    }

    String receiptScheme() {
        return receiptScheme;
    }

    /** The algorithm named in a header; an absent header is Ed25519 (terminals and platforms of before). */
    public static Optional<SignatureAlgorithm> fromHeader(String value) {
        if (value == null || value.isBlank()) {
            return Optional.of(ED25519);
        }
        for (SignatureAlgorithm a : values()) {
            if (a.wireName.equalsIgnoreCase(value.strip())) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    /**
     * The algorithm a key is for, read from its own encoding: Ed25519, or EC on the curve sm2p256v1 (SM2). An EC key
     * on another curve (P-256, say) is neither.
     *
     * @throws IllegalArgumentException for any other key
     */
    public static SignatureAlgorithm of(Key key) {
        if (key instanceof java.security.interfaces.EdECKey ed && "Ed25519".equals(ed.getParams().getName())) {
            return ED25519; // the JDK's own keys: no need to parse the encoding (the verifier asks on every request)
        }
        byte[] encoded = key.getEncoded();
        if (encoded == null) {
            throw new IllegalArgumentException("a " + key.getAlgorithm() + " key without an encoding");
        }
        AlgorithmIdentifier id;
        try {
            id = key instanceof PrivateKey ? PrivateKeyInfo.getInstance(encoded).getPrivateKeyAlgorithm()
                    : SubjectPublicKeyInfo.getInstance(encoded).getAlgorithm();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not an X.509 or PKCS#8 key encoding", e);
        }
        return ofAlgorithm(id).orElseThrow(() -> new IllegalArgumentException("a key of algorithm "
                + id.getAlgorithm().getId() + (id.getParameters() == null ? "" : " (" + id.getParameters() + ")")
                + ": only Ed25519 and SM2 (curve sm2p256v1) keys sign here"));
    }

    static Optional<SignatureAlgorithm> ofAlgorithm(AlgorithmIdentifier id) {
        if (ED25519_OID.equals(id.getAlgorithm())) {
            return Optional.of(ED25519);
        }
        // SM2 keys are EC keys (id-ecPublicKey) named by the curve sm2p256v1, as BC and OpenSSL 3 write them.
        boolean ec = X9ObjectIdentifiers.id_ecPublicKey.equals(id.getAlgorithm());
        if (ec && id.getParameters() != null && SmCrypto.sm2CurveOid().equals(id.getParameters().toString())) {
            return Optional.of(SM2_SM3);
        }
        return Optional.empty();
    }
}
