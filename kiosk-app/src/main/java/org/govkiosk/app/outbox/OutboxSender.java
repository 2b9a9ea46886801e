package org.govkiosk.app.outbox;

/**
 * Sends one outbox entry to the platform. Implementations must send the entry's idempotency key so a resend of an
 * entry the platform already has is answered, not stored twice; and must not throw for delivery failures but say
 * which kind they were.
 */
@FunctionalInterface
public interface OutboxSender {

    Delivery send(OutboxMessage message);
}
