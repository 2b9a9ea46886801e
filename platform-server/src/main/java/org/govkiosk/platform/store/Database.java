package org.govkiosk.platform.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The platform's database: a small pool over H2 (default) or PostgreSQL, with the schema applied at start.
 * Stores run their SQL through {@link #inTransaction}, which turns every {@link SQLException} that is not handled
 * inside into a {@link StorageException} (503, retryable).
 */
public final class Database implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    static final String SCHEMA = "/org/govkiosk/platform/store/schema.sql";
    static final String MIGRATIONS = "org/govkiosk/platform/store/migration";
    /** The advisory lock key the migrations run under on PostgreSQL ("govkiosk" in ASCII). */
    private static final long SCHEMA_LOCK = 0x676f766b696f736bL;

    /** Work on one connection inside one transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final HikariDataSource dataSource;
    private final java.util.Optional<H2Files> files;
    private final boolean postgres;

    private Database(HikariDataSource dataSource, java.util.Optional<H2Files> files, boolean postgres) {
        this.dataSource = dataSource;
        this.files = files;
        this.postgres = postgres;
    }

    /**
     * Opens the pool and applies the schema.
     *
     * @throws StorageException if the database cannot be reached or the schema fails
     */
    public static Database open(String url, String user, String password) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(withoutH2CloseOnExit(url));
        if (user != null) {
            config.setUsername(user);
        }
        if (password != null) {
            config.setPassword(password);
        }
        config.setPoolName("platform-db");
        // On PostgreSQL one connection is held for good by the pad events' listener (DatabaseNotifications).
        config.setMaximumPoolSize(url.startsWith("jdbc:postgresql:") ? 9 : 8);
        // A request must learn fast that the database is down (503) rather than hang the terminal's worker.
        config.setConnectionTimeout(2_000);
        config.setValidationTimeout(1_000);
        config.setAutoCommit(true);
        java.util.Optional<H2Files> files = H2Files.of(url);
        files.ifPresent(H2Files::prepareDirectory);
        HikariDataSource dataSource;
        try {
            dataSource = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new StorageException("cannot open database " + redact(url) + ": " + e.getMessage(), e);
        }
        Database database = new Database(dataSource, files, url.startsWith("jdbc:postgresql:"));
        try {
            // First: a user who may not make commits durable is told so before anything is written.
            if (url.startsWith("jdbc:h2:")) {
                database.commitDurably();
            }
            database.applySchema();
            files.ifPresent(H2Files::restrictFiles);
            files.ifPresent(H2Files::syncNames);
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
        LOG.info("Database ready: {}", redact(url));
        return database;
    }

    /**
     * H2 closes a database from a JVM shutdown hook of its own, which runs beside the platform's: on SIGTERM it
     * closed the database under requests the web server was still finishing (503s, retried by the terminals). The
     * platform's hook stops the web server first and then closes the pool, which closes H2. Commits are flushed
     * as they happen ({@code WRITE_DELAY 0}), so a JVM that ends without that close loses nothing either.
     */
    static String withoutH2CloseOnExit(String url) {
        if (!url.startsWith("jdbc:h2:") || url.toUpperCase(java.util.Locale.ROOT).contains("DB_CLOSE_ON_EXIT")) {
            return url;
        }
        return url + ";DB_CLOSE_ON_EXIT=FALSE";
    }

    /**
     * True on PostgreSQL, the database several platform instances share: what must reach every instance travels
     * through it ({@link DatabaseNotifications}). On H2 one process owns the database and delivers in-process.
     */
    public boolean isPostgres() {
        return postgres;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public <T> T inTransaction(Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                if (files.isPresent()) {
                    syncToDisk(c);
                }
                return result;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(c, e);
                throw e;
            }
        } catch (SQLException e) {
            throw new StorageException("database failed: " + e.getMessage(), e);
        }
    }

    /**
     * H2 writes a commit to the file at once ({@code WRITE_DELAY 0}) but never makes it durable: the write sits in
     * the operating system's cache, and a power cut took every case answered 201 (all of them, on powercutfs). So
     * the commit is synced before the answer goes out. PostgreSQL syncs its own commits.
     */
    private static void syncToDisk(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CHECKPOINT SYNC");
        }
    }

    /**
     * Closes a connection for good instead of returning it to the pool: one that listened for notifications would
     * keep collecting them for whoever borrowed it next.
     */
    void evict(Connection c) {
        dataSource.evictConnection(c);
        try {
            c.close();
        } catch (SQLException e) {
            LOG.debug("Closing an evicted connection: {}", e.toString());
        }
    }

    /** Publishes the connection pool's figures (hikaricp_connections_active, _pending, ...) in {@code registry}. */
    public void bindMetrics(io.micrometer.core.instrument.MeterRegistry registry) {
        dataSource.setMetricRegistry(registry);
    }

    /** True if the database answers now. */
    public boolean isReachable() {
        try (Connection c = dataSource.getConnection()) {
            return c.isValid(1);
        } catch (SQLException e) {
            return false;
        }
    }

    /**
     * H2 by default writes a commit to disk up to 500 ms after acknowledging it: a platform killed in that window
     * (power loss, SIGKILL) loses cases it already answered 201 for, and the terminal, told they were stored, has
     * erased them. {@code WRITE_DELAY 0} flushes at every commit. The setting is stored in the database file; it
     * needs an H2 administrator (the creator of the database is one), as does the sync after each commit.
     */
    private void commitDurably() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("SET WRITE_DELAY 0");
        } catch (SQLException e) {
            throw new StorageException("cannot make H2 commits durable (SET WRITE_DELAY 0 needs an H2 administrator;"
                    + " use the database's creator or PostgreSQL): " + e.getMessage(), e);
        }
    }

    /** H2's write delay in milliseconds (for tests); -1 for other databases. */
    int h2WriteDelayMillis() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            if (!c.getMetaData().getURL().startsWith("jdbc:h2:")) {
                return -1;
            }
            try (var rs = s.executeQuery(
                    "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'WRITE_DELAY'")) {
                return rs.next() ? Integer.parseInt(rs.getString(1)) : -1;
            }
        } catch (SQLException e) {
            throw new StorageException("database failed: " + e.getMessage(), e);
        }
    }

    /**
     * Brings the schema up to date with Flyway: migration 1 is the former {@code schema.sql} ({@link
     * BaselineMigration}), the later ones are numbered files in {@value #MIGRATIONS}. A database from before
     * migrations is baselined at 0, so migration 1 runs over it and adds what it lacked. On PostgreSQL the whole of it
     * runs under the schema's advisory lock: Flyway's own lock covers migrating but not its look at the history
     * table first, and of two instances starting together on a new database the second found the first's history
     * table there and still empty, and failed ("Unable to baseline schema history table ... as it already exists, and
     * is empty"), seen once in a CI run of SchemaMigrationTest.
     */
    private void applySchema() {
        if (!postgres) {
            migrate();
            return;
        }
        try (Connection lock = dataSource.getConnection(); Statement s = lock.createStatement()) {
            s.execute("SELECT pg_advisory_lock(" + SCHEMA_LOCK + ")");
            try {
                migrate();
            } finally {
                s.execute("SELECT pg_advisory_unlock(" + SCHEMA_LOCK + ")");
            }
        } catch (SQLException e) {
            throw new StorageException("schema migration failed: " + e.getMessage(), e);
        }
    }

    private void migrate() {
        try {
            Flyway.configure()
                    .dataSource(dataSource)
                    .locations("classpath:" + MIGRATIONS)
                    .javaMigrations(new BaselineMigration(), new PadAndRatingTablesMigration())
                    .baselineOnMigrate(true)
                    .baselineVersion("0")
                    .baselineDescription("schema.sql before migrations")
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            throw new StorageException("schema migration failed: " + e.getMessage(), e);
        }
    }

    static List<String> schemaStatements() {
        String text;
        try (InputStream in = Database.class.getResourceAsStream(SCHEMA)) {
            if (in == null) {
                throw new IllegalStateException("schema resource missing: " + SCHEMA);
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + SCHEMA, e);
        }
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : text.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("--") || trimmed.isEmpty()) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                String sql = current.toString().strip();
                statements.add(sql.substring(0, sql.length() - 1));
                current.setLength(0);
            }
        }
        return statements;
    }

    private static void rollbackQuietly(Connection c, Exception cause) {
        try {
            c.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    /** The URL without anything after '?' or ';' (may hold passwords). */
    static String redact(String url) {
        int cut = url.length();
        for (char ch : new char[] {'?', ';'}) {
            int i = url.indexOf(ch);
            if (i >= 0 && i < cut) {
                cut = i;
            }
        }
        return url.substring(0, cut);
    }

    @Override
    public void close() {
        dataSource.close();
        files.ifPresent(H2Files::restrictFiles);
    }
}
