package org.govkiosk.api;

import java.time.Instant;
import java.util.List;

/**
 * A terminal's periodic sign of life with the status of its devices, for the technicians' overview (the fleet
 * page). Carries no personal data: device ids come from the terminal's configuration, details are status names.
 *
 * @param softwareVersion        optional
 * @param outboxPending          cases and ratings waiting on the terminal to be sent; tells the hall about a backlog
 * @param uptimeSeconds          optional: how long the terminal software has run; a small number after a large one
 *                               means it restarted
 * @param outboxOldestAgeSeconds optional: age of the oldest entry still waiting; a backlog that only grows old
 *                               means the terminal cannot deliver, even when the count is small
 * @param intervalSeconds        optional: how often this terminal beats, so the platform knows when it is overdue
 * @param auditHead              optional: the head of the terminal's audit chain, which the platform keeps to catch
 *                               a log cut or rewritten later
 */
public record Heartbeat(String terminalId, Instant sentAt, String softwareVersion, int outboxPending,
        List<DeviceState> devices, Long uptimeSeconds, Long outboxOldestAgeSeconds, Integer intervalSeconds,
        AuditHead auditHead) {

    /** A day: longer gaps would hide a dead terminal for too long to be meant. */
    public static final int MAX_INTERVAL_SECONDS = 86_400;

    public Heartbeat {
        Check.text(terminalId, "terminalId", 64);
        Check.present(sentAt, "sentAt");
        Check.optionalText(softwareVersion, "softwareVersion", 64);
        if (outboxPending < 0) {
            throw new IllegalArgumentException("outboxPending must not be negative");
        }
        devices = Check.list(devices, "devices");
        if (uptimeSeconds != null && uptimeSeconds < 0) {
            throw new IllegalArgumentException("uptimeSeconds must not be negative");
        }
        if (outboxOldestAgeSeconds != null && outboxOldestAgeSeconds < 0) {
            throw new IllegalArgumentException("outboxOldestAgeSeconds must not be negative");
        }
        if (intervalSeconds != null && (intervalSeconds < 1 || intervalSeconds > MAX_INTERVAL_SECONDS)) {
            throw new IllegalArgumentException("intervalSeconds must be from 1 to " + MAX_INTERVAL_SECONDS);
        }
    }

    /** Without the audit head (what terminals before issue 14 send). */
    public Heartbeat(String terminalId, Instant sentAt, String softwareVersion, int outboxPending,
            List<DeviceState> devices, Long uptimeSeconds, Long outboxOldestAgeSeconds, Integer intervalSeconds) {
        this(terminalId, sentAt, softwareVersion, outboxPending, devices, uptimeSeconds, outboxOldestAgeSeconds,
                intervalSeconds, null);
    }

    /** Without the optional uptime, outbox age and interval (what terminals before them send). */
    public Heartbeat(String terminalId, Instant sentAt, String softwareVersion, int outboxPending,
            List<DeviceState> devices) {
        this(terminalId, sentAt, softwareVersion, outboxPending, devices, null, null, null, null);
    }
}
