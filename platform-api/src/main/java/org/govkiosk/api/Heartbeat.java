package org.govkiosk.api;

import java.time.Instant;
import java.util.List;

/**
 * A terminal's periodic sign of life with the status of its devices, for the technicians' overview.
 *
 * @param softwareVersion optional
 * @param outboxPending   cases and ratings waiting on the terminal to be sent; tells the hall about a backlog
 */
public record Heartbeat(String terminalId, Instant sentAt, String softwareVersion, int outboxPending,
        List<DeviceState> devices) {

    public Heartbeat {
        Check.text(terminalId, "terminalId", 64);
        Check.present(sentAt, "sentAt");
        Check.optionalText(softwareVersion, "softwareVersion", 64);
        if (outboxPending < 0) {
            throw new IllegalArgumentException("outboxPending must not be negative");
        }
        devices = Check.list(devices, "devices");
    }
}
