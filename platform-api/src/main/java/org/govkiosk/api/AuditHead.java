package org.govkiosk.api;

/**
 * The head of a terminal's audit chain: the sequence number of its last entry and that entry's HMAC-SHA256 (keyed
 * from the terminal's key store, lower-case hex). It leaves the terminal with every heartbeat and the platform
 * keeps the last one, so a terminal whose log was cut or rewritten cannot hide it: the head goes backwards, or the
 * log no longer holds the entry the platform saw.
 */
public record AuditHead(long seq, String mac) {

    public AuditHead {
        if (seq < 0) {
            throw new IllegalArgumentException("seq must not be negative");
        }
        Check.text(mac, "mac", 64);
        if (!mac.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("mac must be 64 lower-case hex digits");
        }
    }
}
