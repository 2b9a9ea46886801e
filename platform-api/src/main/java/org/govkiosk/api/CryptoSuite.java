package org.govkiosk.api;

/**
 * The cryptography a deployment runs on, chosen in its configuration ({@code crypto-suite}). The default keeps
 * the algorithms and the wire format of before; {@code sm} is the national suite GB/T 39786 asks of government
 * systems where the province requires it.
 */
public enum CryptoSuite {

    /** Ed25519 signatures, SHA-256, AES-256-GCM for data at rest, HMAC-SHA256 for the audit chain. */
    ED25519_AES("ed25519-aes", SignatureAlgorithm.ED25519),
    /** SM2-with-SM3 signatures, SM3, SM4-GCM for data at rest, HMAC-SM3 for the audit chain ({@link SmCrypto}). */
    SM("sm", SignatureAlgorithm.SM2_SM3);

    private final String configName;
    private final SignatureAlgorithm signatures;

    CryptoSuite(String configName, SignatureAlgorithm signatures) {
        this.configName = configName;
        this.signatures = signatures;
    }

    /** The value in configuration files. */
    public String configName() {
        return configName;
    }

    /** How this suite signs requests and receipts. */
    public SignatureAlgorithm signatures() {
        return signatures;
    }

    /**
     * The suite a configuration value names.
     *
     * @throws IllegalArgumentException naming the value and the known ones
     */
    public static CryptoSuite parse(String value) {
        for (CryptoSuite s : values()) {
            if (s.configName.equals(value == null ? null : value.strip())) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown crypto suite '" + value + "': expected " + names());
    }

    /** The suite whose signatures a key makes (a key store's or a platform's key tells which suite it was made for). */
    public static CryptoSuite ofSignatures(SignatureAlgorithm algorithm) {
        return algorithm == SignatureAlgorithm.SM2_SM3 ? SM : ED25519_AES;
    }

    /** "ed25519-aes or sm", for messages. */
    public static String names() {
        return ED25519_AES.configName + " or " + SM.configName;
    }
}
