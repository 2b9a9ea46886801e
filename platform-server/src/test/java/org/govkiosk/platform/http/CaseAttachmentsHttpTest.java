package org.govkiosk.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.govkiosk.api.ApiPaths;
import org.govkiosk.api.Attachment;
import org.govkiosk.api.CaseReceipt;
import org.govkiosk.api.CaseState;
import org.govkiosk.api.IdType;
import org.govkiosk.api.CaseSubmission;
import org.govkiosk.api.Material;
import org.govkiosk.api.SupplementReceipt;
import org.govkiosk.api.SupplementSubmission;
import org.govkiosk.platform.Fixtures;
import org.govkiosk.platform.config.PlatformConfig;
import org.govkiosk.platform.RunningPlatform;
import org.govkiosk.platform.TestTerminal;
import org.junit.jupiter.api.Test;

/** Scanned pages with a case, over real HTTP: stored apart from the case record, once, and only when sound. */
class CaseAttachmentsHttpTest extends RunningPlatform {

    private PlatformConfig config;

    @Override
    protected PlatformConfig config() {
        config = super.config();
        return config;
    }

    private static CaseSubmission withPages(String key, List<Attachment> pages) {
        CaseSubmission base = Fixtures.submission("T-001", key);
        return new CaseSubmission(base.idempotencyKey(), base.localCaseId(), base.terminalId(), base.itemCode(),
                base.itemName(), base.kind(), base.applicant(), base.formData(), List.of(new Material("M1", "户口簿",
                        Material.Status.PROVIDED, Material.Source.SCAN, pages.get(0).sha256(), pages)),
                base.submittedAt());
    }

    private List<String> stored(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(config.dbUrl());
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            List<String> rows = new java.util.ArrayList<>();
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
            return rows;
        }
    }

    @Test
    void pagesLargerThanAnOrdinaryBodyAreStoredApartAndOnce() throws Exception {
        // Two pages of 300 KB each: far over the 256 KiB body limit of other requests.
        Attachment p1 = Attachment.of("image/jpeg", Fixtures.jpeg(300_000, 1));
        Attachment p2 = Attachment.of("image/jpeg", Fixtures.jpeg(300_000, 2));
        CaseSubmission s = withPages("K-PAGES", List.of(p1, p2));
        HttpResponse<String> first = terminal.post(ApiPaths.CASES, s);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        String number = TestTerminal.read(first, CaseReceipt.class).caseNumber();
        HttpResponse<String> again = terminal.post(ApiPaths.CASES, s);
        assertThat(again.statusCode()).as("a resend is the same case").isEqualTo(200);

        assertThat(stored("SELECT sha256 || ':' || LENGTH(content) FROM case_attachments WHERE case_number = '"
                + number + "' ORDER BY page")).containsExactly(p1.sha256() + ":300000", p2.sha256() + ":300000");
        String record = stored("SELECT submission FROM cases WHERE case_number = '" + number + "'").get(0);
        assertThat(record).contains(p1.sha256()).hasSizeLessThan(5_000);
    }

    @Test
    void pagesHandedInLaterAreStoredWithTheSupplementOnceAfterTheCasesOwn() throws Exception {
        Attachment own = Attachment.of("image/jpeg", Fixtures.jpeg(2_000, 4));
        CaseSubmission base = withPages("K-SUP", List.of(own));
        CaseSubmission waiting = new CaseSubmission(base.idempotencyKey(), base.localCaseId(), base.terminalId(),
                base.itemCode(), base.itemName(), base.kind(), base.applicant(), base.formData(),
                List.of(base.materials().get(0), new Material("M2", "近期免冠照片", Material.Status.MISSING, null, null)),
                base.submittedAt());
        HttpResponse<String> filed = terminal.post(ApiPaths.CASES, waiting);
        assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
        String number = TestTerminal.read(filed, CaseReceipt.class).caseNumber();

        // A 300 KB page: over the ordinary body limit, as a case's pages may be.
        Attachment later = Attachment.of("image/jpeg", Fixtures.jpeg(300_000, 5));
        SupplementSubmission s = new SupplementSubmission("K-SUP-1", number, "T-001", IdType.RESIDENT_ID,
                Fixtures.ID_NUMBER, List.of(new Material("M2", "近期免冠照片", Material.Status.PROVIDED,
                        Material.Source.SCAN, later.sha256(), List.of(later))), java.time.Instant.now());
        HttpResponse<String> first = terminal.post(ApiPaths.caseSupplements(number), s);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        assertThat(TestTerminal.read(first, SupplementReceipt.class).state()).isNotEqualTo(CaseState.NEEDS_SUPPLEMENT);
        HttpResponse<String> again = terminal.post(ApiPaths.caseSupplements(number), s);
        assertThat(again.statusCode()).as("a resend is the same supplement: " + again.body()).isEqualTo(200);

        assertThat(stored("SELECT material_code || ':' || page || ':' || sha256 || ':' || LENGTH(content)"
                + " FROM case_attachments WHERE case_number = '" + number + "' ORDER BY material_code, page"))
                .containsExactly("M1:1:" + own.sha256() + ":2000", "M2:1:" + later.sha256() + ":300000");
        String record = stored("SELECT submission FROM case_supplements WHERE case_number = '" + number + "'")
                .get(0);
        assertThat(record).as("the record keeps the page's hash, not the page").contains(later.sha256())
                .hasSizeLessThan(5_000);
    }

    @Test
    void aPageWhoseHashDoesNotMatchIsRefusedAndNothingIsStored() throws Exception {
        Attachment page = Attachment.of("image/jpeg", Fixtures.jpeg(2_000, 3));
        String json = TestTerminal.JSON.writeValueAsString(withPages("K-BAD", List.of(page)))
                .replace(page.sha256(), Attachment.sha256Hex(new byte[] {9}));
        HttpResponse<String> r = terminal.send("POST", ApiPaths.CASES, json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(r.body()).contains("sha256 does not match");
        assertThat(stored("SELECT case_number FROM cases WHERE idempotency_key = 'K-BAD'")).isEmpty();
        assertThat(stored("SELECT case_number FROM case_attachments")).isEmpty();
    }
}
