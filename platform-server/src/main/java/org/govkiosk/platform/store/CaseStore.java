package org.govkiosk.platform.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.govkiosk.api.ApiJson;
import org.govkiosk.api.CaseEvent;
import org.govkiosk.api.CaseKind;
import org.govkiosk.api.CaseReceipt;
import org.govkiosk.api.CaseReturn;
import org.govkiosk.api.CaseState;
import org.govkiosk.api.CaseSubmission;
import org.govkiosk.api.CaseTransition;
import org.govkiosk.api.CaseView;
import org.govkiosk.api.ErrorCodes;
import org.govkiosk.api.IdType;
import org.govkiosk.api.NonAcceptance;
import org.govkiosk.personal.Masking;
import org.govkiosk.shared.calendar.WorkingCalendar;

/**
 * Cases, their history and certificates. Submission is idempotent per terminal and key, and per terminal and local
 * case (a case resubmitted under a new key is the case held): the unique constraints decide races (also between
 * platform instances sharing one database), and the loser reads the winner's row. Every delivery is counted.
 */
public final class CaseStore {

    private static final int MAX_ATTEMPTS = 20;
    private static final String VIEW_COLUMNS = "c.case_number, c.item_code, c.item_name, c.kind, c.state,"
            + " c.applicant_name_masked, c.terminal_id, c.submitted_at, c.updated_at, c.promised_date, c.note,"
            + " cert.sha256, c.outstanding, c.refusal";
    private static final String VIEW_FROM = " FROM cases c LEFT JOIN certificates cert"
            + " ON cert.case_number = c.case_number";

    private final Database db;
    private final WorkingCalendar calendar;

    /** A store whose overdue flags count weekends only (tests): see {@link #CaseStore(Database, WorkingCalendar)}. */
    public CaseStore(Database db) {
        this(db, WorkingCalendar.weekendsOnly());
    }

    /** @param calendar the working days the overdue flag counts (the calendar the promised dates were counted on) */
    public CaseStore(Database db, WorkingCalendar calendar) {
        this.db = db;
        this.calendar = java.util.Objects.requireNonNull(calendar, "calendar");
    }

    /**
     * What a submission needs besides the case itself; {@code filing} says how far it goes at intake;
     * {@code deferralDeadline} is the platform's 容缺 deadline when the case defers materials (null otherwise);
     * {@code departments} the lead and joint departments of a joint case (联办件), each given its step (null otherwise).
     */
    public record NewCase(String bodySha256, String submissionJson, LocalDate promisedDate, Filing filing,
            LocalDate deferralDeadline, JointDepartments departments) {

        /** A case that is not a joint case with departments' steps. */
        public NewCase(String bodySha256, String submissionJson, LocalDate promisedDate, Filing filing,
                LocalDate deferralDeadline) {
            this(bodySha256, submissionJson, promisedDate, filing, deferralDeadline, null);
        }

        public NewCase(String bodySha256, String submissionJson, LocalDate promisedDate, Filing filing) {
            this(bodySha256, submissionJson, promisedDate, filing, null);
        }

        public NewCase(String bodySha256, String submissionJson, LocalDate promisedDate) {
            this(bodySha256, submissionJson, promisedDate, Filing.received());
        }
    }

