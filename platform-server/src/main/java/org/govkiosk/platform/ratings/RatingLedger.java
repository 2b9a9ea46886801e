package org.govkiosk.platform.ratings;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.govkiosk.api.ApiJson;
import org.govkiosk.api.ErrorCodes;
import org.govkiosk.api.FollowUpRates;
import org.govkiosk.api.LedgerActionKind;
import org.govkiosk.api.LedgerEvent;
import org.govkiosk.api.LedgerState;
import org.govkiosk.api.RatingLedgerAction;
import org.govkiosk.api.RatingLedgerEntry;
import org.govkiosk.api.RatingSubmission;
import org.govkiosk.platform.sms.SmsGateway;
import org.govkiosk.platform.store.Database;
import org.govkiosk.platform.store.NotFoundException;
import org.govkiosk.platform.store.StorageException;
import org.govkiosk.platform.store.StoreConflict;
import org.govkiosk.shared.calendar.WorkingCalendar;

/**
 * 回访整改台账: every bad rating a citizen gave (不满意, 非常不满意; never a default) is an entry with an owner, the
 * call-back, the rectification and a deadline of {@value #WORKING_DAYS} working days from the day it was received,
 * on the working calendar. A missed deadline is extended only with a written reason (the history keeps every
 * deadline); closing records the outcome and, for a real-name rating whose case has a phone, queues an SMS with it.
 * Entries are made when the ledger is read or acted on ({@link #sync()}), so no rating path needs to know of it.
 */
public final class RatingLedger {

    static final int WORKING_DAYS = 10;

    private static final String SELECT = "SELECT l.rating_id, l.case_number, l.real_name, l.received_at,"
            + " l.owner_department, l.owner_clerk, l.first_deadline, l.deadline, l.state, l.called_back_at,"
            + " l.called_back_by, l.citizen_said, l.rectification, l.outcome, l.closed_at, l.sms_queued, r.level,"
            + " r.submission, l.notice_number, l.notice_deadline FROM rating_ledger l"
            + " JOIN ratings r ON r.rating_id = l.rating_id";

    private final Database db;
    private final LedgerOutcomeSms outcomeSms;
    private final WorkingCalendar calendar;
    private final Clock clock;
    private final ZoneId zone;
    private final ObjectMapper json = ApiJson.lenient();

    RatingLedger(Database db, SmsGateway sms, WorkingCalendar calendar, Clock clock, ZoneId zone,
            String smsSignature) {
        this.db = db;
        this.outcomeSms = new LedgerOutcomeSms(db, sms, smsSignature);
        this.calendar = calendar;
        this.clock = clock;
        this.zone = zone;
    }

    /**
     * Makes the entries of bad ratings not yet on the ledger, and queues the outcome SMS of closings whose SMS did
     * not reach the outbox (the platform stopped in between, or the outbox failed).
     *
     * @return how many entries it made
     */
    int sync() {
        int made = makeEntries();
        outcomeSms.deliverDue();
        return made;
    }

