package org.govkiosk.print.escpos;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.List;
import java.util.Map;
import org.govkiosk.print.PdfInspection;
import org.govkiosk.print.Samples;
import org.govkiosk.print.escpos.EscPosReader.Cut;
import org.govkiosk.print.escpos.EscPosReader.Line;
import org.govkiosk.print.escpos.EscPosReader.Op;
import org.govkiosk.print.escpos.EscPosReader.QrFunction;
import org.govkiosk.print.escpos.EscPosReader.Raster;
import org.govkiosk.print.model.Block;
import org.govkiosk.print.model.Document;
import org.govkiosk.print.model.Medium;
import org.govkiosk.print.model.TextStyle;
import org.govkiosk.print.template.TemplateRepository;
import org.govkiosk.print.text.ReceiptColumns;
import org.govkiosk.print.verify.CertificateSigner;
import org.govkiosk.print.verify.CertificateVerifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Receipt bytes read back with a strict reader: commands, lengths, GB18030 text, line widths. */
class EscPosRendererTest {

    private static final Charset GB18030 = Charset.forName("GB18030");
    private final TemplateRepository templates = Samples.templates();

    @Test
    void receiptIsChineseModeGb18030WithNativeQrAndPartialCut() {
        byte[] bytes = new EscPosRenderer(EscPosSettings.of(ReceiptPaper.MM80)).render(templates.fill(Samples.receipt()));
        List<Op> ops = EscPosReader.read(bytes);

        assertThat(bytes[0]).isEqualTo((byte) 0x1B);
        assertThat(bytes[1]).isEqualTo((byte) '@');
        assertThat(EscPosReader.indexOf(bytes, new byte[] {0x1C, 0x26})).isEqualTo(2);
        assertThat(EscPosReader.indexOf(bytes, "受理回执".getBytes(GB18030))).isPositive();
        assertThat(EscPosReader.indexOf(bytes, "受理回执".getBytes(StandardCharsets.UTF_8))).isNegative();
        assertThat(EscPosReader.lines(ops)).contains("受理回执")
                .anySatisfy(l -> assertThat(l).startsWith("申请人").endsWith("张**"))
                .anySatisfy(l -> assertThat(l).contains(Samples.CASE_NUMBER.substring(0, 20)))
                .noneSatisfy(l -> assertThat(l).contains(Samples.APPLICANT));

        List<QrFunction> qr = ops.stream().filter(QrFunction.class::isInstance).map(QrFunction.class::cast).toList();
        assertThat(qr).extracting(QrFunction::fn).containsExactly(65, 67, 69, 80, 81);
        assertThat(qr.get(0).params()).containsExactly(50, 0);          // model 2
        assertThat(qr.get(1).params()).containsExactly(6);              // module size
        assertThat(qr.get(2).params()).containsExactly(49);             // error correction M
        QrFunction store = qr.get(3);
        byte[] url = Samples.QUERY_URL.getBytes(StandardCharsets.US_ASCII);
        assertThat(store.declaredLength()).isEqualTo(url.length + 3);
        assertThat(store.params()[0]).isEqualTo((byte) 48);
        assertThat(new String(store.params(), 1, store.params().length - 1, StandardCharsets.US_ASCII))
                .isEqualTo(Samples.QUERY_URL);
        int storeAt = EscPosReader.indexOf(bytes, new byte[] {0x1D, '(', 'k', (byte) (url.length + 3), 0, 49, 80, 48});
        assertThat(storeAt).as("GS ( k pL pH of the store function").isPositive();

        assertThat(ops.get(ops.size() - 1)).isEqualTo(new Cut(66, 0));
        assertThat(ops.stream().filter(Cut.class::isInstance)).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(ReceiptPaper.class)
    void everyLineFitsThePaperCountingChineseDouble(ReceiptPaper paper) {
        EscPosRenderer renderer = new EscPosRenderer(EscPosSettings.of(paper));
        int widest = 0;
        for (var data : List.of(Samples.receipt(), Samples.queueSlip(), Samples.notification(Samples.materials()))) {
            for (Op op : EscPosReader.read(renderer.render(templates.fill(data)))) {
                if (op instanceof Line l) {
                    int cols = ReceiptColumns.of(l.text()) * l.magnification();
                    assertThat(cols).as("'%s' on %s", l.text(), paper).isLessThanOrEqualTo(paper.columns());
                    widest = Math.max(widest, cols);
                }
            }
        }
        // long text really uses the width: lines are not cut to the narrow paper on the wide one
        assertThat(widest).isGreaterThan(paper.columns() - 4);
    }

    @Test
    void theSameParagraphTakesMoreLinesOn58mm() {
        String text = "请您自收到本告知书之日起5个工作日内补齐上述材料，可到示例市人民大道88号市民中心二楼B区提交。";
        Document doc = new Document("t", "t", Medium.RECEIPT, List.of(new Block.Paragraph(text, TextStyle.BODY)));
        List<String> narrow = EscPosReader.lines(EscPosReader.read(
                new EscPosRenderer(EscPosSettings.of(ReceiptPaper.MM58)).render(doc)));
        List<String> wide = EscPosReader.lines(EscPosReader.read(
                new EscPosRenderer(EscPosSettings.of(ReceiptPaper.MM80)).render(doc)));
        assertThat(String.join("", narrow)).isEqualTo(text);
        assertThat(String.join("", wide)).isEqualTo(text);
        assertThat(narrow.size()).isGreaterThan(wide.size());
        // full lines, short only by a half-width digit or a character carried down with its comma (禁则)
        assertThat(ReceiptColumns.of(narrow.get(0))).isBetween(28, 32);
        assertThat(ReceiptColumns.of(wide.get(0))).isBetween(44, 48);
    }

    @Test
    void aCaseNumberTooWideForTheValueColumnGetsALineOfItsOwn() {
        List<String> narrow = EscPosReader.lines(EscPosReader.read(new EscPosRenderer(
                EscPosSettings.of(ReceiptPaper.MM58)).render(templates.fill(Samples.receipt()))));
        assertThat(narrow).containsSubsequence("办件编号：", "  " + Samples.CASE_NUMBER);
        List<String> wide = EscPosReader.lines(EscPosReader.read(new EscPosRenderer(
                EscPosSettings.of(ReceiptPaper.MM80)).render(templates.fill(Samples.receipt()))));
        assertThat(wide).contains("办件编号：" + Samples.CASE_NUMBER);
    }

    @Test
    void queueNumberIsPrintedDoubleSizeAndBold() {
        List<Op> ops = EscPosReader.read(new EscPosRenderer(EscPosSettings.of(ReceiptPaper.MM58))
                .render(templates.fill(Samples.queueSlip())));
        int at = ops.indexOf(new Line("A027", 2));
        assertThat(at).isPositive();
        assertThat(ops.subList(0, at)).containsSubsequence(new EscPosReader.Align(1), new EscPosReader.Bold(true),
                new EscPosReader.Magnify(2, 2));
        assertThat(ops.subList(at, ops.size())).contains(new EscPosReader.Magnify(1, 1));
    }

    @Test
    void rasterFallbackPrintsAQrCodeThatScans() throws Exception {
        EscPosSettings noNativeQr = new EscPosSettings(ReceiptPaper.MM58, false, 6);
        List<Op> ops = EscPosReader.read(new EscPosRenderer(noNativeQr).render(templates.fill(Samples.receipt())));

        assertThat(ops).noneMatch(QrFunction.class::isInstance);
        List<Raster> rasters = EscPosReader.images(ops);
        assertThat(rasters).hasSize(1);
        Raster r = rasters.get(0);
        assertThat(r.heightDots()).as("bands joined").isGreaterThan(EscPosWriter.RASTER_BAND);
        assertThat(r.widthBytes() * 8).isLessThanOrEqualTo(ReceiptPaper.MM58.dots());
        assertThat(PdfInspection.decodeQr(toImage(r))).isEqualTo(Samples.QUERY_URL);
    }

    @Test
    void certificateOnAReceiptCarriesTheSignedCodeAndTheSealAsRaster() {
        KeyPair keys = Samples.keyPair("p256");
        CertificateSigner signer = new CertificateSigner("hall-p256", keys.getPrivate());
        List<Op> ops = EscPosReader.read(new EscPosRenderer(EscPosSettings.of(ReceiptPaper.MM80))
                .render(templates.fill(Samples.certificate(signer))));

        QrFunction store = ops.stream().filter(o -> o instanceof QrFunction q && q.fn() == 80)
                .map(QrFunction.class::cast).findFirst().orElseThrow();
        String code = new String(store.params(), 1, store.params().length - 1, StandardCharsets.UTF_8);
        assertThat(new CertificateVerifier(Map.of("hall-p256", keys.getPublic())).verify(code).isValid()).isTrue();
        Raster seal = EscPosReader.images(ops).get(0);
        assertThat(seal.widthBytes()).isEqualTo(40); // 40 mm at 8 dots/mm
        int black = 0;
        for (byte b : seal.bits()) {
            black += Integer.bitCount(b & 0xFF);
        }
        assertThat(black).as("the red seal burns dots").isGreaterThan(seal.widthBytes() * 8 * 5);
    }

    @Test
    void aDocumentWithoutCutIsCutAnyway() {
        Document doc = new Document("t", "t", Medium.RECEIPT, List.of(new Block.Paragraph("请取走凭条", TextStyle.BODY)));
        List<Op> ops = EscPosReader.read(new EscPosRenderer(EscPosSettings.of(ReceiptPaper.MM80)).render(doc));
        assertThat(ops.get(ops.size() - 1)).isInstanceOf(Cut.class);
    }

    @Test
    void tableColumnsShareTheWidth() {
        assertThat(EscPosRenderer.columnWidths(List.of(1, 4, 7), 48)).containsExactly(4, 15, 27);
        assertThat(EscPosRenderer.columnWidths(List.of(1, 4, 7), 32)).containsExactly(4, 10, 16);
    }

    private static BufferedImage toImage(Raster r) {
        int w = r.widthBytes() * 8;
        // a white margin around it, as the paper around a printed code
        BufferedImage img = new BufferedImage(w + 40, r.heightDots() + 40, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                img.setRGB(x, y, 0xFFFFFF);
            }
        }
        for (int y = 0; y < r.heightDots(); y++) {
            for (int x = 0; x < w; x++) {
                boolean dot = (r.bits()[y * r.widthBytes() + x / 8] & (0x80 >> (x % 8))) != 0;
                if (dot) {
                    img.setRGB(x + 20, y + 20, 0);
                }
            }
        }
        return img;
    }
}
