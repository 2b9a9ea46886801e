package org.govkiosk.platform.store;

import java.security.PublicKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.govkiosk.api.DeviceState;
import org.govkiosk.api.ErrorCodes;
import org.govkiosk.api.Heartbeat;
import org.govkiosk.api.RegistrationReceipt;
import org.govkiosk.api.TerminalKeys;
import org.govkiosk.api.TerminalRegistration;
import org.govkiosk.api.TerminalStatus;
import org.slf4j.LoggerFactory;

/** Registered terminals, their keys and their last heartbeat with device status. */
public final class TerminalStore {

    private final Database db;
    // A registered key never changes (re-keying is refused), so a decoded key can be kept.
    private final Map<String, PublicKey> keys = new ConcurrentHashMap<>();
    // Nor does its hall (a registration again answers the hall first registered), so it can be kept too.
    private final Map<String, String> halls = new ConcurrentHashMap<>();

    public TerminalStore(Database db) {
        this.db = db;
    }

    /**
     * Registers a terminal, or confirms an earlier registration with the same key.
     *
     * @throws StoreConflict if the terminal is registered with another key
     */
    public RegistrationReceipt register(TerminalRegistration r, Instant now) {
        for (int attempt = 1; ; attempt++) {
            Optional<RegistrationReceipt> known = db.inTransaction(c -> existing(c, r));
            if (known.isPresent()) {
                return known.get();
            }
            try {
                db.inTransaction(c -> {
                    try (PreparedStatement ps = c.prepareStatement("INSERT INTO terminals (terminal_id, hall_code,"
                            + " public_key, model, software_version, registered_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                        ps.setString(1, r.terminalId());
                        ps.setString(2, r.hallCode());
                        ps.setString(3, r.publicKey().strip());
                        ps.setString(4, r.model());
                        ps.setString(5, r.softwareVersion());
                        ps.setLong(6, now.toEpochMilli());
                        ps.executeUpdate();
                    }
                    return null;
                });
                return new RegistrationReceipt(r.terminalId(), r.hallCode(), now, false);
            } catch (StorageException e) {
                if (attempt >= 5 || !(Sql.isUniqueViolation(e) || Sql.isRetryableRace(e))) {
                    throw e;
                }
                Sql.pause(attempt); // registered at the same moment by a second request: look again
            }
        }
    }

    private static Optional<RegistrationReceipt> existing(Connection c, TerminalRegistration r) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT hall_code, public_key, registered_at FROM terminals WHERE terminal_id = ?")) {
            ps.setString(1, r.terminalId());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                if (!rs.getString(2).equals(r.publicKey().strip())) {
                    throw new StoreConflict(ErrorCodes.TERMINAL_KEY_CONFLICT, "terminal " + r.terminalId()
                            + " is registered with another key; the hall admin must remove it first");
                }
                return Optional.of(new RegistrationReceipt(r.terminalId(), rs.getString(1),
                        Instant.ofEpochMilli(rs.getLong(3)), true));
            }
        }
    }

    public Optional<PublicKey> publicKey(String terminalId) {
        PublicKey cached = keys.get(terminalId);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<String> encoded = db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT public_key FROM terminals WHERE terminal_id = ?")) {
                ps.setString(1, terminalId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
                }
            }
        });
        Optional<PublicKey> key = encoded.map(TerminalKeys::decodePublic);
        key.ifPresent(k -> keys.put(terminalId, k));
        return key;
    }

    /** The hall a terminal is registered in: the only hall whose cases it may act on. Empty if not registered. */
    public Optional<String> hallOf(String terminalId) {
        String cached = halls.get(terminalId);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<String> hall = db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT hall_code FROM terminals WHERE terminal_id = ?")) {
                ps.setString(1, terminalId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
                }
            }
        });
        hall.ifPresent(h -> halls.put(terminalId, h));
        return hall;
    }

    /** Stores a heartbeat: the terminal's summary and the current status of each of its devices. */
    public void heartbeat(Heartbeat h, Instant now) {
        db.inTransaction(c -> {
            // Updating the terminal row first locks it, so two heartbeats of one terminal cannot interleave.
            try (PreparedStatement ps = c.prepareStatement("UPDATE terminals SET last_heartbeat_at = ?,"
                    + " outbox_pending = ?, software_version = COALESCE(?, software_version), uptime_seconds = ?,"
                    + " outbox_oldest_age_seconds = ?, heartbeat_interval_seconds = ? WHERE terminal_id = ?")) {
                ps.setLong(1, now.toEpochMilli());
                ps.setInt(2, h.outboxPending());
                ps.setString(3, h.softwareVersion());
                ps.setObject(4, h.uptimeSeconds(), java.sql.Types.BIGINT);
                ps.setObject(5, h.outboxOldestAgeSeconds(), java.sql.Types.BIGINT);
                ps.setObject(6, h.intervalSeconds(), java.sql.Types.INTEGER);
                ps.setString(7, h.terminalId());
                if (ps.executeUpdate() == 0) {
                    throw new NotFoundException(ErrorCodes.UNKNOWN_TERMINAL, "terminal is not registered");
                }
            }
            if (h.auditHead() != null) {
                auditHead(c, h.terminalId(), h.auditHead(), now);
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM device_status WHERE terminal_id = ?")) {
                ps.setString(1, h.terminalId());
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO device_status (terminal_id, device_id,"
                    + " family, status, detail, reported_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                for (DeviceState d : distinct(h.devices())) {
                    ps.setString(1, h.terminalId());
                    ps.setString(2, d.deviceId());
                    ps.setString(3, d.family());
                    ps.setString(4, d.status());
                    ps.setString(5, d.detail());
                    ps.setLong(6, now.toEpochMilli());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    /**
     * Keeps the highest audit head a terminal reported. A head below it (the log was cut, or replaced by a new
     * one) or a different MAC at the same sequence number (the log was rewritten) sets the terminal's audit
     * problem, which stays for the hall's technicians; the highest head is kept either way, to verify the file on
     * the terminal against. Runs in the heartbeat's transaction, after the terminal row was locked.
     */
    private static void auditHead(Connection c, String terminalId, org.govkiosk.api.AuditHead head, Instant now)
            throws SQLException {
        Long knownSeq;
        String knownMac;
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT audit_seq, audit_mac FROM terminals WHERE terminal_id = ?")) {
            ps.setString(1, terminalId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                knownSeq = nullableLong(rs, 1);
                knownMac = rs.getString(2);
            }
        }
        String problem = null;
        if (knownSeq != null && head.seq() < knownSeq) {
            problem = "audit head went backwards: " + head.seq() + " after " + knownSeq + " (log cut or replaced)";
        } else if (knownSeq != null && head.seq() == knownSeq && !head.mac().equals(knownMac)) {
            problem = "audit entry " + knownSeq + " changed (log rewritten)";
        }
        if (problem != null) {
            LoggerFactory.getLogger(TerminalStore.class).error("Terminal {}: {}", terminalId, problem);
            try (PreparedStatement ps = c.prepareStatement("UPDATE terminals SET audit_problem = ? WHERE"
                    + " terminal_id = ?")) {
                ps.setString(1, problem + " at " + now);
                ps.setString(2, terminalId);
                ps.executeUpdate();
            }
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE terminals SET audit_seq = ?, audit_mac = ? WHERE"
                + " terminal_id = ?")) {
            ps.setLong(1, head.seq());
            ps.setString(2, head.mac());
            ps.setString(3, terminalId);
            ps.executeUpdate();
        }
    }

    /** The last entry per device id wins, so a terminal listing a device twice is not refused. */
    private static List<DeviceState> distinct(List<DeviceState> devices) {
        Map<String, DeviceState> byId = new java.util.LinkedHashMap<>();
        devices.forEach(d -> byId.put(d.deviceId(), d));
        return List.copyOf(byId.values());
    }

    private static Long nullableLong(ResultSet rs, int column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    public List<TerminalStatus> all() {
        return db.inTransaction(c -> {
            Map<String, List<DeviceState>> devices = new java.util.HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT terminal_id, device_id, family, status, detail"
                    + " FROM device_status ORDER BY terminal_id, device_id");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    devices.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(
                            new DeviceState(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)));
                }
            }
            List<TerminalStatus> result = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT terminal_id, hall_code, registered_at,"
                    + " last_heartbeat_at, software_version, outbox_pending, uptime_seconds, outbox_oldest_age_seconds,"
                    + " heartbeat_interval_seconds, audit_seq, audit_mac, audit_problem FROM terminals"
                    + " ORDER BY terminal_id");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long heartbeat = rs.getLong(4);
                    Instant lastHeartbeat = rs.wasNull() ? null : Instant.ofEpochMilli(heartbeat);
                    result.add(new TerminalStatus(rs.getString(1), rs.getString(2),
                            Instant.ofEpochMilli(rs.getLong(3)), lastHeartbeat, rs.getString(5), rs.getInt(6),
                            devices.getOrDefault(rs.getString(1), List.of()), nullableLong(rs, 7),
                            nullableLong(rs, 8), rs.getObject(9) == null ? null : rs.getInt(9),
                            rs.getString(11) == null ? null : new org.govkiosk.api.AuditHead(rs.getLong(10),
                                    rs.getString(11)), rs.getString(12)));
                }
            }
            return result;
        });
    }
}
