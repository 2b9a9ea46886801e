package org.govkiosk.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Scanned pages in a case: checked on arrival, carried as base64, left out of the case record on request. */
class AttachmentTest {

    private static byte[] jpeg(int size) {
        byte[] b = new byte[size];
        Arrays.fill(b, (byte) 7);
        b[0] = (byte) 0xFF;
        b[1] = (byte) 0xD8;
        b[2] = (byte) 0xFF;
        return b;
    }

    private static CaseSubmission withPages(List<Attachment> pages) {
        return new CaseSubmission("K1", "L1", "T1", "ITEM", "事项", CaseKind.PROMISED,
                new Applicant(IdType.RESIDENT_ID, "11010519491231002X", "王秀英", null, null), Map.of(),
                List.of(new Material("M01", "户口簿", Material.Status.PROVIDED, Material.Source.SCAN,
                        pages.isEmpty() ? null : pages.get(0).sha256(), pages)),
                Instant.parse("2025-03-01T08:00:00Z"));
    }

    @Test
    void aPageTravelsAsBase64AndComesBackTheSame() throws Exception {
        Attachment page = Attachment.of("image/jpeg", jpeg(5000));
        CaseSubmission s = withPages(List.of(page));
        String json = ApiJson.strict().writeValueAsString(s);
        assertThat(json).contains("\"content\":\"/9j/");
        CaseSubmission back = ApiJson.strict().readValue(json, CaseSubmission.class);
        assertThat(back).isEqualTo(s);
        assertThat(back.materials().get(0).attachments().get(0).content()).isEqualTo(page.content());
        assertThat(page.toString()).doesNotContain("/9j/").contains("5000 bytes");
    }

    @Test
    void theCaseRecordKeepsTheHashNotThePage() throws Exception {
        Attachment page = Attachment.of("image/jpeg", jpeg(5000));
        CaseSubmission stripped = withPages(List.of(page)).withoutAttachmentContent();
        Attachment kept = stripped.materials().get(0).attachments().get(0);
        assertThat(kept.content()).isNull();
        assertThat(kept.sha256()).isEqualTo(page.sha256());
        assertThat(ApiJson.strict().writeValueAsString(stripped)).doesNotContain("/9j/");
    }

    @Test
    void badPagesAreRefusedWithTheReason() {
        byte[] ok = jpeg(100);
        assertThatThrownBy(() -> new Attachment("image/jpeg", Attachment.sha256Hex(new byte[] {1}), ok))
                .hasMessageContaining("does not match");
        assertThatThrownBy(() -> Attachment.of("image/png", ok)).hasMessageContaining("not a image/png");
        assertThatThrownBy(() -> Attachment.of("application/pdf", ok)).hasMessageContaining("image/jpeg or image/png");
        assertThatThrownBy(() -> Attachment.of("image/jpeg", jpeg(Attachment.MAX_BYTES + 1)))
                .hasMessageContaining("1 to " + Attachment.MAX_BYTES);
        Attachment page = Attachment.of("image/jpeg", ok);
        assertThatThrownBy(() -> new Material("M01", "户口簿", Material.Status.PROVIDED, Material.Source.PAPER, null,
                List.of(page))).hasMessageContaining("only a material provided as SCAN");
        List<Attachment> six = java.util.Collections.nCopies(6, page);
        assertThatThrownBy(() -> withPages(six)).hasMessageContaining("at most 5 pages");
    }

    @Test
    void aCaseCarriesAtMostTwoMebibytesOfPages() {
        List<Attachment> big = List.of(Attachment.of("image/jpeg", jpeg(Attachment.MAX_BYTES)),
                Attachment.of("image/jpeg", jpeg(Attachment.MAX_BYTES - 1)),
                Attachment.of("image/jpeg", jpeg(Attachment.MAX_BYTES - 2)),
                Attachment.of("image/jpeg", jpeg(Attachment.MAX_BYTES - 3)),
                Attachment.of("image/jpeg", jpeg(Attachment.MAX_BYTES - 4)));
        CaseSubmission fits = withPages(big);
        assertThat(fits.materials().get(0).attachments()).hasSize(5);
        Material second = new Material("M02", "身份证复印件", Material.Status.PROVIDED, Material.Source.SCAN, null,
                List.of(Attachment.of("image/jpeg", jpeg(Attachment.MAX_BYTES))));
        assertThatThrownBy(() -> new CaseSubmission("K1", "L1", "T1", "ITEM", "事项", CaseKind.PROMISED,
                fits.applicant(), Map.of(), List.of(fits.materials().get(0), second), fits.submittedAt()))
                .hasMessageContaining("at most " + CaseSubmission.MAX_ATTACHMENT_BYTES);
    }
}
