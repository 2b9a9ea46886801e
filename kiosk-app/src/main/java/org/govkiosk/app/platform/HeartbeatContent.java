package org.govkiosk.app.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.govkiosk.api.AuditHead;
import org.govkiosk.api.DeviceState;
import org.govkiosk.api.Heartbeat;
import org.govkiosk.app.outbox.OutboxStatus;
import org.govkiosk.device.Device;
import org.govkiosk.device.DeviceStatusDetail;
import org.govkiosk.device.DeviceStatusInfo;

/**
 * What a heartbeat says, read fresh each time: software version, uptime, outbox depth and the age of its oldest
 * entry, and each device's status and detail. Only names from the configuration and status enums go out: the
 * message arguments of a status (which might one day carry something a citizen typed) are left behind.
 */
public final class HeartbeatContent implements Supplier<Heartbeat> {

    private final String terminalId;
    private final Instant startedAt;
    private final Duration interval;
    private final Supplier<List<Device>> devices;
    private final Supplier<OutboxStatus> outbox;
    private final Clock clock;
    private final Supplier<Optional<AuditHead>> auditHead;

    public HeartbeatContent(String terminalId, Instant startedAt, Duration interval, Supplier<List<Device>> devices,
            Supplier<OutboxStatus> outbox, Clock clock) {
        this(terminalId, startedAt, interval, devices, outbox, clock, Optional::empty);
    }

    /** @param auditHead the audit chain's head, which the platform keeps to catch a log cut or rewritten later */
    public HeartbeatContent(String terminalId, Instant startedAt, Duration interval, Supplier<List<Device>> devices,
            Supplier<OutboxStatus> outbox, Clock clock, Supplier<Optional<AuditHead>> auditHead) {
        this.auditHead = auditHead;
        this.terminalId = terminalId;
        this.startedAt = startedAt;
        this.interval = interval;
        this.devices = devices;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Override
    public Heartbeat get() {
        Instant now = clock.instant();
        OutboxStatus box = outbox.get();
        Long oldestAge = box.oldestWaitingSince().map(t -> Math.max(0, Duration.between(t, now).toSeconds()))
                .orElse(null);
        List<DeviceState> states = devices.get().stream().map(HeartbeatContent::state).toList();
        return new Heartbeat(terminalId, now, softwareVersion(), box.waiting(), states,
                Math.max(0, Duration.between(startedAt, now).toSeconds()), oldestAge,
                (int) Math.min(Heartbeat.MAX_INTERVAL_SECONDS, interval.toSeconds()), auditHead.get().orElse(null));
    }

    static DeviceState state(Device d) {
        DeviceStatusInfo info = d.status();
        String detail = info.detail() == DeviceStatusDetail.NONE ? null : info.detail().name();
        return new DeviceState(d.id(), d.family().name(), info.status().name(), detail);
    }

    /** The jar's Implementation-Version; "dev" when run from classes (tests, the IDE). */
    static String softwareVersion() {
        String v = HeartbeatContent.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
