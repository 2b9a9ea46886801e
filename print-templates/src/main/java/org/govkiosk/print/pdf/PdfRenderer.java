package org.govkiosk.print.pdf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.govkiosk.print.model.Align;
import org.govkiosk.print.model.Block;
import org.govkiosk.print.model.Document;
import org.govkiosk.print.model.TextSize;
import org.govkiosk.print.model.TextStyle;
import org.govkiosk.print.qr.QrMatrix;
import org.govkiosk.print.text.LineBreaker;

/**
 * Renders a {@link Document} to an A4 PDF with the CJK font embedded as a subset, so the file prints the same
 * everywhere and its text can be extracted (pdftotext, screen readers, the CUPS-PDF read-back in tests).
 */
public final class PdfRenderer {

    private final CjkFont font;
    private final PdfPageLayout layout;
    private final PdfImageCache images;

    public PdfRenderer(CjkFont font) {
        this(font, PdfPageLayout.A4_DEFAULT);
    }

    public PdfRenderer(CjkFont font, PdfPageLayout layout) {
        this(font, layout, PdfImageCache.shared());
    }

    public PdfRenderer(CjkFont font, PdfPageLayout layout, PdfImageCache images) {
        this.font = font;
        this.layout = layout;
        this.images = images;
    }

    public byte[] render(Document document) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        render(document, out);
        return out.toByteArray();
    }

    public void render(Document document, OutputStream out) {
        synchronized (font.lock()) {
            try (PDDocument pdf = new PDDocument()) {
                PDDocumentInformation info = pdf.getDocumentInformation();
                info.setTitle(document.title()); // the title only: personal data stays out of the metadata
                info.setCreator("govkiosk");
                pdf.getDocumentCatalog().setLanguage("zh-CN");
                List<PDPage> pages;
                PDType0Font embedded;
                try (PdfCanvas canvas = new PdfCanvas(pdf, font, layout)) {
                    Block previous = null;
                    for (Block block : document.blocks()) {
                        draw(canvas, block, previous);
                        previous = block;
                    }
                    pages = canvas.pages();
                    embedded = canvas.font();
                }
                numberPages(pdf, pages, embedded);
                for (Block b : document.blocks()) {
                    if (b instanceof Block.Specimen m) {
                        SpecimenMark.across(pdf, pages, embedded, m.text());
                        break;
                    }
                }
                pdf.save(out);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write PDF of " + document.templateId(), e);
            }
        }
    }

    /** The longest a column of Mongolian runs down the paper before the next column starts. */
    static final float MONGOLIAN_COLUMN_MM = 50;

    private void draw(PdfCanvas canvas, Block block, Block previous) {
        float gap = layout.bodySize() * 0.5f;
        if (block instanceof Block.Heading h) {
            text(canvas, h.text(), h.style());
            canvas.down(gap);
        } else if (block instanceof Block.Paragraph p) {
            text(canvas, p.text(), p.style());
            canvas.down(gap * 0.5f);
        } else if (block instanceof Block.KeyValueTable kv) {
            PdfGrid grid = grid(canvas);
            List<String> labels = kv.entries().stream().map(Block.Entry::key).toList();
            grid.draw(grid.keyValueColumns(labels), null,
                    kv.entries().stream().map(e -> List.of(e.key(), e.value())).toList(), true);
            canvas.down(gap);
        } else if (block instanceof Block.Table t) {
            PdfGrid grid = grid(canvas);
            grid.draw(grid.columns(t.weights()), t.header(), t.rows(), false);
            canvas.down(gap);
        } else if (block instanceof Block.Qr q) {
            qr(canvas, q);
            canvas.down(gap);
        } else if (block instanceof Block.Image i) {
            image(canvas, i, previous);
        } else if (block instanceof Block.Spacer s) {
            canvas.down(s.lines() * lineHeight(layout.bodySize()));
        } else if (block instanceof Block.Rule r) {
            canvas.ensureSpace(gap * 2);
            canvas.down(gap);
            canvas.line(canvas.left(), canvas.y(), canvas.right(), canvas.y(), 0.6f, r.dashed());
            canvas.down(gap);
        } else if (block instanceof Block.Specimen m) {
            text(canvas, m.text(), new TextStyle(Align.CENTER, TextSize.LARGE, true));
            canvas.down(gap);
        }
        // Block.Cut: a page has nothing to cut
    }

    private void text(PdfCanvas canvas, String text, TextStyle style) {
        float size = size(style.size());
        float lh = lineHeight(size);
        if (org.govkiosk.print.text.MongolianShaper.containsMongolian(text)) {
            // Traditional Mongolian is printed as it is written: top to bottom, columns left to right.
            canvas.mongolianColumns(text, size, lh, PdfPageLayout.mm(MONGOLIAN_COLUMN_MM), style.bold());
            return;
        }
        List<String> lines = LineBreaker.wrap(canvas.printable(text), canvas.width(), cp -> canvas.width(cp, size));
        for (String line : lines) {
            canvas.ensureSpace(lh);
            float w = canvas.width(line, size);
            float x = switch (style.align()) {
                case LEFT -> canvas.left();
                case CENTER -> canvas.left() + (canvas.width() - w) / 2;
                case RIGHT -> canvas.right() - w;
            };
            canvas.text(line, x, canvas.y() - lh / 2 - size * 0.35f, size, style.bold());
            canvas.down(lh);
        }
    }

    /** Drawn as vector modules: sharp at any printer resolution, and far smaller than an image. */
    private void qr(PdfCanvas canvas, Block.Qr q) {
        QrMatrix matrix = QrMatrix.encode(q.payload());
        float side = PdfPageLayout.mm(q.sizeMm());
        float module = side / matrix.size();
        float quiet = 4 * module;
        float captionSize = layout.smallSize();
        float captionHeight = q.caption() == null ? 0 : lineHeight(captionSize)
                * LineBreaker.wrap(q.caption(), canvas.width(), cp -> canvas.width(cp, captionSize)).size();
        canvas.ensureSpace(side + 2 * quiet + captionHeight);
        canvas.down(quiet);
        float x0 = canvas.left() + (canvas.width() - side) / 2;
        int n = matrix.size();
        // one rectangle per horizontal run of dark modules, in module units (row 0 at the bottom)
        List<int[]> runs = new ArrayList<>();
        for (int y = 0; y < n; y++) {
            int x = 0;
            while (x < n) {
                if (!matrix.isDark(x, y)) {
                    x++;
                    continue;
                }
                int start = x;
                while (x < n && matrix.isDark(x, y)) {
                    x++;
                }
                runs.add(new int[] {start, n - 1 - y, x - start, 1});
            }
        }
        canvas.fillCells(x0, canvas.y() - side, module, runs);
        canvas.down(side + quiet);
        if (q.caption() != null) {
            text(canvas, q.caption(), new TextStyle(Align.CENTER, TextSize.SMALL, false));
        }
    }

    private void image(PdfCanvas canvas, Block.Image block, Block previous) {
        EncodedImage encoded = images.encoded(block.image()); // keeps a seal's transparency as a soft mask
        float w = PdfPageLayout.mm(block.widthMm());
        float h = w * encoded.height() / encoded.width();
        PDImageXObject image = canvas.embed(encoded);
        if (block.overlay() && previous != null) {
            // centred on the last two lines (department and date), the way a stamp is pressed on paper
            float centerY = canvas.y() + lineHeight(layout.bodySize());
            float centerX = switch (block.align()) {
                case LEFT -> canvas.left() + w / 2;
                case CENTER -> canvas.left() + canvas.width() / 2;
                case RIGHT -> canvas.right() - PdfPageLayout.mm(22);
            };
            canvas.image(image, centerX - w / 2, centerY - h / 2, w, h);
            return;
        }
        canvas.ensureSpace(h);
        float x = switch (block.align()) {
            case LEFT -> canvas.left();
            case CENTER -> canvas.left() + (canvas.width() - w) / 2;
            case RIGHT -> canvas.right() - w;
        };
        canvas.image(image, x, canvas.y() - h, w, h);
        canvas.down(h + layout.bodySize() * 0.5f);
    }

    /** 第 1 页 共 2 页 at the foot of each page, only when there is more than one. */
    private void numberPages(PDDocument pdf, List<PDPage> pages, PDType0Font font) throws IOException {
        if (pages.size() < 2) {
            return;
        }
        float size = layout.smallSize();
        for (int i = 0; i < pages.size(); i++) {
            String text = "第 " + (i + 1) + " 页 共 " + pages.size() + " 页";
            try (PDPageContentStream s = new PDPageContentStream(pdf, pages.get(i),
                    PDPageContentStream.AppendMode.APPEND, true, true)) {
                float w = font.getStringWidth(text) / 1000 * size;
                s.beginText();
                s.setFont(font, size);
                s.newLineAtOffset((pages.get(i).getMediaBox().getWidth() - w) / 2,
                        PdfPageLayout.mm(layout.bottomMm()) / 2);
                s.showText(text);
                s.endText();
            }
        }
    }

    private PdfGrid grid(PdfCanvas canvas) {
        return new PdfGrid(canvas, layout.bodySize(), lineHeight(layout.bodySize()));
    }

    private float size(TextSize size) {
        return switch (size) {
            case SMALL -> layout.smallSize();
            case NORMAL -> layout.bodySize();
            case LARGE -> layout.largeSize();
        };
    }

    private float lineHeight(float size) {
        return size * layout.lineSpacing();
    }
}
