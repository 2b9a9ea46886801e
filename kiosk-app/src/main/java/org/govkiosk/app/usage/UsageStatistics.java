package org.govkiosk.app.usage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts what the terminal is used for, for the hall's managers: sessions, applications per service item, ratings
 * per level. Nothing personal is stored: an item code, a level, how a session ended, and the day. Events go to a
 * raw table; {@link #rollUp()} folds past days into one row per day and key, so the file stays small however long
 * the terminal runs. Writes run on the given executor, never on the caller's (the FX) thread.
 */
public final class UsageStatistics implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(UsageStatistics.class);
    /** Daily rows older than this are deleted at the roll-up. */
    private static final int KEEP_DAYS = 400;

    enum Kind { SESSION, APPLICATION, RATING }

    /** Opened by the first task on the writer: the terminal's first screen does not wait for SQLite to load. */
    private final CompletableFuture<Connection> db;
    private final Clock clock;
    private final ZoneId zone;
    private final Executor writer;

    private UsageStatistics(CompletableFuture<Connection> db, Clock clock, ZoneId zone, Executor writer) {
        this.db = db;
        this.clock = clock;
        this.zone = zone;
        this.writer = writer;
    }

    /**
     * Opens or creates the database file as the first task on {@code writer}, so the caller does not wait for it
     * (events counted meanwhile queue behind it); a damaged file is moved aside and counting starts again. A file
     * that cannot be opened even then is logged, and usage is not counted: counting never stops citizen service.
     */
    public static UsageStatistics open(Path file, Clock clock, ZoneId zone, Executor writer) {
        CompletableFuture<Connection> db = CompletableFuture.supplyAsync(() -> connectOrStartAgain(file), writer);
        db.exceptionally(e -> {
            LOG.error("Usage statistics are not counted: {}", e.getMessage());
            return null;
        });
        return new UsageStatistics(db, clock, zone, writer);
    }

    private static Connection connectOrStartAgain(Path file) {
        try {
            return connect(file);
        } catch (SQLException e) {
            Path aside = file.resolveSibling(file.getFileName() + ".damaged-" + System.currentTimeMillis());
            LOG.error("Usage statistics {} cannot be opened ({}); moved to {}, counting starts again", file,
                    e.getMessage(), aside);
            try {
                Files.move(file, aside);
                return connect(file);
            } catch (java.io.IOException | SQLException again) {
                throw new IllegalStateException("usage statistics " + file + " cannot be opened: " + again, again);
            }
        }
    }

    /** The open database; throws the reason it could not be opened. */
    private Connection db() {
        try {
            return db.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof IllegalStateException i ? i : new IllegalStateException(e.getCause());
        }
    }

    private static Connection connect(Path file) throws SQLException {
        try {
            org.govkiosk.app.security.OwnerOnly.sqlite(file);
        } catch (java.io.IOException e) {
            throw new SQLException("cannot create " + file + " (owner-only)", e);
        }
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA journal_mode=WAL");
            // Each event is synced before the next: a power cut loses at most the one being written. It costs one
            // small WAL write per citizen action, off the FX thread.
            s.execute("PRAGMA synchronous=FULL");
            s.execute("CREATE TABLE IF NOT EXISTS usage_event (day TEXT NOT NULL, kind TEXT NOT NULL,"
                    + " key TEXT NOT NULL)");
            s.execute("CREATE TABLE IF NOT EXISTS usage_daily (day TEXT NOT NULL, kind TEXT NOT NULL,"
                    + " key TEXT NOT NULL, count INTEGER NOT NULL, PRIMARY KEY (day, kind, key))");
            s.execute("PRAGMA quick_check");
        } catch (SQLException e) {
            c.close();
            throw e;
        }
        return c;
    }

    /** A citizen session ended ({@code reason}: FINISHED, TIMEOUT, MAINTENANCE). */
    public void sessionEnded(String reason) {
        record(Kind.SESSION, reason);
    }

    /** An application for this item (its code) was submitted. */
    public void applicationSubmitted(String itemCode) {
        record(Kind.APPLICATION, itemCode);
    }

    /** A 好差评 rating of this level (1..5) was given. */
    public void ratingGiven(int level) {
        if (level < 1 || level > 5) {
            throw new IllegalArgumentException("rating level must be 1..5, was " + level);
        }
        record(Kind.RATING, String.valueOf(level));
    }

    private void record(Kind kind, String key) {
        String day = today().toString();
        writer.execute(() -> insert(day, kind, key));
    }

    private synchronized void insert(String day, Kind kind, String key) {
        try (PreparedStatement ps = db().prepareStatement(
                "INSERT INTO usage_event (day, kind, key) VALUES (?, ?, ?)")) {
            ps.setString(1, day);
            ps.setString(2, kind.name());
            ps.setString(3, key);
            ps.executeUpdate();
        } catch (SQLException | IllegalStateException e) {
            // Statistics never stop service: the event is lost, and said so once.
            LOG.error("Usage event {} not recorded: {}", kind, e.getMessage());
        }
    }

    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone);
    }

    /** Folds every past day's raw events into daily rows, and forgets days past the keep; returns rows folded. */
    public synchronized int rollUp() {
        String today = today().toString();
        try {
            db().setAutoCommit(false);
            try (PreparedStatement fold = db().prepareStatement("INSERT INTO usage_daily (day, kind, key, count)"
                    + " SELECT day, kind, key, COUNT(*) FROM usage_event WHERE day < ? GROUP BY day, kind, key"
                    + " ON CONFLICT (day, kind, key) DO UPDATE SET count = count + excluded.count");
                 PreparedStatement clear = db().prepareStatement("DELETE FROM usage_event WHERE day < ?");
                 PreparedStatement forget = db().prepareStatement("DELETE FROM usage_daily WHERE day < ?")) {
                fold.setString(1, today);
                fold.executeUpdate();
                clear.setString(1, today);
                int folded = clear.executeUpdate();
                forget.setString(1, today().minusDays(KEEP_DAYS).toString());
                forget.executeUpdate();
                db().commit();
                return folded;
            } catch (SQLException e) {
                db().rollback();
                throw e;
            } finally {
                db().setAutoCommit(true);
            }
        } catch (SQLException e) {
            LOG.error("Usage roll-up failed (raw events kept, tried again next time): {}", e.getMessage());
            return 0;
        }
    }

    /** Today only. */
    public UsageReport todayReport() {
        return report(today(), today());
    }

    /** The last {@code days} days up to and including today. */
    public UsageReport lastDays(int days) {
        return report(today().minusDays(days - 1L), today());
    }

    /** Usage from {@code from} to {@code to}, both included: daily rows and not yet rolled-up events together. */
    public synchronized UsageReport report(LocalDate from, LocalDate to) {
        Map<String, Long> sessions = new HashMap<>();
        TreeMap<LocalDate, Long> byDay = new TreeMap<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            byDay.put(d, 0L);
        }
        Map<String, Long> items = new HashMap<>();
        TreeMap<Integer, Long> ratings = new TreeMap<>();
        for (int level = 1; level <= 5; level++) {
            ratings.put(level, 0L);
        }
        String sql = "SELECT day, kind, key, SUM(n) FROM (SELECT day, kind, key, count AS n FROM usage_daily"
                + " WHERE day BETWEEN ? AND ? UNION ALL SELECT day, kind, key, 1 AS n FROM usage_event"
                + " WHERE day BETWEEN ? AND ?) GROUP BY day, kind, key";
        try (PreparedStatement ps = db().prepareStatement(sql)) {
            ps.setString(1, from.toString());
            ps.setString(2, to.toString());
            ps.setString(3, from.toString());
            ps.setString(4, to.toString());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    LocalDate day = LocalDate.parse(rs.getString(1));
                    String key = rs.getString(3);
                    long n = rs.getLong(4);
                    switch (Kind.valueOf(rs.getString(2))) {
                        case SESSION -> {
                            sessions.merge(key, n, Long::sum);
                            byDay.merge(day, n, Long::sum);
                        }
                        case APPLICATION -> items.merge(key, n, Long::sum);
                        case RATING -> ratings.merge(Integer.parseInt(key), n, Long::sum);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("usage statistics cannot be read: " + e.getMessage(), e);
        }
        return new UsageReport(from, to, sessions, byDay, items, ratings);
    }

    @Override
    public synchronized void close() {
        // After the writer's bounded close: an open that never ran or failed leaves nothing to close.
        Connection open = db.isDone() && !db.isCompletedExceptionally() ? db.join() : null;
        if (open == null) {
            return;
        }
        try {
            open.close();
        } catch (SQLException e) {
            LOG.warn("Usage statistics not closed cleanly: {}", e.getMessage());
        }
    }
}
