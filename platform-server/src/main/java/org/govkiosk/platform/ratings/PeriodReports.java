package org.govkiosk.platform.ratings;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.govkiosk.api.ApiJson;
import org.govkiosk.api.LedgerState;
import org.govkiosk.api.RatingChannel;
import org.govkiosk.api.RatingReport;
import org.govkiosk.api.RatingSubmission;
import org.govkiosk.platform.store.Database;
import org.govkiosk.platform.store.StorageException;

/**
 * Ratings of a period per department (by the window → department map), window, clerk, item or channel: counts per
 * level of the ratings citizens gave, the defaults apart, 差评率 and default share over all, anonymous ones, the
 * follow-up ledger's rates of the real-name bad ones, and the ratings an upheld appeal took out (counted there
 * and nowhere else). Read in one pass over the period's ratings; a period is at most 366 days.
 */
final class PeriodReports {

    /** What a report is grouped by. */
    enum By {
        DEPARTMENT, WINDOW, CLERK, ITEM, CHANNEL;

        static By parse(String text) {
            for (By b : values()) {
                if (b.name().equalsIgnoreCase(text)) {
                    return b;
                }
            }
            throw new IllegalArgumentException("by must be one of department, window, clerk, item, channel");
        }

        String text() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** All rows together. */
    static final String ALL = LedgerRates.ALL;

    private final Database db;
    private final ZoneId zone;
    private final Runnable ledgerSync;
    private final ObjectMapper json = ApiJson.lenient();

    PeriodReports(Database db, ZoneId zone, Runnable ledgerSync) {
        this.db = db;
        this.zone = zone;
        this.ledgerSync = ledgerSync;
    }

    /** One rating as the report counts it. */
    private record Counted(RatingSubmission s, String itemName, boolean defaulted, boolean upheld, boolean onLedger,
            boolean rectified, boolean onTime) {
    }

    RatingReport report(By by, LocalDate from, LocalDate to) {
        return report(by, from, to, null);
    }

    /** As above, of one hall's ratings only when {@code hallCode} is given. */
    RatingReport report(By by, LocalDate from, LocalDate to, String hallCode) {
        ledgerSync.run(); // the follow-up of a bad rating is counted from its ledger entry
        Map<String, String> windows = new WindowDepartments(db, null).snapshot();
        Map<String, Acc> rows = new TreeMap<>();
        Acc all = new Acc(ALL, ALL);
        for (Counted r : read(from, to)) {
            if (hallCode != null && !hallCode.equals(r.s().hallCode())) {
                continue;
            }
            String key = key(by, r, windows);
            Acc row = rows.computeIfAbsent(key, k -> new Acc(k, label(by, k, r)));
            row.add(r);
            all.add(r);
        }
        List<RatingReport.Row> out = new ArrayList<>();
        rows.values().stream().sorted(Comparator.comparing((Acc a) -> a.key.equals(LedgerRates.UNASSIGNED))
                .thenComparing(a -> a.key)).forEach(a -> out.add(a.row()));
        return new RatingReport(by.text(), from, to, all.row(), out);
    }

    private static String key(By by, Counted r, Map<String, String> windows) {
        RatingSubmission s = r.s();
        String k = switch (by) {
            case DEPARTMENT -> s.windowId() == null ? null
                    : windows.get(WindowDepartments.key(s.hallCode(), s.windowId()));
            case WINDOW -> s.windowId();
            case CLERK -> s.clerkId();
            case ITEM -> s.itemCode();
            case CHANNEL -> s.channel().name();
        };
        return k == null || k.isBlank() ? LedgerRates.UNASSIGNED : k;
    }

    private static String label(By by, String key, Counted r) {
        if (by == By.ITEM && r.itemName() != null) {
            return r.itemName();
        }
        if (by == By.CHANNEL && !key.equals(LedgerRates.UNASSIGNED)) {
            return channelName(RatingChannel.valueOf(key));
        }
        return key;
    }

