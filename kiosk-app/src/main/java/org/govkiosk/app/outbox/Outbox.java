package org.govkiosk.app.outbox;

import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The durable queue of what the terminal owes the platform: cases and ratings. Tape's shape (add, peek, remove
 * after confirmation) with Kura's lifecycle (pending, sent, confirmed, dead, priority, purge).
 *
 * <p>Payloads (personal data) are stored AES-GCM encrypted and erased when the platform confirms; a confirmed row
 * keeps only metadata and the platform's receipt (case number, state, promised date: nothing personal), from which
 * the journey prints the citizen's paper. Erased means overwritten: the file runs with {@code secure_delete}, and the WAL, which keeps
 * the pages as they were before, is checkpointed and truncated after each confirmation. {@link #add} returns only after the row is fsync'd. One connection, used under this
 * object's lock: the citizen flow adds, the one worker thread drains.
 */
public final class Outbox implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);
    private static final int MAX_ERROR_CHARS = 300;

    public static final int PRIORITY_NORMAL = 0;
    /** Ratings can wait behind cases: a late rating harms nobody, a late case may. */
    public static final int PRIORITY_LOW = -10;

    private final Connection db;
    private final PayloadCipher cipher;
    private final Clock clock;
    private final Optional<OutboxRecovery> recovery;

    private Outbox(Connection db, PayloadCipher cipher, Clock clock, Optional<OutboxRecovery> recovery) {
        this.db = db;
        this.cipher = cipher;
        this.clock = clock;
        this.recovery = recovery;
    }

    /**
     * Opens (or creates) the outbox file. A damaged file does not stop the terminal: it is moved aside, what can be
     * read is salvaged, and {@link #recovery()} says so (also logged at ERROR).
     *
     * @throws OutboxException when the file cannot be opened at all (permissions, full disk)
     */
    public static Outbox open(Path file, PayloadCipher cipher, Clock clock) {
        OutboxDatabase.Opened opened = OutboxDatabase.open(file, clock.instant());
        return new Outbox(opened.connection(), Objects.requireNonNull(cipher), clock, opened.recovery());
    }

    /** Present when the file was found damaged at {@link #open}. */
    public Optional<OutboxRecovery> recovery() {
        return recovery;
    }

    /**
     * Adds an entry, durably. Adding an idempotency key that is already queued returns the existing entry's id and
     * changes nothing, so a flow that repeats an add after a crash does not queue the case twice.
     */
    public synchronized long add(EntryKind kind, String idempotencyKey, int priority, byte[] payload) {
        Objects.requireNonNull(kind, "kind");
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            throw new IllegalArgumentException("an outbox entry needs an idempotency key");
        }
        Objects.requireNonNull(payload, "payload");
        long now = clock.millis();
        byte[] sealed = cipher.encrypt(payload, kind, idempotencyKey);
        try (PreparedStatement ps = db.prepareStatement("INSERT INTO outbox_entry (kind, idempotency_key, priority,"
                + " state, attempts, created_at, next_attempt_at, payload) VALUES (?, ?, ?, 'PENDING', 0, ?, ?, ?)"
                + " ON CONFLICT(idempotency_key) DO NOTHING")) {
            ps.setString(1, kind.name());
            ps.setString(2, idempotencyKey);
            ps.setInt(3, priority);
            ps.setLong(4, now);
            ps.setLong(5, now);
            ps.setBytes(6, sealed);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw failure("add " + kind + " " + idempotencyKey, e);
        }
        return find(idempotencyKey).orElseThrow(() -> new OutboxException(
                "entry " + idempotencyKey + " vanished right after it was added", false, null)).id();
    }

    /**
     * The entry to send now: highest priority first, then oldest; only entries whose backoff has passed. An entry
     * whose payload cannot be decrypted (damaged, or another key) is moved to the dead letters, never skipped
     * silently.
     */
    public synchronized Optional<OutboxMessage> peek() {
        while (true) {
            Optional<Row> row = firstDue();
            if (row.isEmpty()) {
                return Optional.empty();
            }
            OutboxEntry entry = row.get().entry();
            try {
                return Optional.of(new OutboxMessage(entry,
                        cipher.decrypt(row.get().payload(), entry.kind(), entry.idempotencyKey())));
            } catch (GeneralSecurityException | RuntimeException e) {
                LOG.error("Outbox entry {} ({}) cannot be decrypted; moving it to the dead letters: {}",
                        entry.idempotencyKey(), entry.kind(), e.getMessage());
                drop(entry.id(), "payload cannot be decrypted: " + e.getMessage());
            }
        }
    }

    private Optional<Row> firstDue() {
        try (PreparedStatement ps = db.prepareStatement("SELECT " + OutboxDatabase.COLUMNS + " FROM outbox_entry"
                + " WHERE state IN ('PENDING', 'SENT') AND next_attempt_at <= ?"
                + " ORDER BY priority DESC, id ASC LIMIT 1")) {
            ps.setLong(1, clock.millis());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                byte[] payload = rs.getBytes("payload");
                OutboxEntry entry = OutboxRows.entry(rs);
                return Optional.of(new Row(entry, payload == null ? new byte[0] : payload));
            }
        } catch (SQLException e) {
            throw failure("peek", e);
        }
    }

    private record Row(OutboxEntry entry, byte[] payload) {
    }

    /** When the next waiting entry becomes due (it may be in the past), or empty when nothing waits. */
    public synchronized Optional<Instant> nextDueAt() {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT MIN(next_attempt_at) FROM outbox_entry WHERE state IN ('PENDING', 'SENT')")) {
            long at = rs.next() ? rs.getLong(1) : 0;
            return rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(at));
        } catch (SQLException e) {
            throw failure("nextDueAt", e);
        }
    }

    /** Records that a send is starting (before the request leaves): counts the attempt. */
    public synchronized void markSent(long id) {
        update(id, "UPDATE outbox_entry SET state = 'SENT', attempts = attempts + 1, last_attempt_at = ?"
                + " WHERE id = ? AND state IN ('PENDING', 'SENT')", clock.millis());
    }

    /**
     * The platform has it: erase the payload (personal data) and the error text, keep the metadata.
     *
     * @param reference what the platform answered, e.g. the case number (opaque)
     */
    public synchronized void confirm(long id, String reference) {
        confirmAll(java.util.Map.of(id, new Delivery.Delivered(reference)));
    }

    /**
     * The receipt kept with a confirmed entry ({@link Delivery.Delivered#receipt()}): what the journey prints the
     * citizen's paper from. Empty while the entry is not confirmed, and for one confirmed without a receipt (by a
     * version of the terminal that did not keep receipts).
     */
    public synchronized Optional<byte[]> receipt(String idempotencyKey) {
        try (PreparedStatement ps = db.prepareStatement("SELECT receipt FROM outbox_entry WHERE idempotency_key = ?"
                + " AND state = 'CONFIRMED'")) {
            ps.setString(1, idempotencyKey);
            try (ResultSet rs = ps.executeQuery()) {
                byte[] receipt = rs.next() ? rs.getBytes(1) : null;
                return receipt == null || receipt.length == 0 ? Optional.empty() : Optional.of(receipt);
            }
        } catch (SQLException e) {
            throw failure("receipt " + idempotencyKey, e);
        }
    }

    // --- Batches, for the worker's rounds: several entries per transaction, so one fsync serves them all. ---

    /**
     * Up to {@code limit} entries to send now, in {@link #peek()} order. Entries whose payload cannot be decrypted
     * go to the dead letters, as in {@link #peek()}.
     */
    public synchronized List<OutboxMessage> peek(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("peek needs a limit of at least 1, got " + limit);
        }
        List<OutboxMessage> out = new ArrayList<>();
        boolean dropped = true;
        while (out.isEmpty() && dropped) {
            dropped = false;
            try (PreparedStatement ps = db.prepareStatement("SELECT " + OutboxDatabase.COLUMNS + " FROM outbox_entry"
                    + " WHERE state IN ('PENDING', 'SENT') AND next_attempt_at <= ?"
                    + " ORDER BY priority DESC, id ASC LIMIT ?")) {
                ps.setLong(1, clock.millis());
                ps.setInt(2, limit);
                List<Row> rows = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        byte[] payload = rs.getBytes("payload");
                        rows.add(new Row(OutboxRows.entry(rs), payload == null ? new byte[0] : payload));
                    }
                }
                for (Row row : rows) {
                    OutboxEntry entry = row.entry();
                    try {
                        out.add(new OutboxMessage(entry, cipher.decrypt(row.payload(), entry.kind(),
                                entry.idempotencyKey())));
                    } catch (GeneralSecurityException | RuntimeException e) {
                        LOG.error("Outbox entry {} ({}) cannot be decrypted; moving it to the dead letters: {}",
                                entry.idempotencyKey(), entry.kind(), e.getMessage());
                        drop(entry.id(), "payload cannot be decrypted: " + e.getMessage());
                        dropped = true;
                    }
                }
            } catch (SQLException e) {
                throw failure("peek", e);
            }
        }
        return out;
    }

    /** {@link #markSent(long)} for several entries, in one transaction. */
    public synchronized void markSent(java.util.Collection<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        long now = clock.millis();
        inTransaction("markSent", "UPDATE outbox_entry SET state = 'SENT', attempts = attempts + 1,"
                + " last_attempt_at = ? WHERE id = ? AND state IN ('PENDING', 'SENT')", ps -> {
                    for (long id : ids) {
                        ps.setLong(1, now);
                        ps.setLong(2, id);
                        ps.addBatch();
                    }
                });
    }

    /** {@link #confirm(long, String)} for several entries (id → reference), in one transaction. */
    public synchronized void confirm(java.util.Map<Long, String> references) {
        java.util.Map<Long, Delivery.Delivered> delivered = new java.util.LinkedHashMap<>();
        references.forEach((id, reference) -> delivered.put(id, new Delivery.Delivered(reference)));
        confirmAll(delivered);
    }

    /**
     * Confirms several entries in one transaction: each keeps its reference and the platform's receipt, and its
     * payload (personal data) and error text are erased. The receipt holds no personal data: the entry's converter
     * kept only what the citizen's paper needs.
     */
    public synchronized void confirmAll(java.util.Map<Long, Delivery.Delivered> delivered) {
        if (delivered.isEmpty()) {
            return;
        }
        long now = clock.millis();
        inTransaction("confirm", "UPDATE outbox_entry SET state = 'CONFIRMED', confirmed_at = ?, reference = ?,"
                + " receipt = ?, payload = NULL, last_error = NULL WHERE id = ? AND state <> 'CONFIRMED'", ps -> {
                    for (var e : delivered.entrySet()) {
                        byte[] receipt = e.getValue().receipt();
                        ps.setLong(1, now);
                        ps.setString(2, e.getValue().reference());
                        ps.setBytes(3, receipt.length == 0 ? null : receipt);
                        ps.setLong(4, e.getKey());
                        ps.addBatch();
                    }
                });
        OutboxDatabase.truncateWal(db);
    }

    private interface Batch {
        void fill(PreparedStatement ps) throws SQLException;
    }

    private void inTransaction(String what, String sql, Batch batch) {
        try {
            db.setAutoCommit(false);
            try (PreparedStatement ps = db.prepareStatement(sql)) {
                batch.fill(ps);
                ps.executeBatch();
                db.commit();
            } catch (SQLException | RuntimeException e) {
                db.rollback();
                throw e;
            } finally {
                db.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    /** A retryable failure: try again at {@code nextAttempt}. */
    public synchronized void reschedule(long id, Instant nextAttempt, String error) {
        try (PreparedStatement ps = db.prepareStatement("UPDATE outbox_entry SET next_attempt_at = ?,"
                + " last_error = ? WHERE id = ? AND state IN ('PENDING', 'SENT')")) {
            ps.setLong(1, nextAttempt.toEpochMilli());
            ps.setString(2, shorten(error));
            ps.setLong(3, id);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw failure("reschedule " + id, e);
        }
    }

    /** A permanent failure: the entry goes to the dead letters with its reason (payload kept for a retry). */
    public synchronized void drop(long id, String reason) {
        try (PreparedStatement ps = db.prepareStatement("UPDATE outbox_entry SET state = 'DEAD', last_error = ?"
                + " WHERE id = ? AND state <> 'CONFIRMED'")) {
            ps.setString(1, shorten(reason));
            ps.setLong(2, id);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw failure("drop " + id, e);
        }
    }

    /** Maintenance: send a dead letter again from scratch (e.g. after the platform's configuration was fixed). */
    public synchronized boolean retry(long id) {
        try (PreparedStatement ps = db.prepareStatement("UPDATE outbox_entry SET state = 'PENDING', attempts = 0,"
                + " next_attempt_at = ? WHERE id = ? AND state = 'DEAD'")) {
            ps.setLong(1, clock.millis());
            ps.setLong(2, id);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw failure("retry " + id, e);
        }
    }

    public synchronized List<OutboxEntry> deadLetters() {
        return select("WHERE state = 'DEAD' ORDER BY id", null);
    }

    public synchronized List<OutboxEntry> entries(EntryState state) {
        return select("WHERE state = ? ORDER BY id", state.name());
    }

    /**
     * Every entry, whatever its state, read at one moment: reading state by state while the worker sends, an entry
     * that moves on between two reads shows in both (or in neither).
     */
    public synchronized List<OutboxEntry> entries() {
        return select("ORDER BY id", null);
    }

    public synchronized Optional<OutboxEntry> find(String idempotencyKey) {
        return select("WHERE idempotency_key = ?", idempotencyKey).stream().findFirst();
    }

    /** Deletes confirmed entries confirmed longer than {@code retention} ago; returns how many. */
    public synchronized int purgeConfirmed(Duration retention) {
        try (PreparedStatement ps = db.prepareStatement(
                "DELETE FROM outbox_entry WHERE state = 'CONFIRMED' AND confirmed_at <= ?")) {
            ps.setLong(1, clock.millis() - retention.toMillis());
            int purged = ps.executeUpdate();
            if (purged > 0) {
                OutboxDatabase.truncateWal(db);
            }
            return purged;
        } catch (SQLException e) {
            throw failure("purge", e);
        }
    }

    public synchronized OutboxStatus status() {
        int[] counts = new int[EntryState.values().length];
        try (Statement s = db.createStatement();
             ResultSet rs = s.executeQuery("SELECT state, COUNT(*) FROM outbox_entry GROUP BY state")) {
            while (rs.next()) {
                counts[EntryState.valueOf(rs.getString(1)).ordinal()] = rs.getInt(2);
            }
        } catch (SQLException e) {
            throw failure("status", e);
        }
        Optional<Instant> oldest = select("WHERE state IN ('PENDING', 'SENT') ORDER BY created_at LIMIT 1", null)
                .stream().findFirst().map(OutboxEntry::createdAt);
        return new OutboxStatus(counts[EntryState.PENDING.ordinal()], counts[EntryState.SENT.ordinal()],
                counts[EntryState.DEAD.ordinal()], counts[EntryState.CONFIRMED.ordinal()], oldest, recovery);
    }

    /** Maintenance: how many entries of each kind are in each state (every pair present, zero when none). */
    public synchronized java.util.Map<EntryKind, java.util.Map<EntryState, Integer>> countsByKind() {
        java.util.Map<EntryKind, java.util.Map<EntryState, Integer>> counts = new java.util.EnumMap<>(EntryKind.class);
        for (EntryKind kind : EntryKind.values()) {
            java.util.Map<EntryState, Integer> byState = new java.util.EnumMap<>(EntryState.class);
            for (EntryState state : EntryState.values()) {
                byState.put(state, 0);
            }
            counts.put(kind, byState);
        }
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT kind, state, COUNT(*) FROM outbox_entry GROUP BY kind, state")) {
            while (rs.next()) {
                counts.get(EntryKind.valueOf(rs.getString(1))).put(EntryState.valueOf(rs.getString(2)), rs.getInt(3));
            }
        } catch (SQLException e) {
            throw failure("countsByKind", e);
        }
        return counts;
    }

    private List<OutboxEntry> select(String where, String parameter) {
        try (PreparedStatement ps = db.prepareStatement("SELECT " + OutboxDatabase.COLUMNS
                + " FROM outbox_entry " + where)) {
            if (parameter != null) {
                ps.setString(1, parameter);
            }
            List<OutboxEntry> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(OutboxRows.entry(rs));
                }
            }
            return out;
        } catch (SQLException e) {
            throw failure("select", e);
        }
    }

    private void update(long id, String sql, long now) {
        try (PreparedStatement ps = db.prepareStatement(sql)) {
            ps.setLong(1, now);
            ps.setLong(2, id);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw failure("update " + id, e);
        }
    }

    private static String shorten(String text) {
        if (text == null) {
            return null;
        }
        return text.length() <= MAX_ERROR_CHARS ? text : text.substring(0, MAX_ERROR_CHARS) + "…";
    }

    private static OutboxException failure(String what, SQLException e) {
        boolean corrupt = OutboxDatabase.isCorruption(e);
        return new OutboxException("outbox " + what + " failed" + (corrupt ? " (the file is damaged)" : "") + ": "
                + e.getMessage(), corrupt, e);
    }

    @Override
    public synchronized void close() {
        OutboxDatabase.closeQuietly(db);
    }
}
