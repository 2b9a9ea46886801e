package org.govkiosk.print.escpos;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.govkiosk.print.model.Align;
import org.govkiosk.print.model.Block;
import org.govkiosk.print.model.Document;
import org.govkiosk.print.model.TextSize;
import org.govkiosk.print.model.TextStyle;
import org.govkiosk.print.qr.QrMatrix;
import org.govkiosk.print.text.ArabicShaper;
import org.govkiosk.print.text.LineBreaker;
import org.govkiosk.print.text.ReceiptColumns;

/**
 * Renders a {@link Document} as ESC/POS bytes for a 58 or 80 mm thermal printer: GB18030 text in Chinese mode,
 * lines wrapped in character columns (a Chinese character takes two), QR codes by the printer's own command or
 * as a raster image, and a partial cut at the end.
 */
public final class EscPosRenderer {

    private final EscPosSettings settings;
    private RasterText rasterText;
    private RasterText mongolianText;

    public EscPosRenderer(EscPosSettings settings) {
        this.settings = settings;
    }

    public byte[] render(Document document) {
        EscPosWriter out = new EscPosWriter().initialize().chineseMode();
        Block last = null;
        for (Block block : document.blocks()) {
            draw(out, block);
            last = block;
        }
        if (!(last instanceof Block.Cut)) {
            // a receipt left hanging from the printer is worse than a template without an explicit cut
            out.feed(2).partialCut();
        }
        return out.toByteArray();
    }

    private void draw(EscPosWriter out, Block block) {
        int columns = settings.paper().columns();
        if (block instanceof Block.Heading h) {
            text(out, h.text(), h.style());
        } else if (block instanceof Block.Paragraph p) {
            text(out, p.text(), p.style());
        } else if (block instanceof Block.KeyValueTable kv) {
            keyValues(out, kv);
        } else if (block instanceof Block.Table t) {
            table(out, t);
        } else if (block instanceof Block.Qr q) {
            qr(out, q);
        } else if (block instanceof Block.Image i) {
            int dots = Math.min(settings.paper().dots(), Math.round(i.widthMm() * ReceiptPaper.DOTS_PER_MM));
            RasterImage r = RasterImage.of(i.image().decode(), dots);
            out.align(i.align()).raster(r.bits(), r.widthBytes(), r.heightDots()).align(Align.LEFT);
        } else if (block instanceof Block.Spacer s) {
            out.feed(Math.max(1, Math.round(s.lines())));
        } else if (block instanceof Block.Rule r) {
            out.align(Align.LEFT).text(r.dashed() ? "- ".repeat(columns / 2) : "─".repeat(columns / 2)).newline();
        } else if (block instanceof Block.Cut) {
            out.feed(2).partialCut();
        } else if (block instanceof Block.Specimen m) {
            out.align(Align.LEFT).text("*".repeat(columns)).newline();
            text(out, m.text(), new TextStyle(Align.CENTER, TextSize.LARGE, true));
            out.align(Align.LEFT).text("*".repeat(columns)).newline();
        }
    }

    private void text(EscPosWriter out, String text, TextStyle style) {
        if (org.govkiosk.print.text.MongolianShaper.containsMongolian(text)) {
            mongolian(out, text, style.size() == TextSize.LARGE ? 2 : 1, style.bold());
            return;
        }
        if (ArabicShaper.containsArabicScript(text)) {
            uyghur(out, text, style.size() == TextSize.LARGE ? 2 : 1, style.align(), style.bold());
            return;
        }
        int times = style.size() == TextSize.LARGE ? 2 : 1;
        out.align(style.align()).bold(style.bold()).magnify(times);
        for (String line : wrap(text, settings.paper().columns() / times)) {
            out.text(line).newline();
        }
        out.magnify(1).bold(false).align(Align.LEFT);
    }

    /**
     * A line with Uyghur in it, as pictures of its lines (GS v 0): the printer's fonts cannot join the letters
     * nor order the words right to left.
     */
    private void uyghur(EscPosWriter out, String text, int times, Align align, boolean bold) {
        RasterText raster = rasterText();
        int width = settings.paper().dots();
        int size = RasterText.NORMAL_DOTS * times;
        out.align(Align.LEFT);
        for (String line : raster.wrap(clean(text), width, size)) {
            RasterImage r = RasterImage.of(raster.line(line, width, size, align, bold), width);
            out.raster(r.bits(), r.widthBytes(), r.heightDots());
        }
    }

    /** The longest a column of Mongolian runs down the paper, in dots (about 50 mm at 8 dots a millimetre). */
    static final int MONGOLIAN_COLUMN_DOTS = 400;

