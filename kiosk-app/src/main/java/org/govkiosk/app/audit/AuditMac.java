package org.govkiosk.app.audit;

import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.govkiosk.api.CryptoSuite;
import org.govkiosk.api.SmCrypto;

/**
 * The keyed MAC an audit chain is made with, chosen by the terminal's crypto suite. An HMAC-SM3 chain names its MAC
 * in every entry ({@code "mac":"hmac-sm3"}, covered by the MAC itself), so a verifier checking with another MAC
 * says so instead of reporting every line edited; HMAC-SHA256 entries name none, as they always did.
 */
public enum AuditMac {

    /** The default suite's, and the MAC of every chain written before SM existed. */
    HMAC_SHA256(null) {
        @Override
        String mac(byte[] key, byte[] data) {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(key, "HmacSHA256"));
                return HexFormat.of().formatHex(mac.doFinal(data));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 is in every JDK", e);
            }
        }
    },
    /** The SM suite's (HMAC with SM3, through Bouncy Castle). */
    HMAC_SM3("hmac-sm3") {
        @Override
        String mac(byte[] key, byte[] data) {
            return HexFormat.of().formatHex(SmCrypto.hmacSm3(key, data));
        }
    };

    /** The audit chain's MAC of a terminal key store's suite: HMAC-SM3 in the SM suite, else HMAC-SHA256. */
    public static AuditMac of(CryptoSuite suite) {
        return suite == CryptoSuite.SM ? HMAC_SM3 : HMAC_SHA256;
    }

    private final String entryName;

    AuditMac(String entryName) {
        this.entryName = entryName;
    }

    /** Lower-case hex MAC of {@code data}. */
    abstract String mac(byte[] key, byte[] data);

    /** What an entry of this chain carries in its {@code mac} field; null for HMAC-SHA256 (no field). */
    String entryName() {
        return entryName;
    }

    /** How an entry's {@code mac} field reads in a message. */
    static String describe(String entryName) {
        return entryName == null ? "hmac-sha256 (no mac field)" : entryName;
    }

    /** For messages: {@code hmac-sha256} or {@code hmac-sm3}. */
    public String displayName() {
        return this == HMAC_SHA256 ? "hmac-sha256" : entryName;
    }
}
