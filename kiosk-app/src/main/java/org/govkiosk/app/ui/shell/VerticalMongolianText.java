package org.govkiosk.app.ui.shell;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.awt.font.LineMetrics;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import org.govkiosk.print.text.MongolianShaper;
import org.govkiosk.print.text.ScriptShaper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Mongolian in the traditional script as it is written: top to bottom, the columns left to right, beside the
 * Chinese of a bilingual control.
 *
 * <p>JavaFX can do neither part. It has no vertical text; and JavaFX 21 does not shape Mongolian: its text layout
 * does not count the Mongolian block as complex, so a word is drawn letter by letter in the isolated forms of the
 * character map, unreadable. (A complex character beside it sends a word through Pango and HarfBuzz, which then do
 * pick the right forms, but JavaFX draws every character HarfBuzz hides, the vowel separator U+180E among them,
 * as the font's .notdef box; VerticalMongolianTextUiTest shows both.) So each word is shaped by the JDK's OpenType
 * layout ({@link MongolianShaper}, HarfBuzz inside the JDK, the same as the papers: joining forms, the free
 * variation selectors, the vowel separator and the suffixes after U+202F, glyph for glyph as {@code hb-shape}),
 * drawn turned 90° clockwise (as the script's glyphs are designed to be turned) into a picture at the control's
 * font size and text colour, and this region lays the pictures out: a column takes words until the next would make
 * it longer than {@link #columnLengthProperty() the column length}, the next column stands right of it; a word
 * longer than a column gets a column of its own, and a word is never split.
 *
 * <p>Empty text takes no room: the same control serves every language and shows this only on a Mongolian screen.
 */
public final class VerticalMongolianText extends Region {

    private static final Logger LOG = LoggerFactory.getLogger(VerticalMongolianText.class);
    /** Style class of the region. */
    public static final String STYLE_CLASS = "mongolian-vertical";
    /** Space between two words of a column and between two columns, in ems. */
    private static final double WORD_GAP_EM = 0.3;
    private static final double COLUMN_GAP_EM = 0.25;
    private static final FontRenderContext FRC = new FontRenderContext(null, true, true);
    private static volatile ScriptShaper shaper;
    private static volatile boolean fontMissingLogged;

    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final DoubleProperty columnLength = new SimpleDoubleProperty(this, "columnLength", 8);
    private final DoubleProperty fontSize = new SimpleDoubleProperty(this, "fontSize", 20);
    private final ObjectProperty<Paint> fill = new SimpleObjectProperty<>(this, "fill", Color.BLACK);
    private final List<String> words = new ArrayList<>();
    private final List<ImageView> pictures = new ArrayList<>();

    public VerticalMongolianText() {
        getStyleClass().add(STYLE_CLASS);
        text.addListener((obs, was, now) -> rebuild());
        fontSize.addListener((obs, was, now) -> rebuild());
        fill.addListener((obs, was, now) -> rebuild());
        columnLength.addListener((obs, was, now) -> requestLayout());
        setMinSize(USE_PREF_SIZE, USE_PREF_SIZE);
        setMaxSize(USE_PREF_SIZE, USE_PREF_SIZE);
        rebuild();
    }

    public VerticalMongolianText(String text) {
        this();
        setText(text);
    }

    public StringProperty textProperty() {
        return text;
    }

    public String getText() {
        return text.get();
    }

    public void setText(String value) {
        text.set(value == null ? "" : value);
    }

    /** The longest a column may be, in ems (8 by default). */
    public DoubleProperty columnLengthProperty() {
        return columnLength;
    }

    /** The size of the letters in pixels (bound to the font size of the control the text stands in). */
    public DoubleProperty fontSizeProperty() {
        return fontSize;
    }

    /** The letters' colour (bound to the text fill of the control the text stands in). */
    public ObjectProperty<Paint> fillProperty() {
        return fill;
    }

    /** The words as drawn, one picture each, in reading order (for tests and the screen check). */
    public List<ImageView> pictures() {
        return List.copyOf(pictures);
    }

    /** The words, in reading order. */
    public List<String> words() {
        return List.copyOf(words);
    }

    /** The shaper of the terminal's Mongolian font, once per JVM; empty (and said once) where it is missing. */
    static java.util.Optional<ScriptShaper> shaper() {
        if (shaper == null) {
            try {
                shaper = MongolianShaper.configured();
            } catch (IOException | RuntimeException e) {
                if (!fontMissingLogged) {
                    fontMissingLogged = true;
                    LOG.warn("Mongolian cannot be shown vertically: {}", e.getMessage());
                }
                return java.util.Optional.empty();
            }
        }
        return java.util.Optional.of(shaper);
    }

    private void rebuild() {
        getChildren().clear();
        words.clear();
        pictures.clear();
        String value = text.get();
        if (value != null && !value.isBlank()) {
            java.util.Optional<ScriptShaper> s = shaper();
            for (String w : value.strip().split(" +")) {
                words.add(w);
                ImageView view = new ImageView(s.map(sh -> picture(sh, w, fontSize.get(), fill.get())).orElse(null));
                view.setManaged(false);
                pictures.add(view);
            }
        }
        getChildren().addAll(pictures);
        setVisible(!pictures.isEmpty());
        setManaged(!pictures.isEmpty());
        requestLayout();
    }

    /**
     * {@code word} shaped and drawn turned a quarter clockwise: the picture is as wide as a line is high, and as tall
     * as the word is long. The baseline runs down the picture, the letters' tops face right.
     */
    static WritableImage picture(ScriptShaper shaper, String word, double size, Paint fill) {
        java.awt.Font font = shaper.font((float) size);
        java.awt.Font other = new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, (int) Math.round(size));
        LineMetrics lm = font.getLineMetrics(word, FRC);
        List<ScriptShaper.Run> runs = shaper.shape(word);
        double length = 0;
        for (ScriptShaper.Run r : runs) {
            length += r.covered() ? r.width() * size : other.getStringBounds(r.text(), FRC).getWidth();
        }
        int w = (int) Math.ceil(lm.getAscent() + lm.getDescent());
        int h = Math.max(1, (int) Math.ceil(length));
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.setColor(awt(fill));
            g.translate(lm.getDescent(), 0);
            g.rotate(Math.PI / 2);
            float x = 0;
            for (ScriptShaper.Run r : runs) {
                if (r.covered()) {
                    GlyphVector gv = font.createGlyphVector(FRC, r.glyphs());
                    for (int i = 0; i < r.glyphs().length; i++) {
                        gv.setGlyphPosition(i, new Point2D.Float((float) (r.offsets()[i] * size), 0));
                    }
                    g.drawGlyphVector(gv, x, 0);
                    x += (float) (r.width() * size);
                } else {
                    g.setFont(other);
                    g.drawString(r.text(), x, 0);
                    x += (float) other.getStringBounds(r.text(), FRC).getWidth();
                }
            }
        } finally {
            g.dispose();
        }
        int[] argb = image.getRGB(0, 0, w, h, null, 0, w);
        WritableImage out = new WritableImage(w, h);
        out.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        return out;
    }

    private static java.awt.Color awt(Paint paint) {
        Color c = paint instanceof Color color ? color : Color.BLACK;
        return new java.awt.Color((float) c.getRed(), (float) c.getGreen(), (float) c.getBlue(),
                (float) c.getOpacity());
    }

    private double em() {
        return fontSize.get();
    }

    private static double width(ImageView v) {
        return v.getImage() == null ? 0 : v.getImage().getWidth();
    }

    private static double length(ImageView v) {
        return v.getImage() == null ? 0 : v.getImage().getHeight();
    }

    /** Columns of words: each an index range into {@link #pictures}. */
    private List<int[]> columns() {
        List<int[]> cols = new ArrayList<>();
        double limit = columnLength.get() * em();
        int start = 0;
        double used = 0;
        for (int i = 0; i < pictures.size(); i++) {
            double len = length(pictures.get(i));
            double gap = i == start ? 0 : WORD_GAP_EM * em();
            if (i > start && used + gap + len > limit) {
                cols.add(new int[] {start, i});
                start = i;
                used = len;
            } else {
                used += gap + len;
            }
        }
        if (start < pictures.size()) {
            cols.add(new int[] {start, pictures.size()});
        }
        return cols;
    }

    private double columnWidth(int[] col) {
        double w = 0;
        for (int i = col[0]; i < col[1]; i++) {
            w = Math.max(w, width(pictures.get(i)));
        }
        return w;
    }

    private double columnHeight(int[] col) {
        double h = 0;
        for (int i = col[0]; i < col[1]; i++) {
            h += (i == col[0] ? 0 : WORD_GAP_EM * em()) + length(pictures.get(i));
        }
        return h;
    }

    @Override
    protected double computePrefWidth(double height) {
        List<int[]> cols = columns();
        double w = 0;
        for (int[] c : cols) {
            w += columnWidth(c);
        }
        w += Math.max(0, cols.size() - 1) * COLUMN_GAP_EM * em();
        return snapSizeX(w + snappedLeftInset() + snappedRightInset());
    }

    @Override
    protected double computePrefHeight(double width) {
        double h = 0;
        for (int[] c : columns()) {
            h = Math.max(h, columnHeight(c));
        }
        return snapSizeY(h + snappedTopInset() + snappedBottomInset());
    }

    @Override
    protected double computeMinWidth(double height) {
        return computePrefWidth(height);
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }

    @Override
    protected void layoutChildren() {
        double x = snappedLeftInset();
        for (int[] c : columns()) {
            double cw = columnWidth(c);
            double y = snappedTopInset();
            for (int i = c[0]; i < c[1]; i++) {
                ImageView v = pictures.get(i);
                if (i > c[0]) {
                    y += WORD_GAP_EM * em();
                }
                v.relocate(snapPositionX(x + (cw - width(v)) / 2), snapPositionY(y));
                y += length(v);
            }
            x += cw + COLUMN_GAP_EM * em();
        }
    }
}
