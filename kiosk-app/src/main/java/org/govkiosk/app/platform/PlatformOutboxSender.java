package org.govkiosk.app.platform;

import java.io.IOException;
import java.util.Objects;
import org.govkiosk.app.outbox.Delivery;
import org.govkiosk.app.outbox.OutboxMessage;
import org.govkiosk.app.outbox.OutboxSender;

/**
 * Delivers outbox entries through the {@link PlatformClient}: the stored bytes go as they are (the signature
 * covers exactly them), and the entry's {@link EntryConverter} reads the verified receipt into the reference and
 * the receipt the outbox keeps.
 */
public final class PlatformOutboxSender implements OutboxSender {

    private final PlatformClient client;

    public PlatformOutboxSender(PlatformClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    @Override
    public Delivery send(OutboxMessage message) {
        EntryConverter<?, ?> converter = EntryConverters.of(message.entry().kind());
        String path;
        try {
            path = converter.path(message.payload());
        } catch (IOException | RuntimeException e) {
            // A payload this terminal wrote but cannot read back will not get better by waiting.
            return new Delivery.Rejected("the queued " + message.entry().kind() + " cannot be read: "
                    + e.getClass().getSimpleName());
        }
        byte[] answer;
        try {
            answer = client.deliver(path, message.payload());
        } catch (PlatformException e) {
            return e.retryable() ? new Delivery.RetryLater(e.summary()) : new Delivery.Rejected(e.summary());
        }
        return delivered(converter, message, answer);
    }

    private static <R> Delivery delivered(EntryConverter<?, R> converter, OutboxMessage message, byte[] answer) {
        try {
            R receipt = converter.readReceipt(answer);
            return new Delivery.Delivered(converter.reference(receipt), converter.kept(receipt));
        } catch (IOException | RuntimeException e) {
            // Verified, so the platform said it, but not as this terminal reads a receipt: nothing is confirmed on
            // it. The platform may have the entry; the resend under the same key is answered, not stored twice.
            // Only the length and the parser's verdict: a garbage answer could hold anything, also someone's data.
            return new Delivery.RetryLater("the platform's answer to " + message.entry().kind() + " "
                    + message.entry().idempotencyKey() + " (" + answer.length + " bytes) is not a valid receipt ("
                    + e.getClass().getSimpleName() + "); the entry stays queued");
        }
    }
}