    static String channelName(RatingChannel c) {
        return switch (c) {
            case WINDOW_PAD -> "窗口评价器";
            case SELF_SERVICE_TERMINAL -> "自助终端";
            case PHONE_QR -> "扫码评价";
            case PHONE_SMS -> "短信评价";
        };
    }

    private List<Counted> read(LocalDate from, LocalDate to) {
        long start = from.atStartOfDay(zone).toInstant().toEpochMilli();
        long end = to.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT r.submission, r.defaulted, "
                    + RatingAppeals.UPHELD_SQL + ", l.rating_id, l.state, l.called_back_at, l.rectification,"
                    + " l.closed_on, l.first_deadline,"
                    + " COALESCE((SELECT MAX(p.item_name) FROM pad_rating_requests p WHERE p.case_number ="
                    + " r.case_number AND p.service_sequence = r.service_sequence), (SELECT k.item_name FROM cases k"
                    + " WHERE k.case_number = r.case_number))"
                    + " FROM ratings r LEFT JOIN rating_ledger l ON l.rating_id = r.rating_id"
                    + " WHERE r.received_at >= ? AND r.received_at < ? ORDER BY r.received_at, r.rating_id")) {
                ps.setLong(1, start);
                ps.setLong(2, end);
                List<Counted> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        boolean onLedger = rs.getString(4) != null;
                        boolean closed = LedgerState.CLOSED.name().equals(rs.getString(5));
                        rs.getLong(6);
                        boolean calledBack = !rs.wasNull();
                        LocalDate closedOn = rs.getObject(8, LocalDate.class);
                        LocalDate first = rs.getObject(9, LocalDate.class);
                        out.add(new Counted(submission(rs.getString(1)), rs.getString(10), rs.getBoolean(2),
                                rs.getBoolean(3), onLedger, closed && calledBack && rs.getString(7) != null,
                                closed && closedOn != null && first != null && !closedOn.isAfter(first)));
                    }
                }
                return out;
            }
        });
    }

    private RatingSubmission submission(String stored) {
        try {
            return json.readValue(stored, RatingSubmission.class);
        } catch (JsonProcessingException e) {
            throw new StorageException("a stored rating cannot be read: " + e.getOriginalMessage(), e);
        }
    }

    /** One row's counts as they add up. */
    private static final class Acc {
        final String key;
        final String label;
        final int[] levels = new int[6];
        int given;
        int defaulted;
        int bad;
        int anonymous;
        int realNameBad;
        int rectified;
        int onTime;
        int upheld;

        Acc(String key, String label) {
            this.key = key;
            this.label = label;
        }

        void add(Counted r) {
            if (r.upheld()) {
                upheld++; // 申诉成立: kept in the record, counted nowhere else
                return;
            }
            if (r.defaulted()) {
                defaulted++;
                return;
            }
            int level = r.s().level();
            levels[level]++;
            given++;
            if (r.s().anonymous()) {
                anonymous++;
            }
            if (level <= RatingSubmission.BAD_LEVEL_MAX) {
                bad++;
                if (!r.s().anonymous()) {
                    realNameBad++;
                    rectified += r.rectified() ? 1 : 0;
                    onTime += r.onTime() ? 1 : 0;
                }
            }
        }

        RatingReport.Row row() {
            Map<String, Integer> byLevel = new LinkedHashMap<>();
            for (int l = 1; l <= 5; l++) {
                byLevel.put(String.valueOf(l), levels[l]);
            }
            int total = given + defaulted;
            Function<Integer, Double> share = n -> total == 0 ? 0.0 : (double) n / total;
            return new RatingReport.Row(key, label, byLevel, given, defaulted, total, bad, share.apply(bad),
                    share.apply(defaulted), anonymous, realNameBad, rectified, onTime,
                    realNameBad == 0 ? 1.0 : (double) rectified / realNameBad,
                    realNameBad == 0 ? 1.0 : (double) onTime / realNameBad, upheld);
        }
    }
}
