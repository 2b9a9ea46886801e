package org.govkiosk.platform.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.govkiosk.api.Attachment;
import org.govkiosk.api.CaseSubmission;
import org.govkiosk.api.Material;

/**
 * The scanned pages of a case's materials, kept apart from the case record (which holds their hashes): a case
 * row stays small, and a page is read only by whoever handles the case.
 */
public final class AttachmentStore {

    /** A stored page, for the department handling the case. */
    public record StoredPage(String materialCode, int page, Attachment attachment) {
    }

    private final Database db;

    public AttachmentStore(Database db) {
        this.db = db;
    }

    /**
     * Stores the pages of {@code submission} under its case number. Idempotent: a resend of the same case (after a
     * lost answer, or a failure between the case and its pages) stores what is missing and nothing twice.
     */
    public void store(String caseNumber, CaseSubmission submission, Instant now) {
        db.inTransaction(c -> {
            for (Material m : submission.materials()) {
                for (int i = 0; i < m.attachments().size(); i++) {
                    Attachment a = m.attachments().get(i);
                    if (a.content() == null) {
                        continue;
                    }
                    try (PreparedStatement ps = c.prepareStatement("INSERT INTO case_attachments (case_number,"
                            + " material_code, page, media_type, sha256, content, stored_at)"
                            + " SELECT ?, ?, ?, ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM case_attachments"
                            + " WHERE case_number = ? AND material_code = ? AND page = ?)")) {
                        ps.setString(1, caseNumber);
                        ps.setString(2, m.code());
                        ps.setInt(3, i + 1);
                        ps.setString(4, a.mediaType());
                        ps.setString(5, a.sha256());
                        ps.setBytes(6, a.content());
                        ps.setLong(7, now.toEpochMilli());
                        ps.setString(8, caseNumber);
                        ps.setString(9, m.code());
                        ps.setInt(10, i + 1);
                        ps.executeUpdate();
                    }
                }
            }
            return null;
        });
    }

    /**
     * Adds the pages of materials handed in later (补正) after the pages the case already has of each material, in
     * the caller's transaction: a supplement and its pages are stored together or not at all, and a resent
     * supplement (answered from its first receipt) adds none.
     */
    static void append(Connection c, String caseNumber, List<Material> materials, Instant now) throws SQLException {
        for (Material m : materials) {
            int last = 0;
            try (PreparedStatement ps = c.prepareStatement("SELECT MAX(page) FROM case_attachments"
                    + " WHERE case_number = ? AND material_code = ?")) {
                ps.setString(1, caseNumber);
                ps.setString(2, m.code());
                try (ResultSet rs = ps.executeQuery()) {
                    last = rs.next() ? rs.getInt(1) : 0;
                }
            }
            for (Attachment a : m.attachments()) {
                if (a.content() == null) {
                    continue;
                }
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO case_attachments (case_number,"
                        + " material_code, page, media_type, sha256, content, stored_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                    ps.setString(1, caseNumber);
                    ps.setString(2, m.code());
                    ps.setInt(3, ++last);
                    ps.setString(4, a.mediaType());
                    ps.setString(5, a.sha256());
                    ps.setBytes(6, a.content());
                    ps.setLong(7, now.toEpochMilli());
                    ps.executeUpdate();
                }
            }
        }
    }

    /** The pages of one case, by material and page number. */
    public List<StoredPage> pages(String caseNumber) {
        return db.inTransaction(c -> {
            List<StoredPage> pages = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT material_code, page, media_type, sha256, content"
                    + " FROM case_attachments WHERE case_number = ? ORDER BY material_code, page")) {
                ps.setString(1, caseNumber);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        pages.add(new StoredPage(rs.getString(1), rs.getInt(2),
                                new Attachment(rs.getString(3), rs.getString(4), rs.getBytes(5))));
                    }
                }
            }
            return pages;
        });
    }
}