    /**
     * Mongolian as one picture (GS v 0) of its columns: the printer's fonts have no Mongolian, and the script is
     * printed top to bottom with its columns left to right.
     */
    private void mongolian(EscPosWriter out, String text, int times, boolean bold) {
        if (mongolianText == null) {
            try {
                mongolianText = new RasterText(org.govkiosk.print.text.MongolianShaper.configured());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        int width = settings.paper().dots();
        int size = RasterText.NORMAL_DOTS * times;
        out.align(Align.LEFT);
        RasterImage r = RasterImage.of(mongolianText.columns(clean(text), width, size, Math.round(size * 1.5f),
                MONGOLIAN_COLUMN_DOTS, bold), width);
        out.raster(r.bits(), r.widthBytes(), r.heightDots());
    }

    private RasterText rasterText() {
        if (rasterText == null) {
            try {
                rasterText = new RasterText(ArabicShaper.configured());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return rasterText;
    }

    /** 办件编号：value, the value wrapped under itself so the labels stay a column of their own. */
    private void keyValues(EscPosWriter out, Block.KeyValueTable kv) {
        if (kv.entries().stream().anyMatch(e -> ArabicShaper.containsArabicScript(e.key() + e.value()))) {
            // Label and value each on lines of their own: a picture of the label, the value as text below it.
            for (Block.Entry e : kv.entries()) {
                text(out, clean(e.key()) + "：", new TextStyle(Align.RIGHT, TextSize.NORMAL, true));
                text(out, clean(e.value()), new TextStyle(Align.LEFT, TextSize.NORMAL, false));
            }
            return;
        }
        int columns = settings.paper().columns();
        int labelWidth = kv.entries().stream().mapToInt(e -> ReceiptColumns.of(clean(e.key())) + 2).max().orElse(0);
        labelWidth = Math.min(labelWidth, columns / 2);
        for (Block.Entry e : kv.entries()) {
            String label = clean(e.key()) + "：";
            int valueWidth = columns - labelWidth;
            String value = clean(e.value());
            // a case number split across two lines is misread when typed in; give it a line of its own
            boolean codeTooWide = ReceiptColumns.of(value) > valueWidth && value.length() <= columns - 2
                    && value.chars().allMatch(c -> c > 0x20 && c < 0x80);
            if (ReceiptColumns.of(label) > labelWidth || codeTooWide) {
                out.bold(true).text(label).bold(false).newline();
                for (String line : wrap(e.value(), columns - 2)) {
                    out.text("  " + line).newline();
                }
                continue;
            }
            List<String> lines = wrap(e.value(), valueWidth);
            out.bold(true).text(pad(label, labelWidth)).bold(false).text(lines.get(0)).newline();
            for (String line : lines.subList(1, lines.size())) {
                out.text(" ".repeat(labelWidth) + line).newline();
            }
        }
    }

    /** Columns in proportion to the weights, one space apart, each cell wrapped inside its column. */
    private void table(EscPosWriter out, Block.Table t) {
        int[] widths = columnWidths(t.weights(), settings.paper().columns());
        out.align(Align.LEFT).bold(true);
        row(out, widths, t.header());
        out.bold(false).text("-".repeat(settings.paper().columns())).newline();
        for (List<String> r : t.rows()) {
            row(out, widths, r);
        }
    }

    private void row(EscPosWriter out, int[] widths, List<String> cells) {
        List<List<String>> wrapped = new ArrayList<>();
        int lines = 0;
        for (int i = 0; i < widths.length; i++) {
            wrapped.add(wrap(cells.get(i), widths[i]));
            lines = Math.max(lines, wrapped.get(i).size());
        }
        for (int l = 0; l < lines; l++) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < widths.length; i++) {
                String cell = l < wrapped.get(i).size() ? wrapped.get(i).get(l) : "";
                line.append(i == widths.length - 1 ? cell : pad(cell, widths[i]) + " ");
            }
            out.text(line.toString().stripTrailing()).newline();
        }
    }

    static int[] columnWidths(List<Integer> weights, int columns) {
        int usable = columns - (weights.size() - 1);
        int total = weights.stream().mapToInt(Integer::intValue).sum();
        int[] widths = new int[weights.size()];
        int used = 0;
        for (int i = 0; i < widths.length; i++) {
            widths[i] = Math.max(4, usable * weights.get(i) / total); // 4 columns: two Chinese characters
            used += widths[i];
        }
        widths[widths.length - 1] += usable - used; // rounding goes to the last, widest-text column
        if (widths[widths.length - 1] < 4) {
            throw new IllegalArgumentException("table has too many columns for " + columns + " characters");
        }
        return widths;
    }

    private void qr(EscPosWriter out, Block.Qr q) {
        out.align(Align.CENTER);
        if (settings.nativeQr()) {
            out.qr(q.payload().getBytes(StandardCharsets.UTF_8), settings.qrModuleDots()).newline();
        } else {
            QrMatrix matrix = QrMatrix.encode(q.payload());
            int module = Math.max(1, Math.min(settings.qrModuleDots(), settings.paper().dots() / (matrix.size() + 8)));
            var image = matrix.toImage(module);
            RasterImage r = RasterImage.of(image, image.getWidth());
            out.raster(r.bits(), r.widthBytes(), r.heightDots());
        }
        if (q.caption() != null && ArabicShaper.containsArabicScript(q.caption())) {
            uyghur(out, q.caption(), 1, Align.CENTER, false);
        } else if (q.caption() != null) {
            for (String line : wrap(q.caption(), settings.paper().columns())) {
                out.text(line).newline();
            }
        }
        out.align(Align.LEFT);
    }

    private static List<String> wrap(String text, int columns) {
        return LineBreaker.wrap(clean(text), columns, ReceiptColumns::of);
    }

    /** Control characters would be taken as commands by the printer. */
    private static String clean(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (cp == '\n') {
                sb.append('\n');
            } else if (cp == '\t') {
                sb.append("  ");
            } else if (!Character.isISOControl(cp)) {
                sb.appendCodePoint(cp);
            }
        });
        return sb.toString();
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(Math.max(0, width - ReceiptColumns.of(text)));
    }
}
