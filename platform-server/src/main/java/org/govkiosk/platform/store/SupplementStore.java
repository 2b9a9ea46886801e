package org.govkiosk.platform.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.govkiosk.api.CaseState;
import org.govkiosk.api.CaseSubmission;
import org.govkiosk.api.ErrorCodes;
import org.govkiosk.api.Material;
import org.govkiosk.api.SupplementReceipt;
import org.govkiosk.api.SupplementSubmission;

/**
 * Materials handed in for cases waiting for them (补正). Idempotent per terminal and key, as cases are; the case
 * row is locked while a supplement is applied, so two terminals handing in at once cannot both complete it.
 */
public final class SupplementStore {

    private static final int MAX_ATTEMPTS = 5;

    private final Database db;

    public SupplementStore(Database db) {
        this.db = db;
    }

    /**
     * Applies a supplement, or answers a resend with the first receipt.
     *
     * @param s            as the terminal sent it: the pages of scanned materials are stored with it
     * @param bodySha256   of the supplement's canonical JSON (pages by hash only), to tell a resend from a reused
     *                     key
     * @param json         that JSON, kept as the supplement's record
     * @param whenComplete how the platform files the case once nothing is missing any more, after ACCEPTED
     *                     (a reference platform decides a 即办件 at once); given the case's original submission
     * @throws NotFoundException if there is no such case
     * @throws StoreConflict     key reused with another body; not the applicant; the case waits for no such material
     */
    public SupplementReceipt supplement(SupplementSubmission s, String bodySha256, String json,
            Function<CaseSubmission, Filing> whenComplete, Instant now) {
        for (int attempt = 1; ; attempt++) {
            try {
                return db.inTransaction(c -> {
                    Optional<SupplementReceipt> earlier = byKey(c, s, bodySha256);
                    if (earlier.isPresent()) {
                        return earlier.get();
                    }
                    return apply(c, s, bodySha256, json, whenComplete, now);
                });
            } catch (StorageException e) {
                // Lost a race for the key against the same supplement on another case's lock: look again.
                if (attempt >= MAX_ATTEMPTS || !(Sql.isUniqueViolation(e) || Sql.isRetryableRace(e))) {
                    throw e;
                }
                Sql.pause(attempt);
            }
        }
    }

    private static Optional<SupplementReceipt> byKey(Connection c, SupplementSubmission s, String bodySha256)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT body_sha256, case_number, state_after, still_missing,"
                + " received_at FROM case_supplements WHERE terminal_id = ? AND idempotency_key = ?")) {
            ps.setString(1, s.terminalId());
            ps.setString(2, s.idempotencyKey());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                if (!rs.getString(1).equals(bodySha256)) {
                    throw new StoreConflict(ErrorCodes.IDEMPOTENCY_CONFLICT, "idempotency key " + s.idempotencyKey()
                            + " was used before for a different supplement of case " + rs.getString(2));
                }
                return Optional.of(new SupplementReceipt(rs.getString(2), CaseState.valueOf(rs.getString(3)),
                        MaterialsJson.read(rs.getString(4)), Instant.ofEpochMilli(rs.getLong(5)), true));
            }
        }
    }

    private static SupplementReceipt apply(Connection c, SupplementSubmission s, String bodySha256, String json,
            Function<CaseSubmission, Filing> whenComplete, Instant now) throws SQLException {
        String number = s.caseNumber();
        CaseState state = CaseStore.lockState(c, number);
        Waiting waiting = waiting(c, number);
        if (!waiting.applicantKey().equals(CaseStore.applicantKey(s.idType(), s.idNumber()))) {
            throw new StoreConflict(ErrorCodes.NOT_THE_APPLICANT,
                    "only the case's applicant may hand in its materials");
        }
        if (state != CaseState.NEEDS_SUPPLEMENT) {
            throw new StoreConflict(ErrorCodes.NOT_AWAITING_SUPPLEMENT, "the case waits for no materials; it is "
                    + state);
        }
        Set<String> handedIn = s.materials().stream().map(Material::code).collect(Collectors.toSet());
        Set<String> missingCodes = waiting.missing().stream().map(Material::code).collect(Collectors.toSet());
        for (String code : handedIn) {
            if (!missingCodes.contains(code)) {
                throw new StoreConflict(ErrorCodes.NOT_AWAITING_SUPPLEMENT, "material " + code
                        + " is not one the case waits for; it waits for " + missingCodes);
            }
        }
        List<Material> still = new ArrayList<>();
        List<String> brought = new ArrayList<>();
        for (Material m : waiting.missing()) {
            if (handedIn.contains(m.code())) {
                brought.add(m.name());
            } else {
                still.add(m);
            }
        }
        int seq = CaseStore.nextSeq(c, number);
        CaseState after;
        if (!still.isEmpty()) {
            String note = "已补交：" + String.join("、", brought) + "。" + Supplements.request(still)
                    + waiting.remark();
            after = CaseStore.file(c, number, state, seq, new Filing(
                    List.of(new Filing.Step(CaseState.NEEDS_SUPPLEMENT, note)), still, Optional.empty()), now);
        } else {
            Filing accepted = new Filing(List.of(new Filing.Step(CaseState.ACCEPTED,
                    "材料已补齐（" + String.join("、", brought) + "），予以受理。")), List.of(), Optional.empty());
            after = CaseStore.file(c, number, state, seq, accepted, now);
            after = CaseStore.file(c, number, after, seq + 1, whenComplete.apply(waiting.submission()), now);
        }
        AttachmentStore.append(c, number, s.materials(), now);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO case_supplements (terminal_id, idempotency_key,"
                + " body_sha256, case_number, submission, state_after, still_missing, received_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, s.terminalId());
            ps.setString(2, s.idempotencyKey());
            ps.setString(3, bodySha256);
            ps.setString(4, number);
            ps.setString(5, json);
            ps.setString(6, after.name());
            ps.setString(7, MaterialsJson.write(still));
            ps.setLong(8, now.toEpochMilli());
            ps.executeUpdate();
        }
        return new SupplementReceipt(number, after, still, now, false);
    }

    /**
     * What the locked case waits for, whose it is, what was submitted, and its note (the written request, with
     * the clerk's words after it when a clerk asked).
     */
    private record Waiting(String applicantKey, List<Material> missing, CaseSubmission submission, String note) {

        /** The clerk's words after the list (e.g. "须提供原件"), kept while the rest is still awaited. */
        String remark() {
            String request = Supplements.request(missing);
            int at = note == null ? -1 : note.indexOf(request);
            return at < 0 ? "" : note.substring(at + request.length());
        }
    }

    private static Waiting waiting(Connection c, String number) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT applicant_key, outstanding, submission, note FROM cases WHERE case_number = ?")) {
            ps.setString(1, number);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new Waiting(rs.getString(1), MaterialsJson.read(rs.getString(2)),
                        CaseStore.storedSubmission(rs.getString(3), number), rs.getString(4));
            }
        }
    }
}
