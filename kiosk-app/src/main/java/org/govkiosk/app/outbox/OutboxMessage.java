package org.govkiosk.app.outbox;

import java.util.Objects;

/**
 * An entry due for delivery with its decrypted payload. Hold it only while sending: the payload holds personal
 * data. {@link #toString()} leaves the payload out so a log line never shows it.
 */
public record OutboxMessage(OutboxEntry entry, byte[] payload) {

    public OutboxMessage {
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(payload, "payload");
    }

    @Override
    public String toString() {
        return "OutboxMessage[" + entry.kind() + " " + entry.idempotencyKey() + ", " + payload.length + " bytes]";
    }
}
