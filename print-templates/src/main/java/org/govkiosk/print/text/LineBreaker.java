package org.govkiosk.print.text;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntToDoubleFunction;

/**
 * Wraps text to a width the way Chinese typesetting expects: a line may break between any two Han characters,
 * Latin words and numbers (case numbers, URLs) stay whole unless longer than a line, and the basic 禁则 hold:
 * closing punctuation (，。）” ...) never starts a line, opening punctuation (（“《 ...) never ends one.
 * Widths come from the caller (font advance widths on A4, columns on a receipt printer).
 */
public final class LineBreaker {

    private static final String NO_LINE_START = "，。、；：？！）」』》〉】〕〗〙〛”’…·％,.;:?!)]}%";
    private static final String NO_LINE_END = "（「『《〈【〔〖〘〚“‘([{";

    private LineBreaker() {
    }

    /**
     * Lines of {@code text} no wider than {@code maxWidth}; explicit newlines are kept as line breaks.
     *
     * @param width the width of one code point, in the unit of {@code maxWidth}
     */
    public static List<String> wrap(String text, double maxWidth, IntToDoubleFunction width) {
        if (maxWidth <= 0) {
            throw new IllegalArgumentException("line width must be positive");
        }
        List<String> lines = new ArrayList<>();
        for (String paragraph : text.split("\r?\n", -1)) {
            wrapParagraph(paragraph, maxWidth, width, lines);
        }
        return lines;
    }

    private static void wrapParagraph(String paragraph, double maxWidth, IntToDoubleFunction width,
                                      List<String> lines) {
        StringBuilder line = new StringBuilder();
        double lineWidth = 0;
        int before = lines.size();
        for (String unit : units(paragraph)) {
            double w = width(unit, width);
            boolean space = isSpace(unit.codePointAt(0));
            if (space) {
                if (line.length() > 0) {
                    line.append(unit);
                    lineWidth += w;
                }
                continue;
            }
            if (lineWidth + w <= maxWidth + 1e-6) {
                line.append(unit);
                lineWidth += w;
                continue;
            }
            if (!line.toString().isBlank()) {
                lines.add(stripTrailing(line));
            }
            line.setLength(0);
            lineWidth = 0;
            if (w > maxWidth) {
                // one word longer than the line: split it where it must be split
                for (int i = 0; i < unit.length(); ) {
                    int cp = unit.codePointAt(i);
                    double cw = width.applyAsDouble(cp);
                    if (lineWidth + cw > maxWidth + 1e-6 && line.length() > 0) {
                        lines.add(line.toString());
                        line.setLength(0);
                        lineWidth = 0;
                    }
                    line.appendCodePoint(cp);
                    lineWidth += cw;
                    i += Character.charCount(cp);
                }
            } else {
                line.append(unit);
                lineWidth = w;
            }
        }
        if (!line.toString().isBlank() || lines.size() == before) {
            lines.add(stripTrailing(line));
        }
    }

    /** Unbreakable pieces: single Han characters, whole Latin words, spaces; punctuation glued by 禁则. */
    static List<String> units(String text) {
        List<String> raw = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (isSpace(cp) || breaksAnywhere(cp)) {
                if (word.length() > 0) {
                    raw.add(word.toString());
                    word.setLength(0);
                }
                raw.add(new String(Character.toChars(cp)));
            } else {
                word.appendCodePoint(cp);
            }
        }
        if (word.length() > 0) {
            raw.add(word.toString());
        }
        List<String> glued = new ArrayList<>();
        boolean glueNext = false;
        for (String unit : raw) {
            int first = unit.codePointAt(0);
            boolean attachToPrevious = NO_LINE_START.indexOf(first) >= 0 && !glued.isEmpty()
                    && !isSpace(glued.get(glued.size() - 1).codePointAt(0));
            if ((glueNext || attachToPrevious) && !glued.isEmpty() && !isSpace(first)) {
                glued.set(glued.size() - 1, glued.get(glued.size() - 1) + unit);
            } else {
                glued.add(unit);
            }
            int last = unit.codePointBefore(unit.length());
            glueNext = NO_LINE_END.indexOf(last) >= 0;
        }
        return glued;
    }

    /** Han, kana, hangul and full-width forms: each one is a break opportunity on both sides. */
    static boolean breaksAnywhere(int cp) {
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        if (script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL
                || script == Character.UnicodeScript.BOPOMOFO) {
            return true;
        }
        Character.UnicodeBlock block = Character.UnicodeBlock.of(cp);
        return block == Character.UnicodeBlock.CJK_SYMBOLS_AND_PUNCTUATION
                || block == Character.UnicodeBlock.HALFWIDTH_AND_FULLWIDTH_FORMS
                || block == Character.UnicodeBlock.GENERAL_PUNCTUATION
                || block == Character.UnicodeBlock.CJK_COMPATIBILITY_FORMS
                || block == Character.UnicodeBlock.ENCLOSED_CJK_LETTERS_AND_MONTHS
                || cp == '·';
    }

    private static boolean isSpace(int cp) {
        return cp == ' ' || cp == '\t';
    }

    private static double width(String unit, IntToDoubleFunction width) {
        return unit.codePoints().mapToDouble(width).sum();
    }

    private static String stripTrailing(StringBuilder line) {
        int end = line.length();
        while (end > 0 && isSpace(line.charAt(end - 1))) {
            end--;
        }
        return line.substring(0, end);
    }
}
