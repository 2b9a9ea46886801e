package org.govkiosk.app.ui.shell;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.geometry.Bounds;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;
import javafx.scene.text.TextBoundsType;

/**
 * Mongolian in the traditional script as it is written: top to bottom, the columns left to right. JavaFX has no
 * vertical text, so each word is a {@link Text} of its own, turned 90° clockwise, the way the script's glyphs are
 * designed to be turned; this region lays the turned words out itself, so its size is the turned one (a rotated
 * node's own layout bounds would still be the horizontal ones).
 *
 * <p>Shaping: JavaFX 21 does not count the Mongolian block as complex text (its ScriptMapper), so a plain Mongolian
 * word is drawn letter by letter in the isolated forms from the character map: unreadable. A character JavaFX does
 * count as complex sends the whole text through its complex layout (on Linux Pango, that is HarfBuzz), which then
 * picks the joining forms, honours the free variation selectors and the suffixes after U+202F, glyph for glyph as
 * {@code hb-shape} does with the same font (VerticalMongolianTextUiTest). Each word therefore ends in a zero width
 * non-joiner (U+200C): after the last letter it changes no form (that letter has nothing to join anyway), but JavaFX
 * draws it as the font's empty box (.notdef) at the word's end with no advance, so each word is clipped to its
 * advance.
 * Words are never split: a word is a shaping unit (a suffix joined by U+202F stays with its word), and a column
 * takes words until the next would make it longer than {@link #columnLengthProperty() the column length}; the next
 * column stands right of it. A word longer than a column gets a column of its own.
 *
 * <p>Empty text takes no room: the same control serves every language and shows this only on a Mongolian screen.
 */
public final class VerticalMongolianText extends Region {

    /** Style class of the region; its words carry {@link #WORD_CLASS} (kiosk.css sets the Mongolian font there). */
    public static final String STYLE_CLASS = "mongolian-vertical";
    public static final String WORD_CLASS = "mongolian-word";
    /** Space between two words of a column and between two columns, in ems of the words' font. */
    private static final double WORD_GAP_EM = 0.3;
    private static final double COLUMN_GAP_EM = 0.25;
    /** Zero width non-joiner: makes JavaFX shape the word (see above). */
    static final String SHAPE = "\u200C";

    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final DoubleProperty columnLength = new SimpleDoubleProperty(this, "columnLength", 8);
    private final ObjectProperty<Paint> fill = new SimpleObjectProperty<>(this, "fill", Color.BLACK);
    private final List<Text> words = new ArrayList<>();

    public VerticalMongolianText() {
        getStyleClass().add(STYLE_CLASS);
        text.addListener((obs, was, now) -> rebuild(now));
        columnLength.addListener((obs, was, now) -> requestLayout());
        // The words are laid out by this region; nothing inside reaches outside it.
        setMinSize(USE_PREF_SIZE, USE_PREF_SIZE);
        setMaxSize(USE_PREF_SIZE, USE_PREF_SIZE);
        rebuild("");
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

    /** The longest a column may be, in ems of the words' font (8 by default). */
    public DoubleProperty columnLengthProperty() {
        return columnLength;
    }

    /** The words' colour (bound to the text fill of the control the text stands in). */
    public ObjectProperty<Paint> fillProperty() {
        return fill;
    }

    /** The words as drawn, in reading order (for tests and the screen check). */
    public List<Text> words() {
        return List.copyOf(words);
    }

    private void rebuild(String value) {
        getChildren().clear();
        words.clear();
        for (String w : value == null ? new String[0] : value.strip().split(" +")) {
            if (w.isEmpty()) {
                continue;
            }
            Text t = new Text(w + SHAPE);
            t.getStyleClass().add(WORD_CLASS);
            t.setBoundsType(TextBoundsType.LOGICAL);
            t.setTextOrigin(javafx.geometry.VPos.TOP);
            t.fillProperty().bind(fill);
            t.setRotate(90);
            // The box JavaFX draws for the non-joiner lies past the word's advance: cut there.
            javafx.scene.shape.Rectangle clip = new javafx.scene.shape.Rectangle();
            t.layoutBoundsProperty().addListener((obs, was, b) -> clipTo(clip, b));
            clipTo(clip, t.getLayoutBounds());
            t.setClip(clip);
            t.setManaged(false);
            words.add(t);
        }
        getChildren().addAll(words);
        setVisible(!words.isEmpty());
        setManaged(!words.isEmpty());
        requestLayout();
    }

    private static void clipTo(javafx.scene.shape.Rectangle clip, Bounds b) {
        // Room above and below and before the first letter (strokes reach past the line); none after the advance.
        clip.setX(b.getMinX() - b.getHeight());
        clip.setY(b.getMinY() - b.getHeight());
        clip.setWidth(b.getWidth() + b.getHeight());
        clip.setHeight(3 * b.getHeight());
    }

    /** The words' texts as shown (each ends in {@link #SHAPE}). */
    public static String shaped(String word) {
        return word + SHAPE;
    }

    /** Columns of words: each an index range into {@link #words}. */
    private List<int[]> columns() {
        List<int[]> cols = new ArrayList<>();
        double limit = columnLength.get() * em();
        int start = 0;
        double used = 0;
        for (int i = 0; i < words.size(); i++) {
            double len = words.get(i).getLayoutBounds().getWidth();
            double gap = i == start ? 0 : WORD_GAP_EM * em();
            if (i > start && used + gap + len > limit) {
                cols.add(new int[] {start, i});
                start = i;
                used = len;
            } else {
                used += gap + len;
            }
        }
        if (start < words.size()) {
            cols.add(new int[] {start, words.size()});
        }
        return cols;
    }

    private double em() {
        return words.isEmpty() ? 20 : words.get(0).getFont().getSize();
    }

    private double columnWidth(int[] col) {
        double w = 0;
        for (int i = col[0]; i < col[1]; i++) {
            w = Math.max(w, words.get(i).getLayoutBounds().getHeight());
        }
        return w;
    }

    private double columnHeight(int[] col) {
        double h = 0;
        for (int i = col[0]; i < col[1]; i++) {
            h += (i == col[0] ? 0 : WORD_GAP_EM * em()) + words.get(i).getLayoutBounds().getWidth();
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
                Text t = words.get(i);
                Bounds b = t.getLayoutBounds();
                if (i > c[0]) {
                    y += WORD_GAP_EM * em();
                }
                // Rotation turns the word about the centre of its layout bounds: put that centre where the turned
                // word's centre belongs (its turned width is its line height, its turned height its advance).
                double cx = x + cw / 2;
                double cy = y + b.getWidth() / 2;
                t.setLayoutX(cx - (b.getMinX() + b.getWidth() / 2));
                t.setLayoutY(cy - (b.getMinY() + b.getHeight() / 2));
                y += b.getWidth();
            }
            x += cw + COLUMN_GAP_EM * em();
        }
    }
}
