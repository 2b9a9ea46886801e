package org.govkiosk.platform.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.govkiosk.api.CaseState;
import org.govkiosk.api.CertificateIssuance;
import org.govkiosk.api.ErrorCodes;
import org.govkiosk.api.IssuanceReceipt;

/**
 * Certificates handed out (出证). Idempotent per terminal and key, as cases are. The case row is locked while an
 * issuance is recorded, so of two terminals reporting at once one moves the case and the other is a reprint.
 */
public final class IssuanceStore {

    private static final int MAX_ATTEMPTS = 5;
    private static final int DIGEST_SHOWN = 12;

    private final Database db;

    public IssuanceStore(Database db) {
        this.db = db;
    }

    /**
     * Records an issuance, or answers a resend with the first receipt.
     *
     * @param bodySha256 of the issuance's canonical JSON, to tell a resend from a reused key
     * @throws NotFoundException if there is no such case
     * @throws StoreConflict     key reused with another body; another hall's case or hall code; the case is not
     *                           finished (办结) or has no certificate on file
     */
    public IssuanceReceipt issue(CertificateIssuance i, String bodySha256, Instant now) {
        for (int attempt = 1; ; attempt++) {
            try {
                return db.inTransaction(c -> {
                    Optional<IssuanceReceipt> earlier = byKey(c, i, bodySha256);
                    if (earlier.isPresent()) {
                        return earlier.get();
                    }
                    return record(c, i, bodySha256, now);
                });
            } catch (StorageException e) {
                // Lost a race for the key against a resend of the same issuance: the next look finds its row.
                if (attempt >= MAX_ATTEMPTS || !(Sql.isUniqueViolation(e) || Sql.isRetryableRace(e))) {
                    throw e;
                }
                Sql.pause(attempt);
            }
        }
    }

    /**
     * A certificate handed out at a window by a clerk (the desk's 出证, or the clerk API's move to
     * CERTIFICATE_ISSUED): in one transaction the case moves to CERTIFICATE_ISSUED, its history says where, and the
     * issuance is recorded with the window and the clerk (no terminal), as a terminal's issuance is.
     *
     * @param windowId the clerk's window, null or blank if none was named
     * @param issuedBy who issued it, as the staff audit names them (kept with the issuance, not in the case's
     *                 history a citizen reads)
     * @param note     what the case's history says, null for the default ("综合出证窗口（W-3）出证（证书 …）")
     * @throws NotFoundException if there is no such case
     * @throws StoreConflict     the case is not finished (办结), or has no certificate on file
     */
    public IssuanceReceipt atWindow(String caseNumber, String windowId, String issuedBy,
            org.govkiosk.api.IssuanceChannel channel, String note, Instant now) {
        return db.inTransaction(c -> atWindow(c, caseNumber, windowId, issuedBy, channel, note, now));
    }

