package org.govkiosk.app.diag;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.sqlite.SQLiteConfig;

/**
 * {@code diag outbox}: what waits for the platform, read straight from the outbox's SQLite file, opened read-only
 * so a technician's look can never change or lock what the running terminal writes. Only counts and times are
 * read; the payload column (encrypted personal data) is never selected, so nothing needs decrypting.
 */
final class OutboxInspector {

    /** Where the terminal keeps it (TerminalPlatform): DATA_DIR/outbox/outbox.db. */
    static Path outboxFile(Path dataDir) {
        return dataDir.resolve("outbox").resolve("outbox.db");
    }

    /** Counts of one kind of entry. */
    record KindCounts(int pending, int sent, int dead, int confirmed, Long oldestWaitingMillis) {
        int waiting() {
            return pending + sent;
        }
    }

    private OutboxInspector() {
    }

    static DiagResult run(Path dataDir, Clock clock) {
        Path file = outboxFile(dataDir);
        if (!Files.isRegularFile(file)) {
            return DiagResult.problems(DiagCli.FAULT, "no outbox at " + file.toAbsolutePath(),
                    List.of("the terminal has not run with this data folder yet, or storage.data-dir points elsewhere"));
        }
        Map<String, KindCounts> kinds;
        try {
            kinds = read(file);
        } catch (SQLException e) {
            return DiagResult.problems(DiagCli.FAULT, "the outbox " + file.toAbsolutePath() + " cannot be read",
                    List.of(String.valueOf(e.getMessage())));
        }
        return report(file, kinds, clock.instant());
    }

    static Map<String, KindCounts> read(Path file) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setBusyTimeout(5000);
        Map<String, int[]> counts = new TreeMap<>();
        Map<String, Long> oldest = new TreeMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), config.toProperties());
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT kind, state, COUNT(*), MIN(created_at) FROM outbox_entry"
                     + " GROUP BY kind, state")) {
            while (rs.next()) {
                String kind = rs.getString(1);
                String state = rs.getString(2);
                int[] n = counts.computeIfAbsent(kind, k -> new int[4]);
                int index = switch (state) {
                    case "PENDING" -> 0;
                    case "SENT" -> 1;
                    case "DEAD" -> 2;
                    default -> 3;
                };
                n[index] += rs.getInt(3);
                if (index <= 1) {
                    long created = rs.getLong(4);
                    oldest.merge(kind, created, Math::min);
                }
            }
        }
        Map<String, KindCounts> kinds = new TreeMap<>();
        counts.forEach((kind, n) -> kinds.put(kind, new KindCounts(n[0], n[1], n[2], n[3], oldest.get(kind))));
        return kinds;
    }

    private static DiagResult report(Path file, Map<String, KindCounts> kinds, Instant now) {
        int depth = kinds.values().stream().mapToInt(KindCounts::waiting).sum();
        int dead = kinds.values().stream().mapToInt(KindCounts::dead).sum();
        Long oldest = kinds.values().stream().map(KindCounts::oldestWaitingMillis).filter(java.util.Objects::nonNull)
                .min(Long::compare).orElse(null);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("ok", true);
        json.put("file", file.toAbsolutePath().toString());
        json.put("depth", depth);
        json.put("oldestAgeSeconds", age(oldest, now));
        json.put("dead", dead);
        Map<String, Object> perKind = new LinkedHashMap<>();
        List<String> text = new ArrayList<>();
        text.add("outbox " + file.toAbsolutePath());
        text.add("depth " + depth + ", oldest " + ageText(age(oldest, now)) + ", dead letters " + dead);
        kinds.forEach((kind, k) -> {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("waiting", k.waiting());
            one.put("pending", k.pending());
            one.put("sent", k.sent());
            one.put("dead", k.dead());
            one.put("confirmed", k.confirmed());
            one.put("oldestAgeSeconds", age(k.oldestWaitingMillis(), now));
            perKind.put(kind, one);
            text.add(String.format("  %-8s waiting %d (pending %d, sent %d), oldest %s, dead %d, confirmed %d", kind,
                    k.waiting(), k.pending(), k.sent(), ageText(age(k.oldestWaitingMillis(), now)), k.dead(),
                    k.confirmed()));
        });
        json.put("kinds", perKind);
        return new DiagResult(DiagCli.OK, text, json);
    }

    private static Long age(Long createdMillis, Instant now) {
        return createdMillis == null ? null
                : Math.max(0, Duration.between(Instant.ofEpochMilli(createdMillis), now).toSeconds());
    }

    private static String ageText(Long seconds) {
        return seconds == null ? "-" : seconds + " s";
    }
}
