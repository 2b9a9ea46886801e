package org.govkiosk.platform.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.govkiosk.api.CaseState;
import org.govkiosk.api.CaseSubmission;

/**
 * The citizen's notices of a case's states (table {@code case_notices}): recorded by the store in the transaction
 * that moves the case ({@link #record}, from {@link CaseStore#addEvent} and the certificate's attachment), once per
 * case and notice; read and settled by the job that hands them to the SMS outbox.
 */
public final class CaseNotices {

    /** What a citizen is told; {@link #rank()} orders the notices of one case (a higher one says it all). */
    public enum Notice {
        NEEDS_SUPPLEMENT(1), ACCEPTED(2), NOT_ACCEPTED(3), RETURNED(3), COMPLETED(3), RESULT_READY(4),
        /** 容缺: the deferred materials did not come by the deadline; the application is taken as withdrawn. */
        DEFERRAL_LAPSED(3),
        /** 证照特快专递: the result was mailed, with its tracking number at 办件查询. */
        MAILED(5);

        private final int rank;

        Notice(int rank) {
            this.rank = rank;
        }

        public int rank() {
            return rank;
        }

        /** The notice a case entering {@code state} gets, if any. */
        public static Optional<Notice> of(CaseState state) {
            return switch (state) {
                case ACCEPTED -> Optional.of(ACCEPTED);
                case NEEDS_SUPPLEMENT -> Optional.of(NEEDS_SUPPLEMENT);
                case NOT_ACCEPTED -> Optional.of(NOT_ACCEPTED);
                case RETURNED -> Optional.of(RETURNED);
                case COMPLETED -> Optional.of(COMPLETED);
                default -> Optional.empty();
            };
        }
    }

    /**
     * A notice waiting to be sent, with what the message may say and where it goes; the submission's personal data
     * stays here: only the phone and the citizen's choice leave.
     *
     * @param phone    the applicant's phone, empty when the case has none
     * @param declined the citizen declined SMS notices at the terminal
     */
    public record Pending(String caseNumber, Notice notice, String itemName, Optional<String> phone,
            boolean declined) {
        @Override
        public String toString() {
            return "Pending[" + caseNumber + " " + notice + (declined ? " declined" : "") + "]";
        }
    }

    private final Database db;

    public CaseNotices(Database db) {
        this.db = db;
    }

    /** Records the notice of a case entering {@code state}, unless it was recorded before (idempotent). */
    static void record(Connection c, String caseNumber, CaseState state, Instant now) throws SQLException {
        Optional<Notice> notice = Notice.of(state);
        if (notice.isPresent()) {
            record(c, caseNumber, notice.get(), now);
        }
    }

    static void record(Connection c, String caseNumber, Notice notice, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO case_notices (case_number, notice, state,"
                + " created_at, updated_at) SELECT ?, ?, 'PENDING', ?, ? WHERE NOT EXISTS"
                + " (SELECT 1 FROM case_notices WHERE case_number = ? AND notice = ?)")) {
            ps.setString(1, caseNumber);
            ps.setString(2, notice.name());
            ps.setLong(3, now.toEpochMilli());
            ps.setLong(4, now.toEpochMilli());
            ps.setString(5, caseNumber);
            ps.setString(6, notice.name());
            ps.executeUpdate();
        }
    }

    /** The notices waiting, oldest first, at most {@code limit}. */
    public List<Pending> pending(int limit) {
        return db.inTransaction(c -> {
            List<Pending> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT n.case_number, n.notice, c.item_name,"
                    + " c.submission FROM case_notices n JOIN cases c ON c.case_number = n.case_number"
                    + " WHERE n.state = 'PENDING' ORDER BY n.created_at, n.case_number, n.notice LIMIT " + limit)) {
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String number = rs.getString(1);
                        CaseSubmission s;
                        try {
                            s = CaseStore.storedSubmission(rs.getString(4), number);
                        } catch (IllegalStateException e) {
                            // One unreadable case must not hold every other citizen's notice: it gets none.
                            out.add(new Pending(number, Notice.valueOf(rs.getString(2)), rs.getString(3),
                                    Optional.empty(), false));
                            continue;
                        }
                        Optional<String> phone = Optional.ofNullable(s.applicant().phone()).map(String::strip)
                                .filter(p -> !p.isEmpty());
                        // A practice case (training mode) tells nobody anything.
                        out.add(new Pending(number, Notice.valueOf(rs.getString(2)), rs.getString(3), phone,
                                s.declinesSms() || s.practice()));
                    }
                }
            }
            return out;
        });
    }

    /**
     * Settles a pending notice: QUEUED (in the SMS outbox), SKIPPED or SUPERSEDED, with a short reason. Returns
     * false if it was no longer pending (another instance settled it).
     */
    public boolean settle(String caseNumber, Notice notice, String state, String reason, Instant now) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE case_notices SET state = ?, reason = ?,"
                    + " updated_at = ? WHERE case_number = ? AND notice = ? AND state = 'PENDING'")) {
                ps.setString(1, state);
                ps.setString(2, reason);
                ps.setLong(3, now.toEpochMilli());
                ps.setString(4, caseNumber);
                ps.setString(5, notice.name());
                return ps.executeUpdate() == 1;
            }
        });
    }

    /** A case's notices and their states, {@code NOTICE=STATE} in the order of the notices (tests, reports). */
    public List<String> of(String caseNumber) {
        return db.inTransaction(c -> {
            List<String> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT notice, state FROM case_notices WHERE case_number = ? ORDER BY created_at, notice")) {
                ps.setString(1, caseNumber);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getString(1) + "=" + rs.getString(2));
                    }
                }
            }
            return out;
        });
    }
}
