package org.govkiosk.platform.store;

import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import org.govkiosk.api.IssuedLicenceCode;
import org.govkiosk.api.LicenceHolder;
import org.govkiosk.api.LicenceIssue;
import org.govkiosk.api.LicenceVerification;
import org.govkiosk.api.LicenceVerificationRequest;
import org.govkiosk.personal.Masking;

/**
 * Scannable e-licence codes (扫码亮证). A code is a random token the phone shows for a short time; the platform
 * looks it up. The holder's data leaves the platform only masked, plus a yes/no on whether the holder is the
 * person the terminal asked about.
 */
public final class LicenceStore {

    static final String CODE_PREFIX = "GKEL1:";

    private final Database db;
    private final SecureRandom random = new SecureRandom();

    public LicenceStore(Database db) {
        this.db = db;
    }

    /** A code of no hall (the machine token's): it verifies at any terminal. */
    public IssuedLicenceCode issue(LicenceIssue issue, Instant now) {
        return issue(issue, null, now);
    }

    /**
     * A code made in {@code hallCode} (null: no hall): it verifies at that hall's terminals only, as the staff who
     * made it act only there.
     */
    public IssuedLicenceCode issue(LicenceIssue issue, String hallCode, Instant now) {
        byte[] token = new byte[24];
        random.nextBytes(token);
        String code = CODE_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(token);
        Instant expiresAt = now.plusSeconds(issue.codeTtlSeconds());
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO licence_codes (code, licence_type,"
                    + " licence_number, holder_name, holder_id_number, issuer, valid_until, expires_at, hall_code)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, code);
                ps.setString(2, issue.licenceType());
                ps.setString(3, issue.licenceNumber());
                ps.setString(4, issue.holderName());
                ps.setString(5, issue.holderIdNumber());
                ps.setString(6, issue.issuer());
                ps.setObject(7, issue.validUntil(), java.sql.Types.DATE);
                ps.setLong(8, expiresAt.toEpochMilli());
                ps.setString(9, hallCode);
                ps.executeUpdate();
            }
            return null;
        });
        return new IssuedLicenceCode(code, expiresAt);
    }

    /** A verification that sees the codes of every hall (tests of the store). */
    public LicenceVerification verify(LicenceVerificationRequest request, Instant now, ZoneId zone) {
        return verify(request, null, now, zone);
    }

    /**
     * Verifies a code at a terminal of {@code terminalHall} (null: every hall's codes): a code made in another hall
     * is answered as an unknown one, so its holder does not leave the hall it was made in.
     */
    public LicenceVerification verify(LicenceVerificationRequest request, String terminalHall, Instant now,
            ZoneId zone) {
        String code = request.code().strip();
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT licence_type, licence_number, holder_name,"
                    + " holder_id_number, issuer, valid_until, expires_at FROM licence_codes WHERE code = ?"
                    + (terminalHall == null ? "" : " AND (hall_code IS NULL OR hall_code = ?)"))) {
                ps.setString(1, code);
                if (terminalHall != null) {
                    ps.setString(2, terminalHall);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return LicenceVerification.invalid(LicenceVerification.UNKNOWN_CODE);
                    }
                    Instant expiresAt = Instant.ofEpochMilli(rs.getLong(7));
                    if (!now.isBefore(expiresAt)) {
                        return LicenceVerification.invalid(LicenceVerification.CODE_EXPIRED);
                    }
                    LocalDate validUntil = rs.getObject(6, LocalDate.class);
                    if (validUntil != null && LocalDate.ofInstant(now, zone).isAfter(validUntil)) {
                        return LicenceVerification.invalid(LicenceVerification.LICENCE_EXPIRED);
                    }
                    Boolean matches = request.holderIdNumber() == null ? null
                            : request.holderIdNumber().strip().equalsIgnoreCase(rs.getString(4));
                    // The holder in full only to identify the citizen by the licence; otherwise masked, as before.
                    LicenceHolder holder = request.wantsHolder()
                            ? new LicenceHolder(rs.getString(3), rs.getString(4)) : null;
                    return new LicenceVerification(true, null, rs.getString(1), Masking.idNumber(rs.getString(2)),
                            Masking.name(rs.getString(3)), matches, rs.getString(5), validUntil, expiresAt, holder);
                }
            }
        });
    }
}
