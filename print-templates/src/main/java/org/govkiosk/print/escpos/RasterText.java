package org.govkiosk.print.escpos;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.util.List;
import org.govkiosk.print.model.Align;
import org.govkiosk.print.text.LineBreaker;
import org.govkiosk.print.text.ScriptShaper;

/**
 * Lines a receipt printer cannot draw itself, drawn as pictures: a thermal printer's own fonts neither join Arabic
 * letters nor order right-to-left text, so a Uyghur line is shaped ({@link org.govkiosk.print.text.ArabicShaper})
 * and drawn in dots, and sent as a raster image (GS v 0); Mongolian is shaped the same way
 * ({@link org.govkiosk.print.text.MongolianShaper}) and drawn in columns, top to bottom, left to right
 * ({@link #columns}). Chinese inside such a line is drawn in the system's CJK font.
 */
final class RasterText {

    /** The printer's own Font A is 24 dots tall: a Uyghur line of normal size matches it, and adds the descent. */
    static final int NORMAL_DOTS = 24;
    /** Room right of a right-aligned line: a letter's outline may reach past its advance. */
    static final int MARGIN_DOTS = 8;
    private static final FontRenderContext FRC = new FontRenderContext(null, false, true);
    private static final String CJK_FAMILY = "WenQuanYi Zen Hei";

    private final ScriptShaper shaper;

    RasterText(ScriptShaper shaper) {
        this.shaper = shaper;
    }

    /** {@code text} wrapped to lines of at most {@code widthDots} at {@code sizeDots}. */
    List<String> wrap(String text, int widthDots, int sizeDots) {
        return LineBreaker.wrap(text, widthDots - MARGIN_DOTS, cp -> width(new String(Character.toChars(cp)),
                sizeDots));
    }

    /** Width in dots of one line of text. */
    float width(String line, int sizeDots) {
        float w = 0;
        for (ScriptShaper.Run r : shaper.shape(line)) {
            w += r.covered() ? r.width() * sizeDots : cjkWidth(r.text(), sizeDots);
        }
        return w;
    }

    /**
     * One line as an image {@code widthDots} wide, black on white: right-aligned (where a right-to-left line
     * starts) unless {@code align} centres it.
     */
    BufferedImage line(String line, int widthDots, int sizeDots, Align align, boolean bold) {
        int height = Math.round(sizeDots * 1.5f);
        BufferedImage image = new BufferedImage(widthDots, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, widthDots, height);
            g.setColor(Color.BLACK);
            // A thermal dot is on or off: grey edges would only be thresholded away.
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_OFF);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            float w = width(line, sizeDots);
            float x = align == Align.CENTER ? (widthDots - w) / 2 : widthDots - w - MARGIN_DOTS;
            float baseline = sizeDots * 1.1f;
            for (ScriptShaper.Run r : shaper.shape(line)) {
                if (r.covered()) {
                    Font font = shaper.font(sizeDots);
                    GlyphVector gv = font.createGlyphVector(FRC, r.glyphs());
                    for (int i = 0; i < r.glyphs().length; i++) {
                        gv.setGlyphPosition(i, new Point2D.Float(r.offsets()[i] * sizeDots, 0));
                    }
                    g.drawGlyphVector(gv, x, baseline);
                    if (bold) {
                        g.drawGlyphVector(gv, x + 1, baseline);
                    }
                    x += r.width() * sizeDots;
                } else {
                    g.setFont(new Font(CJK_FAMILY, bold ? Font.BOLD : Font.PLAIN, sizeDots));
                    g.drawString(r.text(), x, baseline);
                    x += cjkWidth(r.text(), sizeDots);
                }
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    private static float cjkWidth(String text, int sizeDots) {
        return (float) new Font(CJK_FAMILY, Font.PLAIN, sizeDots).getStringBounds(text, FRC).getWidth();
    }

    /** Space between two words of a column, in ems. */
    private static final float WORD_GAP_EM = 0.3f;

    /**
     * Mongolian as a picture {@code widthDots} wide: the words top to bottom, turned 90° clockwise as the script is
     * printed, the columns left to right, each at most {@code maxColumnDots} long (a longer word gets a column of
     * its own), {@code pitchDots} apart. Black on white, its height the longest column's.
     */
    BufferedImage columns(String text, int widthDots, int sizeDots, int pitchDots, int maxColumnDots, boolean bold) {
        List<List<List<ScriptShaper.Run>>> columns = new java.util.ArrayList<>();
        List<List<ScriptShaper.Run>> column = new java.util.ArrayList<>();
        float used = 0;
        float longest = 0;
        for (String word : text.strip().split(" +")) {
            List<ScriptShaper.Run> runs = shaper.shape(word);
            float len = 0;
            for (ScriptShaper.Run r : runs) {
                len += r.covered() ? r.width() * sizeDots : cjkWidth(r.text(), sizeDots);
            }
            float gap = column.isEmpty() ? 0 : WORD_GAP_EM * sizeDots;
            if (!column.isEmpty() && used + gap + len > maxColumnDots) {
                columns.add(column);
                column = new java.util.ArrayList<>();
                used = len;
            } else {
                used += gap + len;
            }
            column.add(runs);
            longest = Math.max(longest, used);
        }
        if (!column.isEmpty()) {
            columns.add(column);
        }
        int height = Math.max(1, Math.round(longest) + MARGIN_DOTS);
        BufferedImage image = new BufferedImage(widthDots, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, widthDots, height);
            g.setColor(Color.BLACK);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_OFF);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            for (int c = 0; c < columns.size(); c++) {
                // Turned a quarter clockwise about the column's baseline: the letters' tops face right.
                java.awt.geom.AffineTransform saved = g.getTransform();
                g.translate(MARGIN_DOTS + c * pitchDots + pitchDots * 0.3, 0);
                g.rotate(Math.PI / 2);
                float u = 0;
                for (List<ScriptShaper.Run> word : columns.get(c)) {
                    for (ScriptShaper.Run r : word) {
                        u = draw(g, r, u, 0, sizeDots, bold);
                    }
                    u += WORD_GAP_EM * sizeDots;
                }
                g.setTransform(saved);
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    /** One run with its baseline start at ({@code x}, {@code baseline}); returns the x after it. */
    private float draw(Graphics2D g, ScriptShaper.Run r, float x, float baseline, int sizeDots, boolean bold) {
        if (r.covered()) {
            GlyphVector gv = shaper.font(sizeDots).createGlyphVector(FRC, r.glyphs());
            for (int i = 0; i < r.glyphs().length; i++) {
                gv.setGlyphPosition(i, new Point2D.Float(r.offsets()[i] * sizeDots, 0));
            }
            g.drawGlyphVector(gv, x, baseline);
            if (bold) {
                g.drawGlyphVector(gv, x, baseline + 1);
            }
            return x + r.width() * sizeDots;
        }
        g.setFont(new Font(CJK_FAMILY, bold ? Font.BOLD : Font.PLAIN, sizeDots));
        g.drawString(r.text(), x, baseline);
        return x + cjkWidth(r.text(), sizeDots);
    }
}
