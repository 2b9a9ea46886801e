package org.govkiosk.app.ui.shell;

import java.text.BreakIterator;
import java.util.Locale;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Labeled;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * Line breaks for right-to-left text that mixes scripts, made here rather than by JavaFX. JavaFX 21.0.5 (Linux,
 * PrismTextLayout) wraps a right-to-left paragraph that holds a Chinese run (a catalog text in Chinese only on a
 * Uyghur screen, "ئورنى: 示例市政务服务中心…（B区12-18号） (خەنزۇچىلا بار)") into lines up to a sixth wider than the
 * wrapping width: the start of the line, on the right, is drawn past the control's edge and cut. One line laid out
 * unwrapped is measured right, so the lines are chosen here: at the text's own break opportunities (between words,
 * and between Chinese characters, {@link BreakIterator#getLineInstance}), each as long as its measured width allows
 * in the control's font and width, and the control shows them joined by line feeds, which JavaFX then only has to
 * lay out, not wrap. Any other text (one script, or left to right) is shown as it comes.
 */
public final class RightToLeftLines {

    private RightToLeftLines() {
    }

    /**
     * Shows {@code source} in {@code labeled}, broken into lines that fit it when the text is right to left and mixes
     * in Chinese. The control fills the width its parent offers (the lines are made for that width; a control
     * sized to its longest line would never get wider again).
     */
    public static <T extends Labeled> T bind(T labeled, ObservableValue<String> source) {
        labeled.setWrapText(true);
        labeled.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        labeled.setMaxWidth(Double.MAX_VALUE);
        Runnable update = () -> labeled.setText(shown(labeled, source.getValue()));
        source.addListener((obs, was, now) -> update.run());
        labeled.widthProperty().addListener((obs, was, now) -> update.run());
        labeled.fontProperty().addListener((obs, was, now) -> update.run());
        labeled.paddingProperty().addListener((obs, was, now) -> update.run());
        labeled.labelPaddingProperty().addListener((obs, was, now) -> update.run());
        update.run();
        return labeled;
    }

    /** {@link #bind} of a text that does not change. */
    public static <T extends Labeled> T set(T labeled, String text) {
        return bind(labeled, new javafx.beans.property.ReadOnlyStringWrapper(text));
    }

    private static String shown(Labeled labeled, String text) {
        if (text == null || !mixesChineseIntoRightToLeft(text)) {
            return text;
        }
        Insets insets = labeled.getInsets();
        Insets label = labeled.getLabelPadding();
        double width = labeled.getWidth() - insets.getLeft() - insets.getRight() - label.getLeft() - label.getRight();
        if (labeled.getGraphic() != null && labeled.getGraphic().isManaged() && (labeled.getContentDisplay()
                == ContentDisplay.LEFT || labeled.getContentDisplay() == ContentDisplay.RIGHT)) {
            width -= labeled.getGraphic().getLayoutBounds().getWidth() + labeled.getGraphicTextGap();
        }
        // Before the first layout there is no width yet: the text as it comes, broken at the next.
        return width <= 0 ? text : lines(text, labeled.getFont(), Math.floor(width) - 1);
    }

    /** Whether {@code text} has right-to-left letters (Arabic script) and Chinese characters both. */
    static boolean mixesChineseIntoRightToLeft(String text) {
        boolean rtl = false;
        boolean han = false;
        for (int i = 0; i < text.length() && !(rtl && han); ) {
            int cp = text.codePointAt(i);
            byte d = Character.getDirectionality(cp);
            rtl |= d == Character.DIRECTIONALITY_RIGHT_TO_LEFT || d == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC;
            han |= Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN;
            i += Character.charCount(cp);
        }
        return rtl && han;
    }

    /**
     * {@code text} with a line feed at the last break opportunity before each point where a line, measured
     * unwrapped in {@code font}, would be wider than {@code width}; its own line feeds kept. A piece with no break
     * opportunity that is wider than {@code width} on its own stays one line.
     */
    static String lines(String text, Font font, double width) {
        Text probe = new Text();
        probe.setFont(font);
        StringBuilder out = new StringBuilder(text.length() + 8);
        String[] paragraphs = text.split("\n", -1);
        for (int p = 0; p < paragraphs.length; p++) {
            if (p > 0) {
                out.append('\n');
            }
            String para = paragraphs[p];
            BreakIterator breaks = BreakIterator.getLineInstance(Locale.ROOT);
            breaks.setText(para);
            int lineStart = 0;
            int previous = 0;
            for (int at = breaks.next(); at != BreakIterator.DONE; at = breaks.next()) {
                if (insideNumber(para, at)) {
                    continue;
                }
                if (previous > lineStart && width(probe, para.substring(lineStart, at)) > width) {
                    out.append(para, lineStart, previous);
                    out.setLength(trimmed(out));
                    out.append('\n');
                    lineStart = previous;
                }
                previous = at;
            }
            out.append(para, lineStart, para.length());
        }
        return out.toString();
    }

    /** A break the JDK's rules allow inside a time, date or range (13:|30, 2025-|03-01): not taken. */
    private static boolean insideNumber(String text, int at) {
        return at >= 2 && at < text.length() && Character.isDigit(text.charAt(at))
                && ":.-/".indexOf(text.charAt(at - 1)) >= 0 && Character.isDigit(text.charAt(at - 2));
    }

    private static double width(Text probe, String line) {
        probe.setText(line.stripTrailing());
        return probe.getLayoutBounds().getWidth();
    }

    /** The length of {@code out} without the spaces at its end (a line's last space is not drawn). */
    private static int trimmed(StringBuilder out) {
        int n = out.length();
        while (n > 0 && out.charAt(n - 1) != '\n' && Character.isWhitespace(out.charAt(n - 1))) {
            n--;
        }
        return n;
    }
}
