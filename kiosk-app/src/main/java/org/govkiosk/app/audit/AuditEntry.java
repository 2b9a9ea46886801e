package org.govkiosk.app.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Map;

/** One line of the audit file; {@code hash} covers every other field, {@code prev} is the entry before's hash. */
@JsonPropertyOrder({"seq", "at", "event", "details", "prev", "hash"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuditEntry(long seq, String at, String event, Map<String, String> details, String prev, String hash) {

    AuditEntry withHash(String h) {
        return new AuditEntry(seq, at, event, details, prev, h);
    }

    AuditEntry unsigned() {
        return new AuditEntry(seq, at, event, details, prev, null);
    }
}
