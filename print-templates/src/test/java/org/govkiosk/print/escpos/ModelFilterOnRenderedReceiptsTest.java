package org.govkiosk.print.escpos;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.util.ArrayList;
import java.util.List;
import org.govkiosk.device.internal.codec.escpos.ModelStreamFilter;
import org.govkiosk.device.internal.codec.escpos.ModelText;
import org.govkiosk.print.PdfInspection;
import org.govkiosk.print.Samples;
import org.govkiosk.print.escpos.EscPosReader.Op;
import org.govkiosk.print.model.Block;
import org.govkiosk.print.model.Document;
import org.govkiosk.print.model.TextStyle;
import org.junit.jupiter.api.Test;

/**
 * What the renderer sends, as the receipt printer driver adapts it to a model (issue 19): a GB2312 clone without
 * {@code FS &} and without {@code GS ( k} gets every line it can print unchanged, a visible □ for each character
 * outside GB2312, and the QR code as a raster image that scans to the same payload. Read back with the strict
 * reader of the renderer's tests.
 */
class ModelFilterOnRenderedReceiptsTest {

    private static final ModelText GB2312_CLONE = new ModelText(ModelText.ENCODINGS.get("GB2312"), "□", false, true,
            ReceiptPaper.MM58.dots());

    private final EscPosRenderer renderer = new EscPosRenderer(EscPosSettings.of(ReceiptPaper.MM58));

    @Test
    void anAcceptanceReceiptPrintsOnAGb2312CloneWithTheSameLinesAndAScannableCode() throws Exception {
        byte[] standard = renderer.render(Samples.templates().fill(Samples.receipt()));

        ModelStreamFilter.Result adapted = new ModelStreamFilter(GB2312_CLONE).apply(standard);
        List<Op> ops = EscPosReader.read(adapted.bytes());

        assertThat(ops).noneMatch(EscPosReader.ChineseMode.class::isInstance);
        assertThat(ops).noneMatch(EscPosReader.QrFunction.class::isInstance);
        assertThat(EscPosReader.lines(ops)).isEqualTo(inGb2312(EscPosReader.lines(EscPosReader.read(standard))));
        List<EscPosReader.Raster> images = EscPosReader.images(ops);
        assertThat(images).hasSize(1);
        assertThat(images.get(0).widthBytes() * 8).isLessThanOrEqualTo(ReceiptPaper.MM58.dots());
        assertThat(PdfInspection.decodeQr(toImage(images.get(0)))).isEqualTo(Samples.QUERY_URL);
    }

    @Test
    void aNameOutsideGb2312PrintsWithAVisibleReplacementAndIsCounted() {
        Document doc = new Document("t", "t", org.govkiosk.print.model.Medium.RECEIPT, List.of(
                new Block.Paragraph("申请人：朱镕基 𠮷祥", TextStyle.BODY)));
        byte[] standard = renderer.render(doc);

        ModelStreamFilter.Result adapted = new ModelStreamFilter(GB2312_CLONE).apply(standard);

        assertThat(adapted.replaced()).isEqualTo(2);
        assertThat(EscPosReader.lines(EscPosReader.read(adapted.bytes()))).contains("申请人：朱□基 □祥");
    }

    /** The lines as a GB2312 printer prints them: each character outside it as □. */
    private static List<String> inGb2312(List<String> lines) {
        CharsetEncoder gb2312 = Charset.forName("GB2312").newEncoder();
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            StringBuilder sb = new StringBuilder();
            line.codePoints().forEach(cp -> sb.append(gb2312.canEncode(new String(Character.toChars(cp)))
                    ? new String(Character.toChars(cp)) : "□"));
            out.add(sb.toString());
        }
        return out;
    }

    private static BufferedImage toImage(EscPosReader.Raster r) {
        int w = r.widthBytes() * 8;
        BufferedImage img = new BufferedImage(w + 40, r.heightDots() + 40, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                img.setRGB(x, y, 0xFFFFFF);
            }
        }
        for (int y = 0; y < r.heightDots(); y++) {
            for (int x = 0; x < w; x++) {
                if ((r.bits()[y * r.widthBytes() + x / 8] & (0x80 >> (x % 8))) != 0) {
                    img.setRGB(x + 20, y + 20, 0);
                }
            }
        }
        return img;
    }
}
