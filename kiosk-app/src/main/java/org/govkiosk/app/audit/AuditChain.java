package org.govkiosk.app.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The hash of an entry over its canonical JSON (keys in a fixed order, no hash field): the chain's keyed
 * {@link AuditMac}, or SHA-256 without a key.
 */
final class AuditChain {

    static final String GENESIS = "0".repeat(64);

    private final byte[] key;
    private final AuditMac mac;

    AuditChain(byte[] key) {
        this(key, AuditMac.HMAC_SHA256);
    }

    AuditChain(byte[] key, AuditMac mac) {
        this.key = key == null ? null : key.clone();
        this.mac = Objects.requireNonNull(mac, "mac");
    }

    /** What the entries of this chain carry in their {@code mac} field (null: none). */
    String entryMac() {
        return key == null ? null : mac.entryName();
    }

    /** How this chain's MAC reads in a message. */
    String describe() {
        return key == null ? "plain SHA-256" : mac.displayName();
    }

    String hash(AuditEntry entry) {
        try {
            byte[] canonical = AuditLog.JSON.writeValueAsString(entry.unsigned()).getBytes(StandardCharsets.UTF_8);
            if (key == null) {
                return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
            }
            return mac.mac(key, canonical);
        } catch (JsonProcessingException | GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is in every JDK", e);
        }
    }
}
