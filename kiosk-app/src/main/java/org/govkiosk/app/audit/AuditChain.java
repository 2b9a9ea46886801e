package org.govkiosk.app.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The hash of an entry over its canonical JSON (keys in a fixed order, no hash field): HMAC-SHA256 or SHA-256. */
final class AuditChain {

    static final String GENESIS = "0".repeat(64);

    private final byte[] key;

    AuditChain(byte[] key) {
        this.key = key == null ? null : key.clone();
    }

    String hash(AuditEntry entry) {
        try {
            byte[] canonical = AuditLog.JSON.writeValueAsString(entry.unsigned()).getBytes(StandardCharsets.UTF_8);
            if (key == null) {
                return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
            }
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(canonical));
        } catch (JsonProcessingException | GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 and HmacSHA256 are in every JDK", e);
        }
    }
}
