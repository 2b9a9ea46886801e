package org.govkiosk.bench.province;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Samples PostgreSQL's pg_stat_activity of the benchmark's database every 200 ms while a measurement runs: how
 * many connections the instances hold, how many of them are running a statement, and what the running ones wait
 * for (Lock, LWLock, IO, Client, ... or nothing: on the CPU).
 */
final class PgActivity implements AutoCloseable {

    private final Connection connection;
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "pg-activity");
        t.setDaemon(true);
        return t;
    });
    private int samples;
    private long connections;
    private long active;
    private int maxActive;
    private final Map<String, Long> waits = new TreeMap<>();

    PgActivity(String url) throws SQLException {
        connection = DriverManager.getConnection(url, BenchPostgres.USER, "");
        sampler.scheduleAtFixedRate(this::sample, 0, 200, TimeUnit.MILLISECONDS);
    }

    private synchronized void sample() {
        int conns = 0;
        int running = 0;
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT state, COALESCE(wait_event_type, 'CPU'), COUNT(*) FROM pg_stat_activity"
                        + " WHERE datname = current_database() AND pid <> pg_backend_pid() GROUP BY 1, 2")) {
            while (rs.next()) {
                int n = rs.getInt(3);
                conns += n;
                if ("active".equals(rs.getString(1))) {
                    running += n;
                    waits.merge(rs.getString(2), (long) n, Long::sum);
                }
            }
        } catch (SQLException e) {
            return;
        }
        samples++;
        connections += conns;
        active += running;
        maxActive = Math.max(maxActive, running);
    }

    /** What was seen, as one line; a running statement that waits for nothing is on the CPU ("CPU"). */
    synchronized String summary() {
        if (samples == 0) {
            return "no samples";
        }
        StringBuilder w = new StringBuilder();
        waits.forEach((k, v) -> w.append(w.length() == 0 ? "" : ", ").append(k).append(' ')
                .append(String.format(java.util.Locale.ROOT, "%.2f", (double) v / samples)));
        return String.format(java.util.Locale.ROOT, "connections %.0f, running a statement %.2f on average (max %d):"
                + " %s", (double) connections / samples, (double) active / samples, maxActive,
                w.length() == 0 ? "none" : w);
    }

    synchronized double averageActive() {
        return samples == 0 ? 0 : (double) active / samples;
    }

    synchronized double averageConnections() {
        return samples == 0 ? 0 : (double) connections / samples;
    }

    @Override
    public void close() throws SQLException {
        sampler.shutdownNow();
        synchronized (this) {
            connection.close();
        }
    }
}
