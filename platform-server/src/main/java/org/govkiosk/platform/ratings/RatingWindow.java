package org.govkiosk.platform.ratings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.govkiosk.api.RatingChannel;
import org.govkiosk.api.RatingSubmission;
import org.govkiosk.personal.Masking;
import org.govkiosk.platform.sms.SmsException;
import org.govkiosk.platform.sms.SmsGateway;
import org.govkiosk.platform.sms.SmsMessage;
import org.govkiosk.platform.store.Database;
import org.govkiosk.platform.store.StorageException;
import org.govkiosk.shared.calendar.WorkingCalendar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rating window of every contact served: a case decided (办结 or 不予受理; the case as a whole, sequence
 * {@value #CASE_CONTACT}) or a window's contact the window business system asked a rating for. Each gets one
 * invitation row (its primary key keeps it one however many instances or runs find it), with the window's last day
 * ({@code windowWorkingDays} working days after the day served, on the working calendar), and an SMS with the
 * rating link when the case has the applicant's phone. When the last day has passed unrated, the platform records
 * 基本满意 marked as default, through the ratings' one-per-contact constraint: a rating that arrives at the same
 * moment, or another instance's default, wins and nothing is stored twice.
 */
final class RatingWindow {

    /** The service sequence of a case's own contact (its decision), as on the receipt's rating link. */
    static final String CASE_CONTACT = "1";
    static final String DEFAULT_TERMINAL = "platform-default";
    private static final Logger LOG = LoggerFactory.getLogger(RatingWindow.class);
    /** Contacts served longer ago than this are not looked for (bounds each scan; the window is far shorter). */
    private static final Duration HORIZON = Duration.ofDays(60);
    /**
     * A contact is invited this long after it was served, not at once: the citizen at the window rates on the pad,
     * at the terminal right after the journey, and an SMS then would ask for what was given.
     */
    static final Duration GRACE = Duration.ofMinutes(10);
    private static final int BATCH = 500;
    private static final DateTimeFormatter SMS_DATE = DateTimeFormatter.ofPattern("M月d日", Locale.ROOT);

    private final Database db;
    private final RatingLinks links;
    private final SmsGateway sms;
    private final WorkingCalendar calendar;
    private final Clock clock;
    private final ZoneId zone;
    private final RatingSettings settings;
    private final Function<RatingSubmission, String> canonicalJson;
    private final ObjectMapper json = new ObjectMapper();

    RatingWindow(Database db, RatingLinks links, SmsGateway sms, WorkingCalendar calendar, Clock clock, ZoneId zone,
            RatingSettings settings, Function<RatingSubmission, String> canonicalJson) {
        this.db = db;
        this.links = links;
        this.sms = sms;
        this.calendar = calendar;
        this.clock = clock;
        this.zone = zone;
        this.settings = settings;
        this.canonicalJson = canonicalJson;
    }

    /** The last day a contact served on {@code served} may be rated. */
    LocalDate lastDay(LocalDate served) {
        return calendar.addWorkingDays(served, settings.windowWorkingDays());
    }

    /** What one run did. */
    record Run(int invited, int smsQueued, int defaulted) {
    }

    Run runOnce() {
        int[] sms = new int[1];
        int invited = 0;
        for (Served s : served()) {
            if (invite(s, sms)) {
                invited++;
            }
        }
        int defaulted = closeWindows();
        return new Run(invited, sms[0], defaulted);
    }

    /** A contact served and not invited yet. */
    private record Served(String caseNumber, String sequence, String itemCode, String itemName, String hallCode,
            String windowId, String clerkId, String servedBy, long servedAt, String submission) {
    }

    private List<Served> served() {
        long horizon = clock.millis() - HORIZON.toMillis();
        long settled = clock.millis() - GRACE.toMillis();
        return db.inTransaction(c -> {
            List<Served> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT k.case_number, k.item_code, k.item_name,"
                    + " t.hall_code, k.terminal_id, MIN(e.occurred_at), k.submission FROM cases k"
                    + " JOIN case_events e ON e.case_number = k.case_number AND e.state IN ('COMPLETED', 'NOT_ACCEPTED')"
                    + " JOIN terminals t ON t.terminal_id = k.terminal_id"
                    + " WHERE k.training = FALSE AND e.occurred_at >= ? AND e.occurred_at <= ?"
                    + " AND NOT EXISTS (SELECT 1 FROM rating_invitations i"
                    + " WHERE i.case_number = k.case_number AND i.service_sequence = ?)"
                    + " GROUP BY k.case_number, k.item_code, k.item_name, t.hall_code, k.terminal_id, k.submission"
                    + " LIMIT " + BATCH)) {
                ps.setLong(1, horizon);
                ps.setLong(2, settled);
                ps.setString(3, CASE_CONTACT);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Served(rs.getString(1), CASE_CONTACT, rs.getString(2), rs.getString(3),
                                rs.getString(4), null, null, rs.getString(5), rs.getLong(6), rs.getString(7)));
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT p.case_number, p.service_sequence, p.item_code,"
                    + " p.item_name, p.hall_code, p.window_id, p.clerk_id, p.requested_at,"
                    + " (SELECT k.submission FROM cases k WHERE k.case_number = p.case_number)"
                    + " FROM pad_rating_requests p WHERE p.requested_at >= ? AND p.requested_at <= ? AND NOT EXISTS"
                    + " (SELECT 1 FROM"
                    + " rating_invitations i WHERE i.case_number = p.case_number"
                    + " AND i.service_sequence = p.service_sequence) ORDER BY p.event_id LIMIT " + BATCH)) {
                ps.setLong(1, horizon);
                ps.setLong(2, settled);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Served(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getString(6), rs.getString(7), null, rs.getLong(8),
                                rs.getString(9)));
                    }
                }
            }
            return out;
        });
    }

    /**
     * The SMS goes into the outbox before the invitation row is written: a run that dies in between finds the
     * contact again and hands over the same message, which the outbox keeps once (its dedupe key).
     *
     * @return whether this run made the invitation (another instance may have been first)
     */
    private boolean invite(Served s, int[] smsQueued) {
        LocalDate servedOn = Instant.ofEpochMilli(s.servedAt()).atZone(zone).toLocalDate();
        LocalDate lastDay = lastDay(servedOn);
        String phone = phone(s.submission());
        boolean queued = false;
        if (phone != null && !rated(s.caseNumber(), s.sequence()) && !lastDay.isBefore(today())) {
            RatingLink link = new RatingLink(s.caseNumber(), s.sequence(), s.windowId(), s.itemCode(), lastDay,
                    RatingLink.Source.SMS);
            String text = "【" + settings.smsSignature() + "】您办理的“" + shortName(s.itemName()) + "”"
                    + (s.windowId() == null ? "已有办理结果" : "已在" + s.windowId() + "号窗口办理")
                    + "，请您对本次服务作出评价（" + SMS_DATE.format(lastDay) + "前有效，逾期视为基本满意）："
                    + links.url(link);
            try {
                sms.send(new SmsMessage("rating-invitation:" + PhoneRatings.sha256(s.caseNumber() + "\n"
                        + s.sequence()).substring(0, 40), phone, text, "rating-invitation"));
                queued = true;
            } catch (SmsException | IllegalArgumentException e) {
                // The window runs all the same; the invitation row says none went, for a person to see.
                LOG.warn("Rating invitation for case {} contact {} not queued: {}", s.caseNumber(), s.sequence(),
                        e.getMessage());
            }
        }
        boolean sent = queued;
        boolean inserted;
        try {
            inserted = db.inTransaction(c -> insertInvitation(c, s, lastDay, sent));
        } catch (StorageException e) {
            if (invited(s.caseNumber(), s.sequence())) {
                return false; // another instance was first
            }
            throw e;
        }
        if (inserted && queued) {
            smsQueued[0]++;
            LOG.info("Rating invitation for case {} contact {} to {} (rate by {})", s.caseNumber(), s.sequence(),
                    Masking.phone(phone), lastDay);
        }
        return inserted;
    }

    private static boolean insertInvitation(Connection c, Served s, LocalDate lastDay, boolean sms)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO rating_invitations (case_number,"
                + " service_sequence, item_code, hall_code, window_id, clerk_id, served_by, served_at, last_day,"
                + " sms_queued) SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM"
                + " rating_invitations WHERE case_number = ? AND service_sequence = ?)")) {
            ps.setString(1, s.caseNumber());
            ps.setString(2, s.sequence());
            ps.setString(3, s.itemCode());
            ps.setString(4, s.hallCode());
            ps.setString(5, s.windowId());
            ps.setString(6, s.clerkId());
            ps.setString(7, s.servedBy());
            ps.setLong(8, s.servedAt());
            ps.setObject(9, lastDay);
            ps.setBoolean(10, sms);
            ps.setString(11, s.caseNumber());
            ps.setString(12, s.sequence());
            return ps.executeUpdate() == 1;
        }
    }

    /** The applicant's phone from the stored case, when there is a case and it has one. */
    private String phone(String submission) {
        if (submission == null) {
            return null;
        }
        try {
            JsonNode phone = json.readTree(submission).path("applicant").path("phone");
            return phone.isTextual() && !phone.asText().isBlank() ? phone.asText().strip() : null;
        } catch (java.io.IOException e) {
            return null;
        }
    }

    private static String shortName(String itemName) {
        if (itemName == null) {
            return "政务服务事项";
        }
        return itemName.length() > 40 ? itemName.substring(0, 39) + "…" : itemName;
    }

    private LocalDate today() {
        return clock.instant().atZone(zone).toLocalDate();
    }

    /** Records 基本满意 by default for every window closed unrated; @return how many this run recorded. */
    int closeWindows() {
        LocalDate today = today();
        List<String[]> closed = db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT i.case_number, i.service_sequence, i.item_code,"
                    + " i.hall_code, i.window_id, i.clerk_id, i.served_by, i.last_day FROM rating_invitations i"
                    + " WHERE i.last_day < ? AND NOT EXISTS (SELECT 1 FROM ratings r"
                    + " WHERE r.case_number = i.case_number AND r.service_sequence = i.service_sequence)"
                    + " ORDER BY i.last_day LIMIT " + BATCH)) {
                ps.setObject(1, today);
                try (ResultSet rs = ps.executeQuery()) {
                    List<String[]> out = new ArrayList<>();
                    while (rs.next()) {
                        out.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getString(6), rs.getString(7),
                                rs.getObject(8, LocalDate.class).toString()});
                    }
                    return out;
                }
            }
        });
        int recorded = 0;
        for (String[] row : closed) {
            if (recordDefault(row)) {
                recorded++;
            }
        }
        return recorded;
    }

    private boolean recordDefault(String[] row) {
        String caseNumber = row[0];
        String sequence = row[1];
        Instant closedAt = LocalDate.parse(row[7]).plusDays(1).atStartOfDay(zone).toInstant();
        RatingSubmission rating = new RatingSubmission("default-" + PhoneRatings.sha256(caseNumber + "\n"
                + sequence).substring(0, 40), caseNumber, sequence, row[2], row[3],
                row[6] == null ? DEFAULT_TERMINAL : row[6], row[4], row[5],
                row[4] == null ? RatingChannel.SELF_SERVICE_TERMINAL : RatingChannel.WINDOW_PAD, 3,
                Map.of(), List.of(), null, false, closedAt);
        String body = canonicalJson.apply(rating);
        long now = clock.millis();
        try {
            String ratingId = UUID.randomUUID().toString();
            return db.inTransaction(c -> {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO ratings (rating_id, terminal_id,"
                        + " idempotency_key, body_sha256, case_number, service_sequence, item_code, level, bad,"
                        + " submission, received_at, defaulted) SELECT ?, ?, ?, ?, ?, ?, ?, 3, FALSE, ?, ?, TRUE"
                        + " WHERE NOT EXISTS (SELECT 1 FROM ratings WHERE case_number = ? AND service_sequence = ?)")) {
                    ps.setString(1, ratingId);
                    ps.setString(2, DEFAULT_TERMINAL);
                    ps.setString(3, rating.idempotencyKey());
                    ps.setString(4, PhoneRatings.sha256(body));
                    ps.setString(5, caseNumber);
                    ps.setString(6, sequence);
                    ps.setString(7, rating.itemCode());
                    ps.setString(8, body);
                    ps.setLong(9, now);
                    ps.setString(10, caseNumber);
                    ps.setString(11, sequence);
                    boolean inserted = ps.executeUpdate() == 1;
                    if (inserted) {
                        // Upward to the province, in the same transaction (issue 18).
                        org.govkiosk.platform.store.UpwardOutbox.enqueue(c,
                                org.govkiosk.platform.store.UpwardOutbox.Kind.DEFAULT_RATING, ratingId, null, null, now);
                        LOG.info("Case {} contact {}: rating window closed {} unrated, recorded 基本满意 by default",
                                caseNumber, sequence, row[7]);
                    }
                    return inserted;
                }
            });
        } catch (StorageException e) {
            if (rated(caseNumber, sequence)) {
                return false; // a rating, or another instance's default, came first: the constraint kept one
            }
            throw e;
        }
    }

    private boolean rated(String caseNumber, String sequence) {
        return exists("SELECT 1 FROM ratings WHERE case_number = ? AND service_sequence = ?", caseNumber, sequence);
    }

    private boolean invited(String caseNumber, String sequence) {
        return exists("SELECT 1 FROM rating_invitations WHERE case_number = ? AND service_sequence = ?", caseNumber,
                sequence);
    }

    private boolean exists(String sql, String a, String b) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, a);
                ps.setString(2, b);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }
}
