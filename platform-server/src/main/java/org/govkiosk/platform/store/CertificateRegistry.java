package org.govkiosk.platform.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.govkiosk.api.ErrorCodes;

/**
 * What the public verification page may know of a result document (the item, whether it was issued, whether it
 * was revoked) and the clerks' revocations. The first revocation of a case stands: revoking again answers it.
 */
public final class CertificateRegistry {

    /** A case as the verification page sees it; no personal data. */
    public record Issued(String caseNumber, String itemCode, String itemName, boolean hasCertificate,
                         Optional<Revocation> revocation) {
    }

    public record Revocation(String caseNumber, String reason, Instant revokedAt) {
    }

    private static final int MAX_ATTEMPTS = 5;

    private final Database db;

    public CertificateRegistry(Database db) {
        this.db = db;
    }

    public Optional<Issued> issued(String caseNumber) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT c.item_code, c.item_name,"
                    + " CASE WHEN cert.case_number IS NULL THEN 0 ELSE 1 END FROM cases c"
                    + " LEFT JOIN certificates cert ON cert.case_number = c.case_number WHERE c.case_number = ?")) {
                ps.setString(1, caseNumber);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.<Issued>empty();
                    }
                    return Optional.of(new Issued(caseNumber, rs.getString(1), rs.getString(2), rs.getInt(3) == 1,
                            revocation(c, caseNumber)));
                }
            }
        });
    }

    /**
     * Revokes the result document of a case; a case revoked before keeps its first revocation, which is returned.
     *
     * @throws NotFoundException if there is no such case, or it has no result document
     */
    public Revocation revoke(String caseNumber, String reason, Instant now) {
        for (int attempt = 1; ; attempt++) {
            try {
                return db.inTransaction(c -> {
                    Optional<Revocation> before = revocation(c, caseNumber);
                    if (before.isPresent()) {
                        return before.get();
                    }
                    try (PreparedStatement ps = c.prepareStatement("SELECT CASE WHEN cert.case_number IS NULL"
                            + " THEN 0 ELSE 1 END FROM cases c LEFT JOIN certificates cert"
                            + " ON cert.case_number = c.case_number WHERE c.case_number = ?")) {
                        ps.setString(1, caseNumber);
                        try (ResultSet rs = ps.executeQuery()) {
                            if (!rs.next()) {
                                throw new NotFoundException(ErrorCodes.NOT_FOUND, "no case with this number");
                            }
                            if (rs.getInt(1) == 0) {
                                throw new NotFoundException(ErrorCodes.CERTIFICATE_NOT_AVAILABLE,
                                        "this case has no result document to revoke");
                            }
                        }
                    }
                    try (PreparedStatement ps = c.prepareStatement("INSERT INTO certificate_revocations"
                            + " (case_number, reason, revoked_at) VALUES (?, ?, ?)")) {
                        ps.setString(1, caseNumber);
                        ps.setString(2, reason);
                        ps.setLong(3, now.toEpochMilli());
                        ps.executeUpdate();
                    }
                    return new Revocation(caseNumber, reason, Instant.ofEpochMilli(now.toEpochMilli()));
                });
            } catch (StorageException e) {
                if (attempt >= MAX_ATTEMPTS || !(Sql.isUniqueViolation(e) || Sql.isRetryableRace(e))) {
                    throw e;
                }
                Sql.pause(attempt); // revoked by another clerk at the same moment: answer theirs
            }
        }
    }

    private static Optional<Revocation> revocation(Connection c, String caseNumber) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT reason, revoked_at FROM certificate_revocations WHERE case_number = ?")) {
            ps.setString(1, caseNumber);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Revocation(caseNumber, rs.getString(1),
                        Instant.ofEpochMilli(rs.getLong(2)))) : Optional.empty();
            }
        }
    }
}
