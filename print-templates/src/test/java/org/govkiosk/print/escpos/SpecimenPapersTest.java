package org.govkiosk.print.escpos;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.List;
import org.govkiosk.print.PdfInspection;
import org.govkiosk.print.Samples;
import org.govkiosk.print.model.Block;
import org.govkiosk.print.pdf.PdfRenderer;
import org.govkiosk.print.pdf.SpecimenMark;
import org.govkiosk.print.model.Document;
import org.govkiosk.print.template.TemplateRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A training terminal's papers say 培训 / SPECIMEN where a reader looks: at both ends of a receipt, and on a page
 * across its middle as well as in its text, also on a PDF stamped after it was made (a result the platform issued).
 */
class SpecimenPapersTest {

    private static final Charset GB18030 = Charset.forName("GB18030");

    @TempDir
    Path dir;

    private final TemplateRepository templates = Samples.templates();

    @Test
    void aMarkedReceiptSaysSoAtBothEndsAndStillCuts() {
        Document receipt = templates.fill(Samples.receipt());
        Document marked = receipt.specimen();
        assertThat(marked.blocks().get(0)).isInstanceOf(Block.Specimen.class);
        assertThat(marked.blocks().stream().filter(b -> b instanceof Block.Specimen)).hasSize(2);
        assertThat(marked.specimen()).as("marking twice adds nothing").isEqualTo(marked);

        for (ReceiptPaper paper : ReceiptPaper.values()) {
            byte[] bytes = new EscPosRenderer(EscPosSettings.of(paper)).render(marked);
            List<String> lines = EscPosReader.lines(EscPosReader.read(bytes));
            String all = String.join("\n", lines);
            assertThat(all).as(paper.name()).contains("培训").contains("SPECIMEN");
            int first = indexOfLineWith(lines, "培训");
            int last = lastIndexOfLineWith(lines, "培训");
            assertThat(first).as("at the top of %s", paper).isLessThan(3);
            assertThat(last).as("and again at the end of %s", paper).isGreaterThan(lines.size() - 6);
            assertThat(EscPosReader.indexOf(bytes, "培训".getBytes(GB18030))).isPositive();
            assertThat(bytes[bytes.length - 1]).as("the cut stays last").isNotEqualTo((byte) '*');
        }
        byte[] plain = new EscPosRenderer(EscPosSettings.of(ReceiptPaper.MM80)).render(receipt);
        assertThat(EscPosReader.indexOf(plain, "培训".getBytes(GB18030))).isNegative();
    }

    @Test
    void aMarkedPageCarriesTheMarkInItsTextAndAcrossItsMiddle() throws Exception {
        PdfRenderer renderer = new PdfRenderer(Samples.font());
        byte[] plain = renderer.render(templates.fill(Samples.receipt()));
        byte[] marked = renderer.render(templates.fill(Samples.receipt()).specimen());

        assertThat(PdfInspection.text(marked)).contains("培训 SPECIMEN").contains("NOT VALID");
        assertThat(PdfInspection.text(plain)).doesNotContain("SPECIMEN");
        String poppler = PdfInspection.pdftotext(marked, dir);
        if (poppler != null) {
            assertThat(poppler).contains("培训");
        }
        // The diagonal: grey that the plain page does not have, across the page's middle band.
        assertThat(org.govkiosk.testkit.SpecimenInk.alongTheDiagonal(PdfInspection.renderPage(marked, 0, 50)))
                .isGreaterThan(org.govkiosk.testkit.SpecimenInk.alongTheDiagonal(PdfInspection.renderPage(plain, 0, 50)) + 200);
    }

    @Test
    void aPdfMadeElsewhereIsStampedOnEveryPage() throws Exception {
        PdfRenderer renderer = new PdfRenderer(Samples.font());
        byte[] issued = renderer.render(templates.fill(Samples.notification(Samples.materials())));
        byte[] stamped = SpecimenMark.stamp(issued, Samples.font(), Document.SPECIMEN_TEXT);

        assertThat(PdfInspection.pageCount(stamped)).isEqualTo(PdfInspection.pageCount(issued));
        assertThat(PdfInspection.text(stamped)).contains("一次性告知书");
        for (int page = 0; page < PdfInspection.pageCount(stamped); page++) {
            assertThat(org.govkiosk.testkit.SpecimenInk.alongTheDiagonal(PdfInspection.renderPage(stamped, page, 50)))
                    .as("page %d", page + 1)
                    .isGreaterThan(org.govkiosk.testkit.SpecimenInk.alongTheDiagonal(PdfInspection.renderPage(issued, page, 50)) + 200);
        }
    }

    private static int indexOfLineWith(List<String> lines, String text) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i;
            }
        }
        return -1;
    }

    private static int lastIndexOfLineWith(List<String> lines, String text) {
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (lines.get(i).contains(text)) {
                return i;
            }
        }
        return -1;
    }
}
