package org.govkiosk.platform.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.govkiosk.api.Applicant;
import org.govkiosk.api.CaseKind;
import org.govkiosk.api.CaseSubmission;
import org.govkiosk.platform.Fixtures;
import org.govkiosk.print.pdf.CjkFont;
import org.junit.jupiter.api.Test;

/** The 办结证明 made with PDFBox: its text read back, its layout on A4, the CJK font embedded as a subset. */
class ResultPdfTest {

    static final String ISSUER = "示例市政务服务中心";
    static final Instant NOW = Instant.parse("2025-03-03T02:00:00Z");

    /** The system font the platform finds by itself; the tests need fonts-wqy-zenhei (or another TrueType CJK). */
    static CjkFont systemFont() {
        return CaseDecisions.resultFont(Optional.empty()).orElseThrow(() -> new AssertionError(
                "no TrueType CJK font: install fonts-wqy-zenhei"));
    }

    static CaseSubmission immediate(String itemName, String applicantName) {
        CaseSubmission b = Fixtures.submission("T-001", "k1", CaseKind.IMMEDIATE, "本地");
        return new CaseSubmission(b.idempotencyKey(), b.localCaseId(), b.terminalId(), b.itemCode(), itemName,
                b.kind(), new Applicant(b.applicant().idType(), b.applicant().idNumber(), applicantName,
                        b.applicant().phone(), b.applicant().address()), b.formData(), b.materials(),
                b.submittedAt());
    }

    static byte[] result(CaseSubmission s, String caseNumber) {
        CaseDecisions d = new CaseDecisions(true, ISSUER, ZoneId.of("Asia/Shanghai"), Optional.of(systemFont()));
        return d.atIntake(s, NOW).result().orElseThrow().pdf(caseNumber);
    }

    @Test
    void theResultReadsBackWithEveryLineAndTheIdNumberMasked() throws Exception {
        byte[] pdf = result(immediate("城乡居民养老保险参保登记", "张三丰"), "GK20250303000001");
        String text = ResultDocuments.text(pdf);
        assertThat(text).startsWith(ISSUER + "办结证明证明编号：JBGK20250303000001")
                .contains("申请人：张三丰", "证件号码：110***********002X", "办理事项：城乡居民养老保险参保登记",
                        "事项编码：ITEM-001", "办件编号：GK20250303000001", "受理日期：2025年3月3日",
                        "办结日期：2025年3月3日", "办理结果：" + CaseDecisions.RESULT, "特此证明。")
                .endsWith("2025年3月3日本证明由政务服务平台即办件当场办结生成，可凭办件编号在自助终端或窗口查询核验。")
                .doesNotContain(Fixtures.ID_NUMBER);
        assertThat(ResultDocuments.pages(pdf)).isEqualTo(1);
    }

    @Test
    void theCjkFontIsEmbeddedAsASubset() throws Exception {
        byte[] pdf = result(immediate("城乡居民养老保险参保登记", "张三丰"), "GK20250303000002");
        assertThat(ResultDocuments.fonts(pdf)).isNotEmpty().allSatisfy(f -> {
            assertThat(f.subtype()).isEqualTo("Type0");
            assertThat(f.embedded()).as(f.name()).isTrue();
            assertThat(f.subset()).as(f.name()).isTrue();
            assertThat(f.name()).contains(systemFont().source().faceName());
        });
        // The whole font is 10-20 MB; the glyphs of one page are a few dozen kilobytes.
        assertThat(pdf.length).isLessThan(200_000);
    }

    @Test
    void linesSitOnA4AsBeforeAndLongValuesWrapInsideTheMargins() throws Exception {
        String longName = "关于" + "城乡居民基本养老保险待遇领取资格认证及个人账户一次性支付".repeat(6) + "的申请";
        byte[] pdf = result(immediate(longName, "张三丰"), "GK20250303000003");
        assertThat(ResultDocuments.text(pdf)).contains("办理事项：" + longName);
        List<Glyph> glyphs = glyphs(pdf);
        float width = PDRectangle.A4.getWidth();
        assertThat(glyphs).allSatisfy(g -> {
            assertThat(g.x()).as(g.text()).isGreaterThanOrEqualTo(72f - 0.5f);
            assertThat(g.x() + g.width()).as(g.text()).isLessThanOrEqualTo(width - 72f + 0.5f);
        });
        // The item name took several lines: glyphs of it sit on more than three baselines.
        assertThat(glyphs.stream().filter(g -> g.text().equals("资")).map(Glyph::y).distinct().count())
                .isGreaterThan(3);
        // The title is centred, the certificate number flush right.
        Glyph first = find(glyphs, "办", 24f);
        Glyph last = find(glyphs, "明", 24f);
        assertThat((first.x() + last.x() + last.width()) / 2).isCloseTo(width / 2, within(1f));
        Glyph lastOfNumber = glyphs.stream().filter(g -> Math.abs(g.size() - 10.5f) < 0.01f).reduce((a, b) -> b).orElseThrow();
        assertThat(lastOfNumber.x() + lastOfNumber.width()).isCloseTo(width - 72f, within(1f));
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getPage(0).getMediaBox().getWidth()).isCloseTo(PDRectangle.A4.getWidth(), within(0.1f));
            assertThat(doc.getPage(0).getMediaBox().getHeight()).isCloseTo(PDRectangle.A4.getHeight(),
                    within(0.1f));
        }
    }

    @Test
    void aCharacterTheFontLacksIsWrittenAsABoxAndTheDocumentStillMade() throws Exception {
        // U+10FFFD is a private-use code point no font draws; a control character becomes a space.
        byte[] pdf = result(immediate("城乡居民养老保险参保登记", "张\uDBFF\uDFFD丰\u0007"), "GK20250303000004");
        assertThat(ResultDocuments.text(pdf)).contains("申请人：张□丰证件号码");
    }

    record Glyph(String text, float x, float y, float width, float size) {
    }

    private static Glyph find(List<Glyph> glyphs, String text, float size) {
        return glyphs.stream().filter(g -> g.text().equals(text) && Math.abs(g.size() - size) < 0.01f).findFirst().orElseThrow();
    }

    private static List<Glyph> glyphs(byte[] pdf) throws IOException {
        List<Glyph> out = new ArrayList<>();
        PDFTextStripper stripper = new PDFTextStripper() {
            @Override
            protected void processTextPosition(TextPosition p) {
                out.add(new Glyph(p.getUnicode(), p.getXDirAdj(), p.getYDirAdj(), p.getWidthDirAdj(),
                        p.getFontSize()));
            }
        };
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            stripper.getText(doc);
        }
        return out;
    }
}