    /**
     * Takes a case in, or answers a resend with the first receipt.
     *
     * @param numbers makes a fresh case number (random, so numbers cannot be guessed to read others' cases)
     * @throws StoreConflict if the key was used before with another body
     */
    public CaseReceipt submit(CaseSubmission s, NewCase extra, Supplier<String> numbers, Instant now) {
        for (int attempt = 1; ; attempt++) {
            try {
                Optional<CaseReceipt> earlier = db.inTransaction(c -> {
                    Optional<CaseReceipt> held = byKey(c, s, extra.bodySha256());
                    if (held.isEmpty()) {
                        held = byLocalCase(c, s);
                    }
                    if (held.isPresent()) {
                        countDelivery(c, s, held.get().caseNumber(), now);
                    }
                    return held;
                });
                if (earlier.isPresent()) {
                    return earlier.get();
                }
                String number = numbers.get();
                CaseState state = db.inTransaction(c -> {
                    insert(c, number, s, extra, now);
                    CaseDeferrals.keep(c, number, s, extra.deferralDeadline());
                    if (extra.departments() != null) {
                        CaseSteps.create(c, number, extra.departments());
                    }
                    if (s.mailTo() != null) {
                        CaseMailing.create(c, number, s.mailTo(), now);
                    }
                    countDelivery(c, s, number, now);
                    addEvent(c, number, 0, CaseState.SUBMITTED, now, null);
                    return file(c, number, CaseState.SUBMITTED, 1, extra.filing(), now);
                });
                return new CaseReceipt(number, s.localCaseId(), state, now, extra.promisedDate(), false);
            } catch (StorageException e) {
                // Lost a race for the key or the local case (or, very rarely, drew a taken number): look again.
                if (attempt >= MAX_ATTEMPTS || !(Sql.isUniqueViolation(e) || Sql.isRetryableRace(e))) {
                    throw e;
                }
                Sql.pause(attempt);
            }
        }
    }

