package org.govkiosk.print.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNumber;
import org.apache.pdfbox.pdfparser.PDFStreamParser;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.govkiosk.print.PdfInspection;
import org.govkiosk.print.Samples;
import org.govkiosk.print.model.Document;
import org.govkiosk.print.template.TemplateRepository;
import org.govkiosk.print.text.MongolianShaper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The acceptance receipt in Mongolian and Chinese (src/test/resources/templates-mn): Mongolian has no presentation
 * forms and PDFBox does not shape, so every Mongolian word is drawn as the glyphs the shaper chose (MongolianShaper,
 * the JDK's OpenType layout), turned 90° clockwise in columns. Each word drawn is compared, glyph for glyph, with
 * what HarfBuzz's hb-shape makes of it in the same font file: positional forms, FVS1 (ᠮᠠᠲ᠋ᠸᠷᠢᠶᠠᠯ, ᠳ᠋ᠤᠭᠠᠷ), the
 * vowel separator (ᠬᠤᠭᠤᠴᠠᠭ᠎ᠠ) and a suffix after U+202F (ᠲᠠᠨ\u202Fᠤ).
 */
class MongolianPdfShapingTest {

    private static final Path FONT = MongolianShaper.DEFAULT_FILE;
    private static byte[] pdf;

    @BeforeAll
    static void render(@TempDir Path dir) throws IOException {
        assertThat(FONT).as("the Mongolian font: " + MongolianShaper.HOW_TO_FIX).isReadable();
        Path templates = dir.resolve("templates");
        Files.createDirectories(templates);
        try (Stream<Path> shipped = Files.list(Samples.templatesDir())) {
            for (Path f : shipped.toList()) {
                Files.copy(f, templates.resolve(f.getFileName()));
            }
        }
        Files.copy(Path.of("src/test/resources/templates-mn/acceptance-receipt.yaml"),
                templates.resolve("acceptance-receipt.yaml"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Document doc = TemplateRepository.load(templates).fill(Samples.receipt());
        pdf = new PdfRenderer(Samples.font()).render(doc);
        Path out = Path.of("target", "mongolian-receipt.pdf");
        Files.createDirectories(out.getParent());
        Files.write(out, pdf);
    }

    @Test
    void everyMongolianWordIsDrawnWithTheGlyphsHarfBuzzChooses() throws Exception {
        List<UyghurPdfShapingTest.Drawn> drawn = UyghurPdfShapingTest.drawnRuns(pdf);
        assertThat(drawn).extracting(UyghurPdfShapingTest.Drawn::text)
                .contains("ᠬᠦᠯᠢᠶᠡᠨ", "ᠲᠠᠰᠤᠯᠪᠤᠷᠢ", "ᠮᠠᠲ᠋ᠸᠷᠢᠶᠠᠯ", "ᠳ᠋ᠤᠭᠠᠷ", "ᠬᠤᠭᠤᠴᠠᠭ᠎ᠠ", "ᠲᠠᠨ\u202Fᠤ");
        int checked = 0;
        for (UyghurPdfShapingTest.Drawn d : drawn) {
            if (!MongolianShaper.containsMongolian(d.text())) {
                continue;
            }
            assertThat(d.glyphs()).as("glyphs of \"%s\"", d.text()).isEqualTo(hbShape(d.text())).doesNotContain(0);
            checked++;
        }
        assertThat(checked).as("Mongolian words compared with hb-shape").isGreaterThanOrEqualTo(15);
    }

    /** The comparison can fail: each letter alone (its isolated form, the selector as a glyph) is not HarfBuzz's. */
    @Test
    void lettersDrawnAloneDoNotMatch() throws Exception {
        MongolianShaper shaper = MongolianShaper.of(FONT);
        for (String word : List.of("ᠮᠣᠩᠭᠣᠯ", "ᠮᠠᠲ᠋ᠸᠷᠢᠶᠠᠯ")) {
            List<Integer> alone = new ArrayList<>();
            word.codePoints().forEach(cp -> {
                for (int g : shaper.shape(new String(Character.toChars(cp))).get(0).glyphs()) {
                    alone.add(g);
                }
            });
            assertThat(alone).as(word).isNotEqualTo(hbShape(word));
            assertThat(shaper.shape(word).get(0).glyphs()).as(word).isEqualTo(
                    hbShape(word).stream().mapToInt(Integer::intValue).toArray());
        }
        // FVS1 asks for the second form of ᠠ: a different glyph than without it.
        assertThat(hbShape("ᠠ᠋")).isNotEqualTo(hbShape("ᠠ"));
        assertThat(shaper.shape("ᠠ᠋").get(0).glyphs()).containsExactly(
                hbShape("ᠠ᠋").stream().mapToInt(Integer::intValue).toArray());
    }

    /** Every Mongolian word is turned a quarter clockwise (its text runs down the page), the Chinese is not. */
    @Test
    void mongolianRunsDownThePageInColumnsLeftToRight() throws IOException {
        List<float[]> turned = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDPage page = doc.getPage(0);
            PDFStreamParser parser = new PDFStreamParser(page);
            List<Object> operands = new ArrayList<>();
            for (Object token = parser.parseNextToken(); token != null; token = parser.parseNextToken()) {
                if (token instanceof Operator op) {
                    if (op.getName().equals("cm") && operands.size() == 6) {
                        float[] m = new float[6];
                        for (int i = 0; i < 6; i++) {
                            m[i] = ((COSNumber) operands.get(i)).floatValue();
                        }
                        if (m[0] == 0 && m[1] == -1 && m[2] == 1 && m[3] == 0) {
                            turned.add(m);
                        }
                    }
                    operands.clear();
                } else {
                    operands.add(token);
                }
            }
        }
        assertThat(turned).as("words drawn turned 90° clockwise").hasSizeGreaterThanOrEqualTo(15);
        // Within a column the words go down; a new column starts right of the last, back at the top.
        boolean newColumn = false;
        for (int i = 1; i < turned.size(); i++) {
            float[] a = turned.get(i - 1);
            float[] b = turned.get(i);
            if (b[4] > a[4] + 1) {
                assertThat(b[5]).isGreaterThan(a[5]);
                newColumn = true;
            } else if (Math.abs(b[4] - a[4]) < 0.01) {
                assertThat(b[5]).as("down the column").isLessThan(a[5]);
            }
        }
        assertThat(newColumn).as("the long text takes more than one column").isTrue();
    }

    @Test
    void theMongolianFontIsEmbeddedWholeAndTheChineseStaysExtractable(@TempDir Path tmp) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDPage page = doc.getPage(0);
            List<String> fonts = new ArrayList<>();
            for (COSName name : page.getResources().getXObjectNames()) {
                if (page.getResources().getXObject(name) instanceof PDFormXObject form) {
                    for (COSName f : form.getResources().getFontNames()) {
                        fonts.add(form.getResources().getFont(f).getName());
                        assertThat(form.getResources().getFont(f).isEmbedded()).isTrue();
                    }
                }
            }
            assertThat(fonts).isNotEmpty().allMatch(n -> n.equals("NotoSansMongolian-Regular"));
        }
        String text = PdfInspection.pdftotext(pdf, tmp);
        assertThat(text).as("pdftotext of the receipt").isNotNull().contains("受理回执").contains(Samples.CASE_NUMBER);
    }

    /** HarfBuzz's glyph ids for {@code text} in the Mongolian font, left to right. */
    static List<Integer> hbShape(String text) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("hb-shape", "--no-glyph-names", "--no-positions", "--no-clusters",
                "--direction=ltr", FONT.toString(), text).redirectErrorStream(true).start();
        String answer = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("hb-shape finished").isTrue();
        assertThat(p.exitValue()).as("hb-shape (apt-get install libharfbuzz-bin): %s", answer).isZero();
        assertThat(answer).startsWith("[").endsWith("]");
        return Arrays.stream(answer.substring(1, answer.length() - 1).split("\\|")).map(Integer::valueOf).toList();
    }
}
