package org.govkiosk.print.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.govkiosk.print.PdfInspection;
import org.govkiosk.print.Samples;
import org.govkiosk.print.data.TemplateData;
import org.govkiosk.print.model.Document;
import org.govkiosk.print.template.TemplateRepository;
import org.govkiosk.print.verify.CertificateSigner;
import org.govkiosk.print.verify.CertificateVerifier;
import org.govkiosk.print.verify.VerificationResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each shipped template, filled and rendered to PDF, read back as a citizen's reader or pdftotext would. */
class PdfRenderingTest {

    private static final KeyPair KEYS = Samples.keyPair("ed25519");
    private static final CertificateSigner SIGNER = new CertificateSigner("hall-2025", KEYS.getPrivate());

    private static TemplateRepository templates;
    private static PdfRenderer renderer;

    @BeforeAll
    static void setUp() {
        templates = Samples.templates();
        renderer = new PdfRenderer(Samples.font());
    }

    static Stream<Arguments> documents() {
        return Stream.of(
                Arguments.of(Samples.receipt(), List.of("受理回执", "示例市政务服务中心", Samples.CASE_NUMBER,
                        "食品经营许可证核发（新办）", "张**", "110***********002X", "2025年3月18日09:42",
                        "2025年3月28日前", "扫码或凭办件编号查询办理进度", "0571-12345678", "ZZ-0031")),
                Arguments.of(Samples.notification(Samples.materials()), List.of("一次性告知书", "张三丰：",
                        "示市监补〔2025〕第0318号", "经营场所平面图", "标明设备布局、操作流程", "食品安全管理制度文本",
                        "法定代表人身份证明", "5个工作日内", "第三十二条第一款第（四）项", "2025年3月18日")),
                Arguments.of(Samples.refusal(), List.of("不予受理通知书", "决定不予受理", "实行备案管理",
                        "《中华人民共和国行政许可法》第三十二条第一款第（二）项", "示例市人民政府",
                        "示例市西湖区人民法院", "六十日内", "示市监不受〔2025〕第0042号")),
                Arguments.of(Samples.certificate(SIGNER), List.of("办结证明", "BJZM202503280007", "张三丰",
                        "110***********002X", "准予许可，许可证编号JY13301000012345", "11330100002501234A",
                        "2025年3月28日", "特此证明", "扫描二维码核验本证明真伪")),
                Arguments.of(Samples.queueSlip(), List.of("排队号", "A027", "市场准入综合窗口", "您前面还有6人等候",
                        "2025年3月18日09:05")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documents")
    void everyTemplateRendersExtractableChinese(TemplateData data, List<String> expected, @TempDir Path tmp)
            throws IOException, InterruptedException {
        Document doc = templates.fill(data);
        byte[] pdf = renderer.render(doc);

        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        String text = squeeze(PdfInspection.text(pdf));
        for (String e : expected) {
            assertThat(text).as("PDFTextStripper text of " + doc.templateId()).contains(squeeze(e));
        }
        String poppler = PdfInspection.pdftotext(pdf, tmp);
        assumeTrue(poppler != null, "pdftotext not installed (apt-get install poppler-utils): "
                + "checked with PDFTextStripper only");
        for (String e : expected) {
            assertThat(squeeze(poppler)).as("pdftotext output of " + doc.templateId()).contains(squeeze(e));
        }
    }

    @Test
    void receiptNeverShowsTheFullNameOrIdNumber() {
        String text = squeeze(PdfInspection.text(renderer.render(templates.fill(Samples.receipt()))));
        assertThat(text).contains("张**").doesNotContain(Samples.APPLICANT).doesNotContain(Samples.ID_NUMBER);
    }

    @Test
    void fontIsEmbeddedAsASubset() {
        byte[] pdf = renderer.render(templates.fill(Samples.notification(Samples.materials())));
        List<PdfInspection.EmbeddedFont> fonts = PdfInspection.fonts(pdf);

        assertThat(fonts).isNotEmpty().allSatisfy(f -> {
            assertThat(f.subtype()).isEqualTo("Type0");
            assertThat(f.name()).matches("[A-Z]{6}\\+.+");
            assertThat(f.embeddedFile()).as("FontFile2 present").isTrue();
            // the whole of WenQuanYi Zen Hei is ~10 MB; a notice uses a few hundred glyphs
            assertThat(f.fileLength()).isBetween(1_000L, 1_000_000L);
        });
        assertThat(pdf.length).isLessThan(1_000_000);
    }

    @Test
    void fontIsParsedOnceAndShared() {
        CjkFont a = CjkFont.shared(FontLocator.system());
        CjkFont b = CjkFont.shared(FontLocator.system().locate());
        assertThat(a).isSameAs(b).isSameAs(Samples.font());
    }

    @Test
    void certificateQrScansToASignedPayloadThatVerifies() throws Exception {
        byte[] pdf = renderer.render(templates.fill(Samples.certificate(SIGNER)));

        String scanned = PdfInspection.decodeQr(PdfInspection.renderPage(pdf, 0, 200));

        assertThat(scanned).startsWith("GKC1|BJZM202503280007|" + Samples.CASE_NUMBER + "|");
        CertificateVerifier verifier = new CertificateVerifier(Map.of("hall-2025", KEYS.getPublic()));
        VerificationResult result = verifier.verify(scanned);
        assertThat(result).isInstanceOf(VerificationResult.Valid.class);
        assertThat(((VerificationResult.Valid) result).payload()).isEqualTo(Samples.payload());

        CertificateVerifier otherHall = new CertificateVerifier(
                Map.of("hall-2025", Samples.keyPair("ed25519").getPublic()));
        assertThat(otherHall.verify(scanned).isValid()).isFalse();
    }

    @Test
    void receiptQrScansToTheProgressQueryUrl() throws Exception {
        byte[] pdf = renderer.render(templates.fill(Samples.receipt()));
        assertThat(PdfInspection.decodeQr(PdfInspection.renderPage(pdf, 0, 200))).isEqualTo(Samples.QUERY_URL);
    }

    @Test
    void aLongMaterialListFlowsOntoNumberedPages() {
        List<org.govkiosk.print.data.MissingMaterial> many = java.util.stream.IntStream.rangeClosed(1, 40)
                .mapToObj(i -> new org.govkiosk.print.data.MissingMaterial("补充材料第" + i + "项",
                        "复印件一份，加盖单位公章，并由经办人签字确认（第" + i + "项）"))
                .toList();
        byte[] pdf = renderer.render(templates.fill(Samples.notification(many)));

        int pages = PdfInspection.pageCount(pdf);
        assertThat(pages).isGreaterThan(1);
        String text = squeeze(PdfInspection.text(pdf));
        assertThat(text).contains("补充材料第1项", "补充材料第40项", "第1页共" + pages + "页",
                "第" + pages + "页共" + pages + "页");
        // the header row is repeated on the next page
        assertThat(text.split("需补正的材料", -1).length - 1).isEqualTo(pages);
    }

    static String squeeze(String s) {
        return s.replaceAll("\\s+", "");
    }
}
