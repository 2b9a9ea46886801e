package org.govkiosk.print.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.govkiosk.print.PdfInspection;
import org.govkiosk.print.Samples;
import org.govkiosk.print.model.Block;
import org.govkiosk.print.model.Document;
import org.govkiosk.print.model.Medium;
import org.govkiosk.print.model.TextStyle;
import org.junit.jupiter.api.Test;

/** A long Chinese paragraph wraps inside the margins and fills its lines. */
class PdfLineWrappingTest {

    private static final String SENTENCE = "申请人应当如实向行政机关提交有关材料和反映真实情况，并对其申请材料实质内容的真实性负责。";

    @Test
    void longChineseParagraphStaysInsideTheMargins() {
        PdfPageLayout layout = PdfPageLayout.A4_DEFAULT;
        String text = SENTENCE.repeat(12);
        Document doc = new Document("wrap-test", "换行测试", Medium.A4,
                List.of(new Block.Paragraph(text, TextStyle.BODY)));

        byte[] pdf = new PdfRenderer(Samples.font(), layout).render(doc);
        List<PdfInspection.Glyph> glyphs = PdfInspection.glyphs(pdf);

        float left = PdfPageLayout.mm(layout.leftMm());
        float right = PDRectangle.A4.getWidth() - PdfPageLayout.mm(layout.rightMm());
        assertThat(glyphs).hasSizeGreaterThanOrEqualTo(text.length());
        assertThat(glyphs).allSatisfy(g -> {
            assertThat(g.x()).as("left edge of '%s'", g.text()).isGreaterThanOrEqualTo(left - 0.5f);
            assertThat(g.x() + g.width()).as("right edge of '%s'", g.text()).isLessThanOrEqualTo(right + 0.5f);
        });

        Map<Float, List<PdfInspection.Glyph>> lines = glyphs.stream().collect(
                Collectors.groupingBy(g -> (float) Math.round(g.y()), TreeMap::new, Collectors.toList()));
        // Zen Hei's Chinese glyphs and full-width punctuation are one em wide
        int perLine = (int) ((right - left) / layout.bodySize());
        int expectedLines = (text.length() + perLine - 1) / perLine;
        assertThat(lines.size()).isBetween(expectedLines, expectedLines + 3);
        List<List<PdfInspection.Glyph>> ordered = List.copyOf(lines.values());
        for (List<PdfInspection.Glyph> line : ordered.subList(0, ordered.size() - 1)) {
            float end = line.stream().map(g -> g.x() + g.width()).max(Float::compare).orElseThrow();
            assertThat(end).as("a full line reaches the right margin").isGreaterThan(right - 2.5f * layout.bodySize());
            assertThat(line.get(0).text()).isNotIn("，", "。");
        }
        String back = glyphs.stream().map(PdfInspection.Glyph::text).collect(Collectors.joining());
        assertThat(back).isEqualTo(text);
    }

    @Test
    void narrowerMarginsGiveFewerLines() {
        Document doc = new Document("wrap-test", "换行测试", Medium.A4,
                List.of(new Block.Paragraph(SENTENCE.repeat(20), TextStyle.BODY)));
        PdfPageLayout wide = new PdfPageLayout(30, 25, 15, 15, 12f, 10.5f, 20f, 1.6f);
        long normalLines = lineCount(new PdfRenderer(Samples.font()).render(doc));
        long wideLines = lineCount(new PdfRenderer(Samples.font(), wide).render(doc));
        assertThat(wideLines).isLessThan(normalLines);
    }

    private static long lineCount(byte[] pdf) {
        return PdfInspection.glyphs(pdf).stream().map(g -> Math.round(g.y())).distinct().count();
    }
}
