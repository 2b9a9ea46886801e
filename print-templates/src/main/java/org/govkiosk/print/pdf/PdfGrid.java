package org.govkiosk.print.pdf;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import org.govkiosk.print.text.LineBreaker;

/**
 * Bordered tables: the key/value body of certificates and the list of missing materials. Cells wrap; a row
 * never splits across pages, and a table's header row is repeated on the next page.
 */
final class PdfGrid {

    private static final Color SHADE = new Color(0xEE, 0xEE, 0xEE);
    private static final float PAD_X = 4f;
    private static final float PAD_Y = 3f;
    private static final float BORDER = 0.6f;

    private final PdfCanvas canvas;
    private final float size;
    private final float lineHeight;

    PdfGrid(PdfCanvas canvas, float size, float lineHeight) {
        this.canvas = canvas;
        this.size = size;
        this.lineHeight = lineHeight;
    }

    /** Column widths in points for relative {@code weights} over the full text width. */
    float[] columns(List<Integer> weights) {
        int total = weights.stream().mapToInt(Integer::intValue).sum();
        float[] w = new float[weights.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = canvas.width() * weights.get(i) / total;
        }
        return w;
    }

    /** Label column as wide as the longest label (within a third of the width), value column the rest. */
    float[] keyValueColumns(List<String> labels) {
        float longest = 0;
        for (String label : labels) {
            longest = Math.max(longest, canvas.width(canvas.printable(label), size));
        }
        float key = Math.min(longest + 2 * PAD_X + 1, canvas.width() / 3);
        return new float[] {key, canvas.width() - key};
    }

    /**
     * Draws {@code rows}; {@code header} (may be null) is shaded, bold and repeated after a page break;
     * {@code shadeFirstColumn} marks label cells of a key/value table.
     */
    void draw(float[] columns, List<String> header, List<List<String>> rows, boolean shadeFirstColumn) {
        if (header != null) {
            row(columns, header, true, false);
        }
        for (List<String> r : rows) {
            List<List<String>> cells = wrap(columns, r);
            float height = height(cells);
            if (canvas.y() - height < canvas.bottom()) {
                canvas.newPage();
                if (header != null) {
                    row(columns, header, true, false);
                }
            }
            drawRow(columns, cells, height, false, shadeFirstColumn);
        }
    }

    private void row(float[] columns, List<String> cells, boolean header, boolean shadeFirst) {
        List<List<String>> wrapped = wrap(columns, cells);
        float height = height(wrapped);
        canvas.ensureSpace(height);
        drawRow(columns, wrapped, height, header, shadeFirst);
    }

    private List<List<String>> wrap(float[] columns, List<String> cells) {
        List<List<String>> out = new ArrayList<>();
        for (int i = 0; i < columns.length; i++) {
            String text = canvas.printable(cells.get(i));
            out.add(LineBreaker.wrap(text, columns[i] - 2 * PAD_X, cp -> canvas.width(cp, size)));
        }
        return out;
    }

    private float height(List<List<String>> cells) {
        int lines = cells.stream().mapToInt(List::size).max().orElse(1);
        return lines * lineHeight + 2 * PAD_Y;
    }

    private void drawRow(float[] columns, List<List<String>> cells, float height, boolean header,
                         boolean shadeFirst) {
        float top = canvas.y();
        float x = canvas.left();
        for (int i = 0; i < columns.length; i++) {
            boolean shaded = header || (shadeFirst && i == 0);
            canvas.rect(x, top - height, columns[i], height, shaded ? SHADE : null, BORDER);
            float baseline = top - PAD_Y - lineHeight / 2 - size * 0.35f;
            for (String line : cells.get(i)) {
                float lx = header ? x + (columns[i] - canvas.width(line, size)) / 2 : x + PAD_X;
                canvas.text(line, lx, baseline, size, header || (shadeFirst && i == 0));
                baseline -= lineHeight;
            }
            x += columns[i];
        }
        canvas.down(height);
    }
}
