package org.govkiosk.api;

import java.time.Instant;

/** The answer to a {@link PadRegistration}: where the pad now listens; {@code previousWindowId} if it moved. */
public record PadRegistrationReceipt(String padId, String hallCode, String windowId, String previousWindowId,
        Instant registeredAt) {

    public PadRegistrationReceipt {
        Check.text(padId, "padId", 64);
        Check.text(windowId, "windowId", 64);
        Check.present(registeredAt, "registeredAt");
    }
}
