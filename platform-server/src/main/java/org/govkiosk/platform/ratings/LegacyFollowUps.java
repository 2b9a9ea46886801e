package org.govkiosk.platform.ratings;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.govkiosk.api.ApiJson;
import org.govkiosk.api.BadRating;
import org.govkiosk.api.ErrorCodes;
import org.govkiosk.api.FollowUpState;
import org.govkiosk.api.LedgerActionKind;
import org.govkiosk.api.LedgerState;
import org.govkiosk.api.RatingFollowUp;
import org.govkiosk.api.RatingLedgerAction;
import org.govkiosk.api.RatingSubmission;
import org.govkiosk.platform.store.Database;
import org.govkiosk.platform.store.NotFoundException;
import org.govkiosk.platform.store.StorageException;
import org.govkiosk.platform.store.StoreConflict;

/**
 * The bad-rating work list from before the ledger ({@code GET /clerk/ratings/bad}, {@code POST
 * /clerk/ratings/follow-ups}, deprecated) as a view of the 回访整改台账, so that a bad rating has one follow-up
 * record: the list shows each ledger entry's state (OPEN; CALLED_BACK as IN_PROGRESS; CLOSED as RESOLVED), and a
 * follow-up posted the old way is a step on the ledger (IN_PROGRESS with a note: the call-back, the note being
 * what the citizen said; RESOLVED: the closing, the note being the rectification and, where no call-back is on
 * the ledger yet, the call-back of a simple case closed at once). Follow-ups recorded in the old
 * table ({@code rating_follow_ups}) before are carried onto their ledger entries once and removed from it.
 */
final class LegacyFollowUps {

    static final String BY = "follow-ups-api";
    static final String MIGRATED = "follow-ups (migrated)";

    private final Database db;
    private final RatingLedger ledger;
    private final ZoneId zone;
    private final ObjectMapper json = ApiJson.lenient();

    LegacyFollowUps(Database db, RatingLedger ledger, ZoneId zone) {
        this.db = db;
        this.ledger = ledger;
        this.zone = zone;
    }