    private int makeEntries() {
        List<String[]> missing = db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT r.rating_id, r.submission, r.received_at"
                    + " FROM ratings r WHERE r.bad AND NOT r.defaulted AND NOT EXISTS"
                    + " (SELECT 1 FROM rating_ledger l WHERE l.rating_id = r.rating_id)"
                    + " ORDER BY r.received_at, r.rating_id");
                    ResultSet rs = ps.executeQuery()) {
                List<String[]> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(new String[] {rs.getString(1), rs.getString(2), Long.toString(rs.getLong(3))});
                }
                return out;
            }
        });
        int made = 0;
        for (String[] m : missing) {
            RatingSubmission s = submission(m[1]);
            long received = Long.parseLong(m[2]);
            LocalDate deadline = calendar.addWorkingDays(day(received), WORKING_DAYS);
            try {
                made += db.inTransaction(c -> insert(c, m[0], s, received, deadline)) ? 1 : 0;
            } catch (StorageException e) {
                if (!exists(m[0])) {
                    throw e;
                } // else another instance made it first
            }
        }
        return made;
    }

    private boolean insert(Connection c, String ratingId, RatingSubmission s, long received, LocalDate deadline)
            throws SQLException {
        // Owned by the department its window serves for, where the window → department map names one.
        String department = WindowDepartments.of(c, s.hallCode(), s.windowId()).orElse(null);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO rating_ledger (rating_id, case_number,"
                + " real_name, received_at, owner_clerk, first_deadline, deadline, state, owner_department)"
                + " SELECT ?, ?, ?, ?, ?, ?, ?, ?, ? WHERE NOT EXISTS"
                + " (SELECT 1 FROM rating_ledger WHERE rating_id = ?)")) {
            ps.setString(1, ratingId);
            ps.setString(2, s.anonymous() ? null : s.caseNumber());
            ps.setBoolean(3, !s.anonymous());
            ps.setLong(4, received);
            ps.setString(5, s.clerkId());
            ps.setObject(6, deadline);
            ps.setObject(7, deadline);
            ps.setString(8, LedgerState.OPEN.name());
            ps.setString(9, department);
            ps.setString(10, ratingId);
            return ps.executeUpdate() == 1;
        }
    }

    private boolean exists(String ratingId) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM rating_ledger WHERE rating_id = ?")) {
                ps.setString(1, ratingId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    /** The entries, oldest first; only the overdue ones (open past their deadline) when asked. */
    public List<RatingLedgerEntry> list(boolean overdueOnly, int limit) {
        sync();
        LocalDate today = today();
        return db.inTransaction(c -> {
            String where = overdueOnly ? " WHERE l.state <> 'CLOSED' AND l.deadline < ?" : "";
            try (PreparedStatement ps = c.prepareStatement(SELECT + where
                    + " ORDER BY l.received_at, l.rating_id LIMIT " + limit)) {
                if (overdueOnly) {
                    ps.setObject(1, today);
                }
                List<RatingLedgerEntry> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(entry(c, rs, today));
                    }
                }
                return out;
            }
        });
    }

    /** 回访整改率 and on-time rate of a period (see {@link LedgerRates}). */
    FollowUpRates rates(LocalDate from, LocalDate to) {
        return rates(from, to, null);
    }

    /** As above, of the ratings taken in {@code halls} only (null: every hall). */
    FollowUpRates rates(LocalDate from, LocalDate to, java.util.Set<String> halls) {
        sync();
        return LedgerRates.of(db, zone, from, to, halls);
    }

    /**
     * @throws NotFoundException if no bad rating has this id
     * @throws StoreConflict if the entry is closed, or the step does not fit it
     */
    public RatingLedgerEntry act(RatingLedgerAction a) {
        sync();
        Instant now = clock.instant();
        LocalDate today = today();
        RatingLedgerEntry after = db.inTransaction(c -> {
            RatingLedgerEntry e = byId(c, a.ratingId(), today, true).orElseThrow(() -> new NotFoundException(
                    ErrorCodes.NOT_FOUND, "no bad rating " + a.ratingId() + " on the ledger"));
            if (e.state() == LedgerState.CLOSED) {
                throw new StoreConflict(ErrorCodes.ILLEGAL_TRANSITION, "the entry of rating " + a.ratingId()
                        + " is closed");
            }
            switch (a.action()) {
                case ASSIGN -> update(c, "UPDATE rating_ledger SET owner_department = COALESCE(?, owner_department),"
                        + " owner_clerk = COALESCE(?, owner_clerk) WHERE rating_id = ?", a.ownerDepartment(),
                        a.ownerClerk(), a.ratingId());
                case CALL_BACK -> callBack(c, e, a, now);
                case EXTEND -> {
                    if (!a.newDeadline().isAfter(e.deadline())) {
                        throw new StoreConflict(ErrorCodes.ILLEGAL_TRANSITION, "the new deadline must be after "
                                + e.deadline());
                    }
                    if (!calendar.isWorkingDay(a.newDeadline())) {
                        throw new StoreConflict(ErrorCodes.ILLEGAL_TRANSITION, a.newDeadline()
                                + " is no working day");
                    }
                    update(c, "UPDATE rating_ledger SET deadline = ? WHERE rating_id = ?", a.newDeadline(),
                            a.ratingId());
                }
                case CLOSE -> {
                    if (e.calledBackAt() == null && a.citizenSaid() != null && !a.citizenSaid().isBlank()) {
                        callBack(c, e, a, now); // a simple one, called back and closed at once
                    } else if (e.calledBackAt() == null && e.realName()) {
                        throw new StoreConflict(ErrorCodes.ILLEGAL_TRANSITION, "a real-name bad rating is called"
                                + " back before it is closed: give citizenSaid");
                    }
                    // The SMS is due with the closing, in its transaction: queued after the commit, or by the next
                    // sync should the platform stop before.
                    boolean due = e.realName() && LedgerOutcomeSms.phone(c, e.caseNumber()) != null;
                    update(c, "UPDATE rating_ledger SET state = 'CLOSED', rectification = ?, outcome = ?,"
                            + " closed_at = ?, closed_on = ?, sms_due = ? WHERE rating_id = ?", a.rectification(),
                            a.outcome(), now.toEpochMilli(), today, due, a.ratingId());
                }
                default -> throw new IllegalArgumentException("unknown action " + a.action());
            }
            LocalDate deadline = a.action() == LedgerActionKind.EXTEND ? a.newDeadline() : e.deadline();
            String note = switch (a.action()) {
                case EXTEND -> a.reason();
                case CLOSE -> a.rectification();
                default -> a.reason();
            };
            history(c, a.ratingId(), now, a.by(), a.action(), deadline, note);
            return byId(c, a.ratingId(), today, false).orElseThrow();
        });
        if (a.action() != LedgerActionKind.CLOSE || outcomeSms.deliverDue() == 0) {
            return after;
        }
        return db.inTransaction(c -> byId(c, a.ratingId(), today, false).orElseThrow());
    }

    private void callBack(Connection c, RatingLedgerEntry e, RatingLedgerAction a, Instant now) throws SQLException {
        if (!e.realName()) {
            throw new StoreConflict(ErrorCodes.ILLEGAL_TRANSITION, "an anonymous rating (不公开评价) has no one to"
                    + " call back");
        }
        Instant at = a.calledBackAt() == null ? now : a.calledBackAt();
        if (at.isAfter(now)) {
            throw new IllegalArgumentException("calledBackAt is in the future");
        }
        update(c, "UPDATE rating_ledger SET state = 'CALLED_BACK', called_back_at = ?, called_back_by = ?,"
                + " citizen_said = ? WHERE rating_id = ?", at.toEpochMilli(), a.by(), a.citizenSaid(), a.ratingId());
    }

    static int update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            return ps.executeUpdate();
        }
    }

    static void history(Connection c, String ratingId, Instant at, String by, LedgerActionKind action,
            LocalDate deadline, String reason) throws SQLException {
        int step;
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT COALESCE(MAX(step), 0) FROM rating_ledger_history WHERE rating_id = ?")) {
            ps.setString(1, ratingId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                step = rs.getInt(1) + 1;
            }
        }
        update(c, "INSERT INTO rating_ledger_history (rating_id, step, happened_at, done_by, action, deadline,"
                + " reason) VALUES (?, ?, ?, ?, ?, ?, ?)", ratingId, step, at.toEpochMilli(), by, action.name(),
                deadline, reason);
    }

    private Optional<RatingLedgerEntry> byId(Connection c, String ratingId, LocalDate today, boolean lock)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT + " WHERE l.rating_id = ?" + (lock ? " FOR UPDATE"
                : ""))) {
            ps.setString(1, ratingId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(entry(c, rs, today)) : Optional.empty();
            }
        }
    }

    private RatingLedgerEntry entry(Connection c, ResultSet rs, LocalDate today) throws SQLException {
        String id = rs.getString(1);
        RatingSubmission s = submission(rs.getString(18));
        LedgerState state = LedgerState.valueOf(rs.getString(9));
        LocalDate deadline = rs.getObject(8, LocalDate.class);
        boolean realName = rs.getBoolean(3);
        return new RatingLedgerEntry(id, rs.getString(2), rs.getInt(17), realName, s.windowId(), s.clerkId(),
                rs.getString(5), rs.getString(6), Instant.ofEpochMilli(rs.getLong(4)),
                rs.getObject(7, LocalDate.class), deadline, state,
                state != LedgerState.CLOSED && deadline.isBefore(today), instant(rs, 10), rs.getString(11),
                rs.getString(12), rs.getString(13), rs.getString(14), instant(rs, 15), rs.getBoolean(16),
                history(c, id), rs.getString(19), rs.getObject(20, LocalDate.class));
    }

    private static List<LedgerEvent> history(Connection c, String ratingId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT happened_at, done_by, action, deadline, reason"
                + " FROM rating_ledger_history WHERE rating_id = ? ORDER BY step")) {
            ps.setString(1, ratingId);
            try (ResultSet rs = ps.executeQuery()) {
                List<LedgerEvent> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(new LedgerEvent(Instant.ofEpochMilli(rs.getLong(1)), rs.getString(2),
                            LedgerActionKind.valueOf(rs.getString(3)), rs.getObject(4, LocalDate.class),
                            rs.getString(5)));
                }
                return out;
            }
        }
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(v);
    }

    private RatingSubmission submission(String stored) {
        try {
            return json.readValue(stored, RatingSubmission.class);
        } catch (JsonProcessingException e) {
            throw new StorageException("a stored rating cannot be read: " + e.getOriginalMessage(), e);
        }
    }

    private LocalDate day(long epochMillis) {
        return Instant.ofEpochMilli(epochMillis).atZone(zone).toLocalDate();
    }

    /** Queues the outcome SMS due (see {@link LedgerOutcomeSms#deliverDue()}). @return how many */
    int deliverDueSms() {
        return outcomeSms.deliverDue();
    }

    private LocalDate today() {
        return clock.instant().atZone(zone).toLocalDate();
    }
}
