package org.govkiosk.app.outbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * Opens the outbox's SQLite file with the settings that make it durable, checks it, and when it is damaged moves
 * it aside, opens a fresh one and copies over every row that can still be read.
 */
final class OutboxDatabase {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxDatabase.class);

    static final String COLUMNS = "id, kind, idempotency_key, priority, state, attempts, created_at, "
            + "next_attempt_at, last_attempt_at, confirmed_at, reference, last_error, payload, receipt";

    private static final String SCHEMA = """
            CREATE TABLE IF NOT EXISTS outbox_entry (
              id              INTEGER PRIMARY KEY AUTOINCREMENT,
              kind            TEXT    NOT NULL,
              idempotency_key TEXT    NOT NULL UNIQUE,
              priority        INTEGER NOT NULL,
              state           TEXT    NOT NULL,
              attempts        INTEGER NOT NULL DEFAULT 0,
              created_at      INTEGER NOT NULL,
              next_attempt_at INTEGER NOT NULL,
              last_attempt_at INTEGER,
              confirmed_at    INTEGER,
              reference       TEXT,
              last_error      TEXT,
              payload         BLOB,
              receipt         BLOB
            )""";
    private static final String INDEX =
            "CREATE INDEX IF NOT EXISTS outbox_due ON outbox_entry(state, priority DESC, next_attempt_at, id)";

    private OutboxDatabase() {
    }

    record Opened(Connection connection, Optional<OutboxRecovery> recovery) {
    }

    static Opened open(Path file, Instant now) {
        try {
            // Owner-only before SQLite opens it: its -wal and -shm files take the main file's mode.
            org.govkiosk.app.security.OwnerOnly.sqlite(file);
        } catch (IOException e) {
            throw new OutboxException("cannot create the outbox file " + file + " (owner-only): " + e.getMessage(),
                    false, e);
        }
        Connection connection = null;
        try {
            connection = connect(file);
            check(connection);
            return new Opened(connection, Optional.empty());
        } catch (SQLException e) {
            closeQuietly(connection);
            if (!isCorruption(e)) {
                throw new OutboxException("cannot open the outbox " + file + ": " + e.getMessage(), false, e);
            }
            return recover(file, now, e);
        }
    }

    private static Connection connect(Path file) throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
        try (Statement s = c.createStatement()) {
            // WAL: a crash never leaves a half-written page in the main file; FULL: each commit is fsync'd before
            // add() returns, so a case the citizen saw accepted survives a power cut.
            try (ResultSet rs = s.executeQuery("PRAGMA journal_mode=WAL")) {
                String mode = rs.next() ? rs.getString(1) : "?";
                if (!"wal".equalsIgnoreCase(mode)) {
                    throw new SQLException("the outbox file system does not support WAL (journal_mode=" + mode + ")");
                }
            }
            s.execute("PRAGMA synchronous=FULL");
            s.execute("PRAGMA busy_timeout=5000");
            // A confirmed payload set to NULL or a purged row would otherwise stay in the file's free space, readable
            // with the key store: secure_delete overwrites deleted content with zeros (issue 14, attack 6).
            try (ResultSet rs = s.executeQuery("PRAGMA secure_delete=ON")) {
                if (!rs.next() || rs.getInt(1) != 1) {
                    throw new SQLException("this SQLite does not honour secure_delete; refusing to keep personal"
                            + " data in a file that would keep deleted payloads");
                }
            }
            s.execute(SCHEMA);
            migrate(c);
            s.execute(INDEX);
        } catch (SQLException e) {
            closeQuietly(c);
            throw e;
        }
        return c;
    }

    /**
     * Brings a file of an older version up to this schema, in place: a terminal in a hall has entries queued in it
     * that must still go out. Version 1 had no {@code receipt} column (the platform's receipt was dropped on
     * confirmation); adding a nullable column rewrites no row, and SQLite does it atomically.
     */
    private static void migrate(Connection c) throws SQLException {
        if (!columns(c).contains("receipt")) {
            try (Statement s = c.createStatement()) {
                s.execute("ALTER TABLE outbox_entry ADD COLUMN receipt BLOB");
            }
            LOG.info("Outbox: added the receipt column (entries confirmed from now on keep the platform's receipt)");
        }
    }

    private static java.util.Set<String> columns(Connection c) throws SQLException {
        java.util.Set<String> names = new java.util.HashSet<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA table_info(outbox_entry)")) {
            while (rs.next()) {
                names.add(rs.getString("name").toLowerCase(Locale.ROOT));
            }
        }
        return names;
    }

    /**
     * Copies what the WAL holds into the main file and truncates the WAL to zero bytes, so the pages that still held
     * a payload before its confirmation (the WAL keeps old frames until it is reused) leave the WAL at once.
     * Best effort: a busy database is scrubbed at the next confirmation.
     */
    static void truncateWal(Connection c) {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA wal_checkpoint(TRUNCATE)")) {
            if (rs.next() && rs.getInt(1) != 0) {
                LOG.debug("WAL checkpoint was busy; the WAL is truncated at the next confirmation");
            }
        } catch (SQLException e) {
            LOG.warn("Cannot checkpoint the outbox WAL: {}", e.getMessage());
        }
    }

    /** quick_check reads every page, so a truncated or scribbled file is found now, not during a citizen's case. */
    private static void check(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA quick_check")) {
            List<String> problems = new ArrayList<>();
            while (rs.next()) {
                String line = rs.getString(1);
                if (!"ok".equals(line)) {
                    problems.add(line);
                }
            }
            if (!problems.isEmpty()) {
                throw new SQLiteException("quick_check: " + String.join("; ", problems.subList(0,
                        Math.min(5, problems.size()))), SQLiteErrorCode.SQLITE_CORRUPT);
            }
        }
    }

    static boolean isCorruption(SQLException e) {
        if (e instanceof SQLiteException se) {
            SQLiteErrorCode code = se.getResultCode();
            if (code == SQLiteErrorCode.SQLITE_CORRUPT || code == SQLiteErrorCode.SQLITE_NOTADB
                    || code.name().startsWith("SQLITE_CORRUPT_") || code.name().startsWith("SQLITE_IOERR_SHORT_READ")) {
                return true;
            }
        }
        String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        return message.contains("malformed") || message.contains("not a database");
    }

    private static Opened recover(Path file, Instant now, SQLException cause) {
        Path aside = file.resolveSibling(file.getFileName() + ".corrupt-" + now.toEpochMilli());
        try {
            for (String suffix : List.of("", "-wal", "-shm")) {
                Path from = file.resolveSibling(file.getFileName() + suffix);
                if (Files.exists(from)) {
                    Files.move(from, aside.resolveSibling(aside.getFileName() + suffix),
                            StandardCopyOption.ATOMIC_MOVE);
                }
            }
            // Moved aside for good: a power cut now must not bring the damaged file back in its place.
            org.govkiosk.app.security.DurableFiles.syncDirectory(file.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new OutboxException("the outbox " + file + " is damaged (" + cause.getMessage()
                    + ") and cannot be moved aside: " + e.getMessage(), true, e);
        }
        Salvage salvage = salvage(aside);
        Connection fresh;
        try {
            org.govkiosk.app.security.OwnerOnly.sqlite(file);
            fresh = connect(file);
            insertAll(fresh, salvage.rows());
        } catch (SQLException | IOException e) {
            throw new OutboxException("cannot open a fresh outbox at " + file + " after moving the damaged one to "
                    + aside + ": " + e.getMessage(), false, e);
        }
        List<String> keys = salvage.rows().stream().map(r -> (String) r.get("idempotency_key")).toList();
        OutboxRecovery recovery = new OutboxRecovery(aside, cause.getMessage(), keys, salvage.complete());
        LOG.error("OUTBOX DAMAGED: {} ({}). Moved it to {} and opened a fresh outbox; salvaged {} entries{}: {}",
                file, cause.getMessage(), aside, keys.size(),
                salvage.complete() ? "" : " (the rest could not be read; keep the moved file for recovery)", keys);
        return new Opened(fresh, Optional.of(recovery));
    }

    private record Salvage(List<Map<String, Object>> rows, boolean complete) {
    }

    /**
     * Reads rows from the front until the first unreadable page, then from the back, so a damaged page in the
     * middle costs only the rows on it. Works on the moved copy, read-only.
     */
    private static Salvage salvage(Path damaged) {
        Map<Long, Map<String, Object>> rows = new LinkedHashMap<>();
        boolean complete = readRows(damaged, "ORDER BY id ASC", rows);
        if (!complete) {
            readRows(damaged, "ORDER BY id DESC", rows);
        }
        List<Map<String, Object>> sorted = new ArrayList<>(rows.values());
        sorted.sort((a, b) -> Long.compare((Long) a.get("id"), (Long) b.get("id")));
        return new Salvage(sorted, complete);
    }

    private static boolean readRows(Path damaged, String order, Map<Long, Map<String, Object>> into) {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:file:" + damaged.toAbsolutePath()
                + "?mode=ro");
             Statement s = c.createStatement()) {
            // Without this SQLite refuses a file shorter than its header says; with it, it reads the pages there are.
            s.execute("PRAGMA writable_schema=ON");
            readRows(s, order, into);
            return true;
        } catch (SQLException | RuntimeException e) {
            LOG.warn("Salvaging {} ({}): stopped at an unreadable part: {}", damaged, order, e.getMessage());
            return false;
        }
    }

    private static void readRows(Statement s, String order, Map<Long, Map<String, Object>> into)
            throws SQLException {
        // SELECT *: a damaged file of an older version lacks the newer columns (they stay NULL in the fresh file).
        try (ResultSet rs = s.executeQuery("SELECT * FROM outbox_entry " + order)) {
            java.util.Set<String> present = new java.util.HashSet<>();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                present.add(rs.getMetaData().getColumnName(i).toLowerCase(Locale.ROOT));
            }
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (String column : COLUMNS.split(", ")) {
                    Object value = present.contains(column) ? rs.getObject(column) : null;
                    row.put(column, value instanceof Integer i ? Long.valueOf(i) : value);
                }
                if (row.get("id") instanceof Long id && row.get("idempotency_key") instanceof String
                        && row.get("kind") instanceof String && row.get("state") instanceof String) {
                    into.putIfAbsent(id, row);
                }
            }
        }
    }

    private static void insertAll(Connection c, List<Map<String, Object>> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        String placeholders = "?, ".repeat(COLUMNS.split(", ").length - 1) + "?";
        c.setAutoCommit(false);
        try (PreparedStatement ps = c.prepareStatement("INSERT OR IGNORE INTO outbox_entry (" + COLUMNS
                + ") VALUES (" + placeholders + ")")) {
            for (Map<String, Object> row : rows) {
                int i = 1;
                for (Object value : row.values()) {
                    ps.setObject(i++, value);
                }
                ps.addBatch();
            }
            ps.executeBatch();
            c.commit();
        } catch (SQLException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                LOG.debug("closing the outbox connection", e);
            }
        }
    }
}