    static IssuanceReceipt atWindow(Connection c, String number, String windowId, String issuedBy,
            org.govkiosk.api.IssuanceChannel channel, String note, Instant now) throws SQLException {
        CaseState state = CaseStore.lockState(c, number);
        if (!state.canMoveTo(CaseState.CERTIFICATE_ISSUED)) {
            throw new StoreConflict(ErrorCodes.ILLEGAL_TRANSITION, "case cannot move from " + state + " to "
                    + CaseState.CERTIFICATE_ISSUED + "; allowed: " + state.next());
        }
        Optional<String> onFile = certificateSha256(c, number);
        if (onFile.isEmpty()) {
            throw new StoreConflict(ErrorCodes.ILLEGAL_TRANSITION, "attach the certificate before issuing it");
        }
        String window = windowId == null || windowId.isBlank() ? null : cut(windowId.strip(), 64);
        String hall = CaseStore.hallOf(c, number).orElse("");
        String said = note != null ? note
                : (channel == org.govkiosk.api.IssuanceChannel.EXPRESS_POST ? "邮寄" : "综合出证窗口")
                        + (window == null ? "" : "（" + window + "）") + " 出证（证书 "
                        + onFile.get().substring(0, DIGEST_SHOWN) + "…）";
        markIssued(c, number, said, now);
        CaseStore.addEvent(c, number, CaseStore.nextSeq(c, number), CaseState.CERTIFICATE_ISSUED, now, said);
        String id = UUID.randomUUID().toString();
        String key = "window:" + id;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO case_issuances (issuance_id, terminal_id,"
                + " idempotency_key, body_sha256, case_number, hall_code, channel, certificate_sha256,"
                + " certificate_current, reprint, issued_at, received_at, window_id, issued_by)"
                + " VALUES (?, NULL, ?, ?, ?, ?, ?, ?, TRUE, FALSE, ?, ?, ?, ?)")) {
            ps.setString(1, id);
            ps.setString(2, key);
            ps.setString(3, CaseStore.sha256Hex((number + "|" + window + "|" + issuedBy + "|" + channel + "|" + now)
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            ps.setString(4, number);
            ps.setString(5, hall);
            ps.setString(6, channel.name());
            ps.setString(7, onFile.get());
            ps.setLong(8, now.toEpochMilli());
            ps.setLong(9, now.toEpochMilli());
            ps.setString(10, window);
            ps.setString(11, issuedBy == null ? null : cut(issuedBy, 100));
            ps.executeUpdate();
        }
        return new IssuanceReceipt(id, number, CaseState.CERTIFICATE_ISSUED, false, now, false);
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    /** How many issuances a case has (the first and its reprints). */
    public int count(String caseNumber) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT COUNT(*) FROM case_issuances WHERE case_number = ?")) {
                ps.setString(1, caseNumber);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
    }

    private static Optional<IssuanceReceipt> byKey(Connection c, CertificateIssuance i, String bodySha256)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT body_sha256, issuance_id, case_number, reprint,"
                + " received_at FROM case_issuances WHERE terminal_id = ? AND idempotency_key = ?")) {
            ps.setString(1, i.terminalId());
            ps.setString(2, i.idempotencyKey());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                if (!rs.getString(1).equals(bodySha256)) {
                    throw new StoreConflict(ErrorCodes.IDEMPOTENCY_CONFLICT, "idempotency key " + i.idempotencyKey()
                            + " was used before for a different issuance of case " + rs.getString(3));
                }
                // Once issued a case stays issued: the state it answered first is the state now.
                return Optional.of(new IssuanceReceipt(rs.getString(2), rs.getString(3), CaseState.CERTIFICATE_ISSUED,
                        rs.getBoolean(4), Instant.ofEpochMilli(rs.getLong(5)), true));
            }
        }
    }

    private static IssuanceReceipt record(Connection c, CertificateIssuance i, String bodySha256, Instant now)
            throws SQLException {
        String number = i.caseNumber();
        CaseState state = CaseStore.lockState(c, number);
        Optional<String> terminalHall = hall(c, "SELECT hall_code FROM terminals WHERE terminal_id = ?",
                i.terminalId());
        if (terminalHall.isEmpty() || !terminalHall.get().equals(i.hallCode())) {
            throw new StoreConflict(ErrorCodes.OTHER_HALL, "hallCode " + i.hallCode()
                    + " is not the hall the terminal is registered in");
        }
        Optional<String> caseHall = CaseStore.hallOf(c, number);
        if (caseHall.isPresent() && !caseHall.get().equals(i.hallCode())) {
            throw new StoreConflict(ErrorCodes.OTHER_HALL, "the case was filed in another hall; it is issued there");
        }
        if (state != CaseState.COMPLETED && state != CaseState.CERTIFICATE_ISSUED) {
            throw new StoreConflict(ErrorCodes.ILLEGAL_TRANSITION, "a certificate can be issued once the case is "
                    + "COMPLETED (" + CaseState.COMPLETED.label() + "); it is " + state + " (" + state.label() + ")");
        }
        Optional<String> onFile = certificateSha256(c, number);
        if (onFile.isEmpty()) {
            throw new StoreConflict(ErrorCodes.CERTIFICATE_NOT_AVAILABLE,
                    "the case has no certificate on file; it is issued at the window");
        }
        boolean reprint = state == CaseState.CERTIFICATE_ISSUED;
        boolean current = onFile.get().equals(i.certificateSha256());
        String note = note(i, reprint, current);
        if (!reprint) {
            markIssued(c, number, note, now);
        }
        // A reprint moves nothing, but the case's history shows it: who handed out which certificate, when.
        CaseStore.addEvent(c, number, CaseStore.nextSeq(c, number), CaseState.CERTIFICATE_ISSUED, now, note);
        String id = UUID.randomUUID().toString();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO case_issuances (issuance_id, terminal_id,"
                + " idempotency_key, body_sha256, case_number, hall_code, channel, certificate_sha256,"
                + " certificate_current, reprint, issued_at, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, id);
            ps.setString(2, i.terminalId());
            ps.setString(3, i.idempotencyKey());
            ps.setString(4, bodySha256);
            ps.setString(5, number);
            ps.setString(6, i.hallCode());
            ps.setString(7, i.channel().name());
            ps.setString(8, i.certificateSha256());
            ps.setBoolean(9, current);
            ps.setBoolean(10, reprint);
            ps.setLong(11, i.issuedAt().toEpochMilli());
            ps.setLong(12, now.toEpochMilli());
            ps.executeUpdate();
        }
        return new IssuanceReceipt(id, number, CaseState.CERTIFICATE_ISSUED, reprint, now, false);
    }

    /** "自助终端 T-001 出证（证书 9f86d081884c…）"; a certificate replaced since it was printed is said so. */
    static String note(CertificateIssuance i, boolean reprint, boolean current) {
        String where = switch (i.channel()) {
            case SELF_SERVICE_TERMINAL -> "自助终端 " + i.terminalId();
            case WINDOW -> "综合出证窗口（" + i.terminalId() + "）";
            case EXPRESS_POST -> "邮寄（" + i.terminalId() + "）";
        };
        String to = i.recipient() == org.govkiosk.api.IssuanceRecipient.HOLDER ? "，本人领取（身份已核验）" : "";
        return where + (reprint ? " 补打" : " 出证") + to + "（证书 " + i.certificateSha256().substring(0, DIGEST_SHOWN)
                + "…" + (current ? "" : "，与平台现存证书不同") + "）";
    }

    private static Optional<String> hall(Connection c, String sql, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
            }
        }
    }

    private static Optional<String> certificateSha256(Connection c, String number) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT sha256 FROM certificates WHERE case_number = ?")) {
            ps.setString(1, number);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    /** The case moves to CERTIFICATE_ISSUED with its note (its history's event is the caller's). */
    private static void markIssued(Connection c, String number, String note, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE cases SET state = ?, note = ?, updated_at = ? WHERE case_number = ?")) {
            ps.setString(1, CaseState.CERTIFICATE_ISSUED.name());
            ps.setString(2, note);
            ps.setLong(3, now.toEpochMilli());
            ps.setString(4, number);
            ps.executeUpdate();
        }
    }
}
