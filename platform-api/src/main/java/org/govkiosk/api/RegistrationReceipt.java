package org.govkiosk.api;

import java.time.Instant;

/** The answer to a registration; {@code alreadyRegistered} when the terminal was known with the same key. */
public record RegistrationReceipt(String terminalId, String hallCode, Instant registeredAt,
        boolean alreadyRegistered) {

    public RegistrationReceipt {
        Check.text(terminalId, "terminalId", 64);
        Check.present(registeredAt, "registeredAt");
    }
}