    /**
     * How often each key of {@code terminalId} was delivered (first and repeats), with the case it stands for:
     * what shows that a case resent after a crash, or resubmitted under a new key, is still one case.
     */
    public List<Delivery> deliveries(String terminalId) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT idempotency_key, case_number, deliveries"
                    + " FROM case_deliveries WHERE terminal_id = ? ORDER BY idempotency_key")) {
                ps.setString(1, terminalId);
                List<Delivery> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Delivery(rs.getString(1), rs.getString(2), rs.getLong(3)));
                    }
                }
                return out;
            }
        });
    }

    /** One key's deliveries: {@code count} times, all answered with case {@code caseNumber}. */
    public record Delivery(String idempotencyKey, String caseNumber, long count) {
    }

    private static void countDelivery(Connection c, CaseSubmission s, String number, Instant now)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE case_deliveries SET deliveries = deliveries + 1,"
                + " last_at = ? WHERE terminal_id = ? AND idempotency_key = ?")) {
            ps.setLong(1, now.toEpochMilli());
            ps.setString(2, s.terminalId());
            ps.setString(3, s.idempotencyKey());
            if (ps.executeUpdate() > 0) {
                return;
            }
        }
        // The first delivery of this key (or of a case stored before deliveries were counted).
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO case_deliveries (terminal_id, idempotency_key,"
                + " case_number, deliveries, last_at) VALUES (?, ?, ?, 1, ?)")) {
            ps.setString(1, s.terminalId());
            ps.setString(2, s.idempotencyKey());
            ps.setString(3, number);
            ps.setLong(4, now.toEpochMilli());
            ps.executeUpdate();
        }
    }

    /**
     * The case this terminal already filed for the same local case under another key: a resubmission, answered
     * with the case held (marked replayed), so that a journey sent again under a new key is still one case. A
     * local case of another applicant or item is a conflict, not a resubmission.
     */
    private static Optional<CaseReceipt> byLocalCase(Connection c, CaseSubmission s) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT case_number, applicant_key, item_code, state,"
                + " received_at, promised_date FROM cases WHERE terminal_id = ? AND local_case_id = ?")) {
            ps.setString(1, s.terminalId());
            ps.setString(2, s.localCaseId());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                if (!rs.getString(2).equals(applicantKey(s.applicant().idType(), s.applicant().idNumber()))
                        || !rs.getString(3).equals(s.itemCode())) {
                    throw new StoreConflict(ErrorCodes.IDEMPOTENCY_CONFLICT, "local case " + s.localCaseId()
                            + " is case " + rs.getString(1) + " of another applicant or item");
                }
                return Optional.of(new CaseReceipt(rs.getString(1), s.localCaseId(),
                        CaseState.valueOf(rs.getString(4)), Instant.ofEpochMilli(rs.getLong(5)),
                        rs.getObject(6, LocalDate.class), true));
            }
        }
    }

    private static Optional<CaseReceipt> byKey(Connection c, CaseSubmission s, String bodySha256)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT case_number, body_sha256, local_case_id, state,"
                + " received_at, promised_date FROM cases WHERE terminal_id = ? AND idempotency_key = ?")) {
            ps.setString(1, s.terminalId());
            ps.setString(2, s.idempotencyKey());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                if (!rs.getString(2).equals(bodySha256)) {
                    throw new StoreConflict(ErrorCodes.IDEMPOTENCY_CONFLICT, "idempotency key " + s.idempotencyKey()
                            + " was used before for a different case " + rs.getString(1));
                }
                return Optional.of(new CaseReceipt(rs.getString(1), rs.getString(3),
                        CaseState.valueOf(rs.getString(4)), Instant.ofEpochMilli(rs.getLong(5)),
                        rs.getObject(6, LocalDate.class), true));
            }
        }
    }

    private static void insert(Connection c, String number, CaseSubmission s, NewCase extra, Instant now)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO cases (case_number, terminal_id,"
                + " idempotency_key, body_sha256, local_case_id, item_code, item_name, kind, state, applicant_key,"
                + " applicant_name_masked, submission, submitted_at, received_at, updated_at, promised_date, training,"
                // The case belongs to the hall its terminal is registered in, from now on (V11).
                + " hall_code) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                + " (SELECT hall_code FROM terminals WHERE terminal_id = ?))")) {
            ps.setString(1, number);
            ps.setString(2, s.terminalId());
            ps.setString(3, s.idempotencyKey());
            ps.setString(4, extra.bodySha256());
            ps.setString(5, s.localCaseId());
            ps.setString(6, s.itemCode());
            ps.setString(7, s.itemName());
            ps.setString(8, s.kind().name());
            ps.setString(9, CaseState.SUBMITTED.name());
            ps.setString(10, applicantKey(s.applicant().idType(), s.applicant().idNumber()));
            ps.setString(11, Masking.name(s.applicant().name()));
            ps.setString(12, extra.submissionJson());
            ps.setLong(13, s.submittedAt().toEpochMilli());
            ps.setLong(14, now.toEpochMilli());
            ps.setLong(15, now.toEpochMilli());
            ps.setObject(16, extra.promisedDate(), java.sql.Types.DATE);
            ps.setBoolean(17, s.practice());
            ps.setString(18, s.terminalId());
            ps.executeUpdate();
        }
    }

    /**
     * Moves a case through a filing's steps, from {@code from}, with events from {@code seq} on; keeps the note
     * of the last step that has one, the missing materials and the result document. Returns the state reached.
     */
    static CaseState file(Connection c, String number, CaseState from, int seq, Filing filing, Instant now)
            throws SQLException {
        if (filing.steps().isEmpty()) {
            return from;
        }
        CaseState at = from;
        String note = null;
        for (Filing.Step step : filing.steps()) {
            // A partial supplement leaves the case waiting, with a shorter list: the one same-state step.
            boolean stillWaiting = at == CaseState.NEEDS_SUPPLEMENT && step.state() == at;
            if (!at.canMoveTo(step.state()) && !stillWaiting) {
                throw new IllegalStateException("filing moves the case from " + at + " to " + step.state());
            }
            // Notes are made from material names and may outgrow the column; the full list is in outstanding.
            String stepNote = step.note() == null || step.note().length() <= 2000 ? step.note()
                    : step.note().substring(0, 1999) + "…";
            addEvent(c, number, seq++, step.state(), now, stepNote);
            at = step.state();
            note = stepNote == null ? note : stepNote;
        }
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE cases SET state = ?, note = ?, outstanding = ?, updated_at = ? WHERE case_number = ?")) {
            ps.setString(1, at.name());
            ps.setString(2, note);
            ps.setString(3, MaterialsJson.write(filing.missing()));
            ps.setLong(4, now.toEpochMilli());
            ps.setString(5, number);
            ps.executeUpdate();
        }
        if (filing.result().isPresent()) {
            byte[] pdf = filing.result().get().pdf(number);
            insertCertificate(c, number, pdf, sha256Hex(pdf), now);
        }
        return at;
    }

    static void addEvent(Connection c, String number, int seq, CaseState state, Instant at, String note)
            throws SQLException {
        addEvent(c, number, seq, state, at, note, CaseNotices.Notice.of(state).orElse(null));
    }

    /** As above, the citizen told by {@code notice} (null: nothing) instead of the state's own notice. */
    static void addEvent(Connection c, String number, int seq, CaseState state, Instant at, String note,
            CaseNotices.Notice notice) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO case_events (case_number, seq, state, occurred_at, note) VALUES (?, ?, ?, ?, ?)")) {
            ps.setString(1, number);
            ps.setInt(2, seq);
            ps.setString(3, state.name());
            ps.setLong(4, at.toEpochMilli());
            ps.setString(5, note);
            ps.executeUpdate();
        }
        // Every state change passes here: its SMS notice is recorded in the same transaction (the outbox pattern).
        if (notice != null) {
            CaseNotices.record(c, number, notice, at);
        }
    }

    /**
     * The lookup key of an applicant: a digest, so the index holds no ID numbers. (The submission itself still
     * holds the number: the department needs it.)
     */
    public static String applicantKey(IdType type, String idNumber) {
        return org.govkiosk.api.ApplicantKeys.of(type, idNumber);
    }

    /**
     * Whether {@code type} and {@code idNumber} are the applicant of the case (its holder), compared by applicant
     * key; a not-found for an unknown case. Nothing of the applicant leaves the store.
     */
    public boolean isApplicant(String caseNumber, IdType type, String idNumber) {
        String key = db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT applicant_key FROM cases WHERE case_number = ?")) {
                ps.setString(1, caseNumber);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new NotFoundException(ErrorCodes.NOT_FOUND, "no case with this number");
                    }
                    return rs.getString(1);
                }
            }
        });
        return org.govkiosk.api.ApplicantKeys.matches(key, type, idNumber);
    }

    public Optional<CaseView> find(String caseNumber, LocalDate today) {
        return db.inTransaction(c -> {
            List<CaseView> found = views(c, calendar, " WHERE c.case_number = ?", List.of(caseNumber), today);
            return found.stream().findFirst();
        });
    }

    /**
     * The hall a case belongs to: the hall of the terminal that filed it. Empty if there is no such case (or its
     * terminal is not registered, which the platform never lets happen).
     */
    public Optional<String> hallOf(String caseNumber) {
        return db.inTransaction(c -> hallOf(c, caseNumber));
    }

    /** The hall kept with the case (V11); its terminal's for a case filed before its terminal was known. */
    static Optional<String> hallOf(Connection c, String caseNumber) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(c.hall_code, t.hall_code) FROM cases c"
                + " LEFT JOIN terminals t ON t.terminal_id = c.terminal_id WHERE c.case_number = ?")) {
            ps.setString(1, caseNumber);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
            }
        }
    }

    /** The applicant's cases filed in one hall, newest first, at most {@code limit}. */
    public List<CaseView> byApplicant(IdType type, String idNumber, String hallCode, int limit, LocalDate today) {
        return db.inTransaction(c -> views(c, calendar, " WHERE c.applicant_key = ? AND c.terminal_id IN"
                + " (SELECT terminal_id FROM terminals WHERE hall_code = ?)"
                + " ORDER BY c.received_at DESC, c.case_number",
                List.of(applicantKey(type, idNumber), hallCode), today).stream().limit(limit).toList());
    }

    /** Real cases newest first, optionally in one state (the clerk's work list). */
    public List<CaseView> list(Optional<CaseState> state, int limit, LocalDate today) {
        return list(state, false, limit, today);
    }

    /**
     * Cases newest first, optionally in one state: the real ones, or ({@code training}) only the practice cases of
     * terminals in training mode, which never mix with the real ones.
     */
    public List<CaseView> list(Optional<CaseState> state, boolean training, int limit, LocalDate today) {
        return list(state, training, null, limit, today);
    }

    /**
     * As {@link #list(Optional, boolean, int, LocalDate)}, of the cases of {@code halls} only (null: every hall's);
     * the database filters by the case's hall ({@code cases_by_hall}) and stops at {@code limit}.
     */
    public List<CaseView> list(Optional<CaseState> state, boolean training, java.util.Set<String> halls, int limit,
            LocalDate today) {
        if (halls != null && halls.isEmpty()) {
            return List.of();
        }
        StringBuilder where = new StringBuilder(training ? " WHERE c.training = TRUE" : " WHERE c.training = FALSE");
        List<String> args = new ArrayList<>();
        where.append(HallScope.andIn("c.hall_code", halls, args));
        if (state.isPresent()) {
            where.append(" AND c.state = ?");
            args.add(state.get().name());
        }
        where.append(" ORDER BY c.received_at DESC, c.case_number");
        if (limit < Integer.MAX_VALUE) {
            where.append(" LIMIT ").append(Math.max(0, limit));
        }
        return db.inTransaction(c -> views(c, calendar, where.toString(), args, today));
    }

    /**
     * The cases of one hall (filed at its terminals), newest first, optionally in one state: the queue of the
     * clerk desk ({@code org.govkiosk.platform.desk}).
     */
    public List<CaseView> listInHall(Optional<CaseState> state, String hallCode, int limit, LocalDate today) {
        // The real cases only: a training terminal's practice cases are not a window's work.
        return list(state, false, java.util.Set.of(hallCode), limit, today);
    }

    /** The case's submission as stored (applicant, materials), for the clerk who works on it; empty if none. */
    public Optional<CaseSubmission> submission(String caseNumber) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT submission FROM cases WHERE case_number = ?")) {
                ps.setString(1, caseNumber);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(storedSubmission(rs.getString(1), caseNumber))
                            : Optional.<CaseSubmission>empty();
                }
            }
        });
    }

    /**
     * Moves a case on (clerk side). A 补正 that names materials makes the case wait for exactly those, as a
     * terminal's own 补正 does, so the citizen can hand them in ({@link RequestedMaterials}).
     *
     * @throws NotFoundException if there is no such case
     * @throws StoreConflict     if the state machine does not allow the move, the certificate is missing, or a
     *                           named material is not one of the case's
     */
    public CaseView transition(String caseNumber, CaseTransition t, Instant now, LocalDate today) {
        return db.inTransaction(c -> {
            CaseState from = lockState(c, caseNumber);
            if (!from.canMoveTo(t.to())) {
                throw new StoreConflict(ErrorCodes.ILLEGAL_TRANSITION, "case cannot move from " + from + " to "
                        + t.to() + "; allowed: " + from.next());
            }
            if (t.to() == CaseState.COMPLETED && !CaseSteps.leadAgreedOrNone(c, caseNumber)) {
                throw new StoreConflict(ErrorCodes.ILLEGAL_TRANSITION, "a joint case is decided by its lead"
                        + " department's step, after the joint departments (POST its joint-steps)");
            }
            if (t.to() == CaseState.CERTIFICATE_ISSUED) {
                // Issued by a clerk, not at a terminal: an issuance at a window all the same (none is ever missing).
                IssuanceStore.atWindow(c, caseNumber, null, null, org.govkiosk.api.IssuanceChannel.WINDOW, t.note(),
                        now);
                return views(c, calendar, " WHERE c.case_number = ?", List.of(caseNumber), today).get(0);
            }
            if (!t.materials().isEmpty()) {
                Filing asked = RequestedMaterials.filing(c, caseNumber, t);
                file(c, caseNumber, from, nextSeq(c, caseNumber), asked, now);
                return views(c, calendar, " WHERE c.case_number = ?", List.of(caseNumber), today).get(0);
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE cases SET state = ?, note = ?, updated_at = ?,"
                            // The list of missing materials only lives while the case waits for them.
                            + " outstanding = CASE WHEN ? THEN outstanding ELSE NULL END, refusal = ?"
                            + " WHERE case_number = ?")) {
                ps.setString(1, t.to().name());
                ps.setString(2, t.note());
                ps.setLong(3, now.toEpochMilli());
                ps.setBoolean(4, t.to() == CaseState.NEEDS_SUPPLEMENT);
                ps.setString(5, t.refusal() == null ? null : refusalJson(t.refusal()));
                ps.setString(6, caseNumber);
                ps.executeUpdate();
            }
            addEvent(c, caseNumber, nextSeq(c, caseNumber), t.to(), now, t.note());
            return views(c, calendar, " WHERE c.case_number = ?", List.of(caseNumber), today).get(0);
        });
    }

    /**
     * 出证 at a window: the case moves to CERTIFICATE_ISSUED and the issuance is recorded with the window and the
     * clerk, in one transaction ({@link IssuanceStore#atWindow}).
     *
     * @param note the case history's words, null for the default
     * @throws NotFoundException if there is no such case
     * @throws StoreConflict     if the case is not finished or has no certificate on file
     */
    public CaseView issueAtWindow(String caseNumber, String windowId, String issuedBy,
            org.govkiosk.api.IssuanceChannel channel, String note, Instant now, LocalDate today) {
        return db.inTransaction(c -> {
            IssuanceStore.atWindow(c, caseNumber, windowId, issuedBy, channel, note, now);
            return views(c, calendar, " WHERE c.case_number = ?", List.of(caseNumber), today).get(0);
        });
    }

    /**
     * Returns a case (退回件) with the department's written reasons, recording who returned it.
     *
     * @throws NotFoundException if there is no such case
     * @throws StoreConflict     if the case is already decided (refused, finished, returned)
     */
    public CaseView returnCase(String caseNumber, CaseReturn r, Instant now, LocalDate today) {
        return db.inTransaction(c -> {
            CaseReturns.apply(c, caseNumber, r, now);
            return views(c, calendar, " WHERE c.case_number = ?", List.of(caseNumber), today).get(0);
        });
    }

    /**
     * Records that a case's deferred materials (容缺) came in: its deferral is no longer outstanding.
     *
     * @throws NotFoundException if there is no such case or it deferred nothing
     */
    public CaseView deferredMaterialsReceived(String caseNumber, Instant now, LocalDate today) {
        return db.inTransaction(c -> {
            CaseDeferrals.received(c, caseNumber, now);
            return views(c, calendar, " WHERE c.case_number = ?", List.of(caseNumber), today).get(0);
        });
    }

    /**
     * 承诺超时默认: every accepted case (受理 or 审核) of {@code items} whose promised date has passed by
     * {@code today} (from the first working day after it) is decided as granted (办结) with {@code note}; see
     * {@link DeemedDecisions}. Returns the numbers of the cases decided.
     */
    public List<String> deemApproved(java.util.Set<String> items, LocalDate today, Instant now, String note) {
        return deemApproved(items, today, now, note, DeemedResult.NONE, java.time.ZoneOffset.UTC);
    }

    /**
     * As above, each case given the result document {@code result} makes (signed, stating the default grant), which
     * the terminal prints like any result; {@code zone} dates the day the case was received.
     */
    public List<String> deemApproved(java.util.Set<String> items, LocalDate today, Instant now, String note,
            DeemedResult result, java.time.ZoneId zone) {
        return DeemedDecisions.apply(db, calendar, items, today, now, note, result, zone);
    }

    /**
     * 联办件: one department records its step of a joint case (see {@link CaseSteps#record}).
     *
     * @throws NotFoundException if there is no such case or it has no step of that department
     * @throws StoreConflict     if the step cannot be recorded now (see {@link org.govkiosk.api.JointStepUpdate})
     */
    public CaseView recordStep(String caseNumber, org.govkiosk.api.JointStepUpdate u, Instant now, LocalDate today) {
        return db.inTransaction(c -> {
            CaseSteps.record(c, caseNumber, u, now);
            return views(c, calendar, " WHERE c.case_number = ?", List.of(caseNumber), today).get(0);
        });
    }

    /**
     * 证照特快专递: the mailing of a case's result moves on; MAILED records the citizen's SMS notice with it.
     *
     * @throws NotFoundException if there is no such case or its result is not mailed
     * @throws StoreConflict     if the case is not decided yet or the move is not allowed
     */
    public CaseView updateMailing(String caseNumber, org.govkiosk.api.MailingUpdate u, Instant now, LocalDate today) {
        return db.inTransaction(c -> {
            CaseMailing.update(c, caseNumber, u, now);
            return views(c, calendar, " WHERE c.case_number = ?", List.of(caseNumber), today).get(0);
        });
    }

    /**
     * 容缺: every case not yet decided whose deferred materials are still outstanding on the first working day after
     * their deadline is ended as the commitment says (视为撤回: returned with the written reason, the citizen told);
     * see {@link DeferralLapses}. Returns the numbers of the cases ended.
     *
     * @param department who the return names (the hall's issuing body)
     */
    public List<String> lapseDeferrals(LocalDate today, Instant now, String department) {
        return DeferralLapses.apply(db, calendar, today, now, department);
    }

    /** Who returned a case (the clerk's record of it), empty if it was not returned. */
    public Optional<String> returnedBy(String caseNumber) {
        return db.inTransaction(c -> CaseReturns.returnedBy(c, caseNumber));
    }

    /**
     * Attaches or replaces the certificate of a completed case.
     *
     * @throws StoreConflict if the case is not completed yet
     */
    public void attachCertificate(String caseNumber, byte[] pdf, String sha256, Instant now) {
        db.inTransaction(c -> {
            CaseState state = lockState(c, caseNumber);
            if (state != CaseState.COMPLETED && state != CaseState.CERTIFICATE_ISSUED) {
                throw new StoreConflict(ErrorCodes.ILLEGAL_TRANSITION,
                        "a certificate can be attached once the case is COMPLETED; it is " + state);
            }
            insertCertificate(c, caseNumber, pdf, sha256, now);
            return null;
        });
    }

    private static void insertCertificate(Connection c, String caseNumber, byte[] pdf, String sha256, Instant now)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM certificates WHERE case_number = ?")) {
            ps.setString(1, caseNumber);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO certificates (case_number, pdf, sha256, attached_at) VALUES (?, ?, ?, ?)")) {
            ps.setString(1, caseNumber);
            ps.setBytes(2, pdf);
            ps.setString(3, sha256);
            ps.setLong(4, now.toEpochMilli());
            ps.executeUpdate();
        }
        // The result can be printed at a terminal now (自助出证): the citizen is told once, however often replaced.
        CaseNotices.record(c, caseNumber, CaseNotices.Notice.RESULT_READY, now);
    }

    static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A case's submission as the platform stored it (its JSON), for whoever works on the case later. */
    static CaseSubmission storedSubmission(String json, String caseNumber) {
        try {
            return ApiJson.lenient().readValue(json, CaseSubmission.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored submission of case " + caseNumber + " is unreadable", e);
        }
    }

    /** @throws NotFoundException if there is no such case, or it has no certificate yet */
    public byte[] certificate(String caseNumber) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT c.state, cert.pdf FROM cases c"
                    + " LEFT JOIN certificates cert ON cert.case_number = c.case_number WHERE c.case_number = ?")) {
                ps.setString(1, caseNumber);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new NotFoundException(ErrorCodes.NOT_FOUND, "no case with this number");
                    }
                    byte[] pdf = rs.getBytes(2);
                    if (pdf == null) {
                        throw new NotFoundException(ErrorCodes.CERTIFICATE_NOT_AVAILABLE,
                                "no certificate yet; the case is " + rs.getString(1));
                    }
                    return pdf;
                }
            }
        });
    }

    static CaseState lockState(Connection c, String caseNumber) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT state FROM cases WHERE case_number = ? FOR UPDATE")) {
            ps.setString(1, caseNumber);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new NotFoundException(ErrorCodes.NOT_FOUND, "no case with this number");
                }
                return CaseState.valueOf(rs.getString(1));
            }
        }
    }


    static int nextSeq(Connection c, String caseNumber) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT COALESCE(MAX(seq), -1) + 1 FROM case_events WHERE case_number = ?")) {
            ps.setString(1, caseNumber);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    static List<CaseView> views(Connection c, WorkingCalendar calendar, String where, List<String> args,
            LocalDate today)
            throws SQLException {
        List<CaseView> views = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + VIEW_COLUMNS + VIEW_FROM + where)) {
            for (int i = 0; i < args.size(); i++) {
                ps.setString(i + 1, args.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String number = rs.getString(1);
                    CaseState state = CaseState.valueOf(rs.getString(5));
                    LocalDate promised = rs.getObject(10, LocalDate.class);
                    boolean overdue = promised != null && !isFinished(state) && isOverdue(calendar, promised, today);
                    views.add(new CaseView(number, rs.getString(2), rs.getString(3), CaseKind.valueOf(rs.getString(4)),
                            state, rs.getString(6), rs.getString(7), Instant.ofEpochMilli(rs.getLong(8)),
                            Instant.ofEpochMilli(rs.getLong(9)), promised, overdue, rs.getString(12) != null,
                            rs.getString(11), List.of(), MaterialsJson.read(rs.getString(13)),
                            refusal(rs.getString(14))));
                }
            }
        }
        List<CaseView> withHistory = new ArrayList<>(views.size());
        for (CaseView v : views) {
            withHistory.add(new CaseView(v.caseNumber(), v.itemCode(), v.itemName(), v.kind(), v.state(),
                    v.applicantNameMasked(), v.terminalId(), v.submittedAt(), v.updatedAt(), v.promisedDate(),
                    v.overdue(), v.certificateAvailable(), v.note(), history(c, v.caseNumber()),
                    v.missingMaterials(), v.refusal(),
                    v.state() == CaseState.RETURNED ? CaseReturns.notice(c, v.caseNumber()).orElse(null) : null,
                    CaseDeferrals.view(c, v.caseNumber(), v.state(), calendar, today).orElse(null),
                    CaseSteps.of(c, v.caseNumber()), CaseMailing.of(c, v.caseNumber()).orElse(null)));
        }
        return withHistory;
    }

    private static String refusalJson(NonAcceptance refusal) {
        try {
            return ApiJson.lenient().writeValueAsString(refusal);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static NonAcceptance refusal(String json) {
        if (json == null) {
            return null;
        }
        try {
            return ApiJson.lenient().readValue(json, NonAcceptance.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable refusal of a case: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Overdue (超期) from the first working day after the promised date: the time ran out at the end of that day, and
     * a weekend or a public holiday after it is no day the hall failed to work (see {@link WorkingCalendar}).
     */
    static boolean isOverdue(WorkingCalendar calendar, LocalDate promised, LocalDate today) {
        return today.isAfter(promised) && !calendar.addWorkingDays(promised, 1).isAfter(today);
    }

    /** No deadline runs once the case is decided, nor while the citizen brings missing materials (补正). */
    private static boolean isFinished(CaseState state) {
        return state == CaseState.COMPLETED || state == CaseState.NEEDS_SUPPLEMENT || state.isFinal();
    }

    private static List<CaseEvent> history(Connection c, String caseNumber) throws SQLException {
        List<CaseEvent> events = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT state, occurred_at, note FROM case_events WHERE case_number = ? ORDER BY seq")) {
            ps.setString(1, caseNumber);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    events.add(new CaseEvent(CaseState.valueOf(rs.getString(1)), Instant.ofEpochMilli(rs.getLong(2)),
                            rs.getString(3)));
                }
            }
        }
        return events;
    }
}
