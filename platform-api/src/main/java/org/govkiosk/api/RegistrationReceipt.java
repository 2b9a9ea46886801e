package org.govkiosk.api;

import java.time.Instant;

/**
 * The answer to a registration; {@code alreadyRegistered} when the terminal was known with the same key.
 *
 * @param platformKey base64 of the X.509 encoding of the Ed25519 key the platform signs its receipts with
 *                    ({@link ReceiptSigner}); the terminal pins it at its first registration. {@code null} from a
 *                    platform that signs no receipts (a terminal then confirms nothing from it).
 */
public record RegistrationReceipt(String terminalId, String hallCode, Instant registeredAt,
        boolean alreadyRegistered, String platformKey) {

    public RegistrationReceipt {
        Check.text(terminalId, "terminalId", 64);
        Check.present(registeredAt, "registeredAt");
        Check.optionalText(platformKey, "platformKey", 200);
    }

    public RegistrationReceipt(String terminalId, String hallCode, Instant registeredAt, boolean alreadyRegistered) {
        this(terminalId, hallCode, registeredAt, alreadyRegistered, null);
    }

    public RegistrationReceipt withPlatformKey(String key) {
        return new RegistrationReceipt(terminalId, hallCode, registeredAt, alreadyRegistered, key);
    }
}
