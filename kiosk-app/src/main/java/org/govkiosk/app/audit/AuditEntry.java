package org.govkiosk.app.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Map;

/**
 * One line of the audit file; {@code hash} covers every other field, {@code prev} is the entry before's hash,
 * {@code mac} names the chain's MAC when it is not HMAC-SHA256 ({@link AuditMac}; absent in the default chain).
 */
@JsonPropertyOrder({"seq", "at", "event", "details", "prev", "mac", "hash"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuditEntry(long seq, String at, String event, Map<String, String> details, String prev, String mac,
        String hash) {

    /** An entry of a default (HMAC-SHA256 or plain) chain. */
    public AuditEntry(long seq, String at, String event, Map<String, String> details, String prev, String hash) {
        this(seq, at, event, details, prev, null, hash);
    }

    AuditEntry withHash(String h) {
        return new AuditEntry(seq, at, event, details, prev, mac, h);
    }

    AuditEntry unsigned() {
        return new AuditEntry(seq, at, event, details, prev, mac, null);
    }
}