    /** Bad ratings citizens gave, oldest first, with the state of their ledger entry, of {@code halls} (null: all). */
    List<BadRating> list(Optional<FollowUpState> state, java.util.Set<String> halls, int limit) {
        ledger.sync();
        carryOver();
        List<Object> args = new ArrayList<>();
        String where = state.map(s -> " AND l.state = '" + ledgerState(s).name() + "'").orElse("")
                + org.govkiosk.platform.store.HallScope.andIn(org.govkiosk.platform.store.HallScope.RATING_HALL,
                        halls, args);
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(SELECT + where
                    + " ORDER BY r.received_at, r.rating_id LIMIT " + limit)) {
                for (int i = 0; i < args.size(); i++) {
                    ps.setObject(i + 1, args.get(i));
                }
                List<BadRating> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(badRating(rs));
                    }
                }
                return out;
            }
        });
    }

    /**
     * A follow-up posted the old way, as a ledger step.
     *
     * @throws NotFoundException if there is no such rating
     * @throws IllegalArgumentException if it is no bad rating, or IN_PROGRESS comes without a note
     * @throws StoreConflict if the ledger refuses the step (OPEN again, a closed entry, an anonymous call-back, a
     *     real-name rating closed before it was called back)
     */
    BadRating followUp(RatingFollowUp f) {
        ledger.sync();
        carryOver();
        Optional<BadRating> current = byId(f.ratingId());
        if (current.isEmpty()) {
            boolean exists = db.inTransaction(c -> {
                try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM ratings WHERE rating_id = ?")) {
                    ps.setString(1, f.ratingId());
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next();
                    }
                }
            });
            if (!exists) {
                throw new NotFoundException(ErrorCodes.NOT_FOUND, "no rating " + f.ratingId());
            }
            throw new IllegalArgumentException("rating " + f.ratingId() + " is not a bad rating");
        }
        RatingLedgerAction step = switch (f.state()) {
            case OPEN -> throw new StoreConflict(ErrorCodes.ILLEGAL_TRANSITION, "the follow-up ledger does not"
                    + " reopen an entry");
            case IN_PROGRESS -> {
                if (f.note() == null || f.note().isBlank()) {
                    throw new IllegalArgumentException("note is required: what the citizen said when called back");
                }
                yield new RatingLedgerAction(f.ratingId(), LedgerActionKind.CALL_BACK, BY, null, null, null,
                        f.note(), null, null, null, null);
            }
            // The old RESOLVED meant revisited and fixed: where no call-back is on the ledger yet, the note is the
            // call-back of a simple case closed at once, as the ledger's CLOSE allows.
            case RESOLVED -> new RatingLedgerAction(f.ratingId(), LedgerActionKind.CLOSE, BY, null, null, null,
                    current.get().anonymous() ? null : f.note(), null, null, f.note(), "已整改");
        };
        ledger.act(step);
        return byId(f.ratingId()).orElseThrow();
    }

    /**
     * Carries the follow-ups of the old table onto the ledger: RESOLVED closes an entry not closed yet (the note
     * as its rectification and, for a real-name one not called back, its call-back: the old RESOLVED meant
     * revisited and fixed), IN_PROGRESS with a
     * note is the call-back of a real-name entry still open; every old note is kept in the entry's history. Each
     * old row is removed in the same transaction.
     *
     * @return how many were carried
     */
    int carryOver() {
        List<String> ids = db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT f.rating_id FROM rating_follow_ups f"
                    + " JOIN rating_ledger l ON l.rating_id = f.rating_id");
                    ResultSet rs = ps.executeQuery()) {
                List<String> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
                return out;
            }
        });
        int carried = 0;
        for (String id : ids) {
            carried += db.inTransaction(c -> carry(c, id)) ? 1 : 0;
        }
        return carried;
    }

    private boolean carry(Connection c, String ratingId) throws SQLException {
        String state;
        String note;
        long at;
        try (PreparedStatement ps = c.prepareStatement("SELECT state, note, updated_at FROM rating_follow_ups"
                + " WHERE rating_id = ? FOR UPDATE")) {
            ps.setString(1, ratingId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return false; // another instance carried it
                }
                state = rs.getString(1);
                note = rs.getString(2);
                at = rs.getLong(3);
            }
        }
        String ledgerState;
        boolean realName;
        LocalDate deadline;
        try (PreparedStatement ps = c.prepareStatement("SELECT state, real_name, deadline FROM rating_ledger"
                + " WHERE rating_id = ? FOR UPDATE")) {
            ps.setString(1, ratingId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                ledgerState = rs.getString(1);
                realName = rs.getBoolean(2);
                deadline = rs.getObject(3, LocalDate.class);
            }
        }
        Instant when = Instant.ofEpochMilli(at);
        boolean hasNote = note != null && !note.isBlank();
        if (state.equals(FollowUpState.RESOLVED.name()) && !ledgerState.equals(LedgerState.CLOSED.name())) {
            if (realName) { // revisited and fixed, as the old RESOLVED meant: the call-back of a simple case
                RatingLedger.update(c, "UPDATE rating_ledger SET called_back_at = COALESCE(called_back_at, ?),"
                        + " called_back_by = COALESCE(called_back_by, ?), citizen_said = COALESCE(citizen_said, ?)"
                        + " WHERE rating_id = ?", at, MIGRATED, note, ratingId);
            }
            RatingLedger.update(c, "UPDATE rating_ledger SET state = 'CLOSED', rectification = ?, outcome = ?,"
                    + " closed_at = ?, closed_on = ? WHERE rating_id = ?", note, "已整改", at,
                    when.atZone(zone).toLocalDate(), ratingId);
            RatingLedger.history(c, ratingId, when, MIGRATED, LedgerActionKind.CLOSE, deadline, note);
        } else if (state.equals(FollowUpState.IN_PROGRESS.name()) && hasNote && realName
                && ledgerState.equals(LedgerState.OPEN.name())) {
            RatingLedger.update(c, "UPDATE rating_ledger SET state = 'CALLED_BACK', called_back_at = ?,"
                    + " called_back_by = ?, citizen_said = ? WHERE rating_id = ?", at, MIGRATED, note, ratingId);
            RatingLedger.history(c, ratingId, when, MIGRATED, LedgerActionKind.CALL_BACK, deadline, note);
        } else if (hasNote) {
            RatingLedger.history(c, ratingId, when, MIGRATED, LedgerActionKind.ASSIGN, deadline,
                    "旧跟进记录 " + state + "：" + note);
        }
        RatingLedger.update(c, "DELETE FROM rating_follow_ups WHERE rating_id = ?", ratingId);
        return true;
    }

    private static final String SELECT = "SELECT r.rating_id, r.submission, r.received_at, l.state,"
            + " COALESCE(l.rectification, l.citizen_said),"
            + " (SELECT MAX(h.happened_at) FROM rating_ledger_history h WHERE h.rating_id = l.rating_id)"
            + " FROM ratings r JOIN rating_ledger l ON l.rating_id = r.rating_id WHERE r.bad AND NOT r.defaulted";

    private Optional<BadRating> byId(String ratingId) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(SELECT + " AND r.rating_id = ?")) {
                ps.setString(1, ratingId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(badRating(rs)) : Optional.empty();
                }
            }
        });
    }

    private static LedgerState ledgerState(FollowUpState s) {
        return switch (s) {
            case OPEN -> LedgerState.OPEN;
            case IN_PROGRESS -> LedgerState.CALLED_BACK;
            case RESOLVED -> LedgerState.CLOSED;
        };
    }

    private static FollowUpState followUpState(LedgerState s) {
        return switch (s) {
            case OPEN -> FollowUpState.OPEN;
            case CALLED_BACK -> FollowUpState.IN_PROGRESS;
            case CLOSED -> FollowUpState.RESOLVED;
        };
    }

    private BadRating badRating(ResultSet rs) throws SQLException {
        RatingSubmission s;
        try {
            s = json.readValue(rs.getString(2), RatingSubmission.class);
        } catch (JsonProcessingException e) {
            throw new StorageException("a stored rating cannot be read: " + e.getOriginalMessage(), e);
        }
        long last = rs.getLong(6);
        Instant at = rs.wasNull() ? null : Instant.ofEpochMilli(last);
        return new BadRating(rs.getString(1), s.caseNumber(), s.serviceSequence(), s.itemCode(), s.hallCode(),
                s.terminalId(), s.windowId(), s.clerkId(), s.channel(), s.level(), s.badReasons(), s.comment(),
                s.anonymous(), s.ratedAt(), Instant.ofEpochMilli(rs.getLong(3)),
                followUpState(LedgerState.valueOf(rs.getString(4))), rs.getString(5), at);
    }
}
