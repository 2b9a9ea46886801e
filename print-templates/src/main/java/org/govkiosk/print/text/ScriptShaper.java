package org.govkiosk.print.text;

import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.io.IOException;
import java.nio.file.Path;
import java.text.Bidi;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Lines in a script that needs shaping, made ready for devices that draw glyphs as they are given: PDFBox, receipt
 * printers (and JavaFX for Mongolian, which it does not shape) neither join letters nor reorder right-to-left text.
 * A line is split into the runs of the Unicode bidirectional algorithm (java.text.Bidi, paragraph direction from its
 * first strong letter, right to left if none), put in visual order, and each run the font covers is shaped by the
 * JDK's OpenType layout (HarfBuzz inside OpenJDK) in the script of its letters: joining forms, ligatures, mirrored
 * brackets, Mongolian's positional forms, free variation selectors and suffixes after U+202F, as the font's GSUB/GPOS
 * tables say. Text the font lacks (Chinese inside the sentence) comes back as an unshaped run for another font.
 * {@link ArabicShaper} (Uyghur) and {@link MongolianShaper} are this with their fonts.
 */
public class ScriptShaper {

    /** Font units per em the glyph positions are measured in: advances are per 1 pt of size after dividing. */
    private static final float EM = 1000f;
    private static final FontRenderContext FRC = new FontRenderContext(null, false, true);

    /**
     * One run in visual order (left to right on the page).
     *
     * @param text        the run's characters in logical order (for ActualText: search and copy find the words)
     * @param rightToLeft whether the run reads right to left
     * @param glyphs      the font's glyph ids, left to right; null when the font does not cover the run
     * @param offsets     each glyph's x offset from the run's start, per 1 pt of font size; null with glyphs null
     * @param width       the run's advance per 1 pt of size; 0 for an uncovered run (its own font measures it)
     */
    public record Run(String text, boolean rightToLeft, int[] glyphs, float[] offsets, float width) {
        public boolean covered() {
            return glyphs != null;
        }
    }

    private static final java.util.Map<Path, Font> FONTS = new java.util.concurrent.ConcurrentHashMap<>();

    private final Font font;
    private final Path file;

    public ScriptShaper(Font font) {
        this(font, null);
    }

    protected ScriptShaper(Font font, Path file) {
        this.font = font.deriveFont(EM);
        this.file = file;
    }

    /**
     * The TrueType font the system property {@code property} names (else {@code defaultFile}), parsed once per JVM;
     * {@code howToFix} says what to install when it is missing.
     */
    protected static Font configuredFont(String property, Path defaultFile, String language, String howToFix)
            throws IOException {
        Path file = Path.of(System.getProperty(property, defaultFile.toString()));
        Font font = FONTS.get(file);
        if (font == null) {
            if (!java.nio.file.Files.isReadable(file)) {
                throw new java.io.FileNotFoundException("no font for " + language + " text at " + file + "; "
                        + howToFix);
            }
            font = FONTS.computeIfAbsent(file, f -> {
                try {
                    return trueType(f);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
        return font;
    }

    /** The configured file {@code property} names, else {@code defaultFile}. */
    protected static Path configuredFile(String property, Path defaultFile) {
        return Path.of(System.getProperty(property, defaultFile.toString()));
    }

    /** The font file, when this shaper was made from one. */
    public java.util.Optional<Path> file() {
        return java.util.Optional.ofNullable(file);
    }

    /** The font at {@code size} pt (or pixels), for drawing the glyph ids {@link #shape} returns. */
    public Font font(float size) {
        return font.deriveFont(size);
    }

    /** The TrueType font in {@code file}. */
    protected static Font trueType(Path file) throws IOException {
        try {
            return Font.createFont(Font.TRUETYPE_FONT, file.toFile());
        } catch (FontFormatException e) {
            throw new IOException(file + ": not a TrueType font: " + e.getMessage(), e);
        }
    }

    /** A shaper of the TrueType font in {@code file}. */
    public static ScriptShaper of(Path file) throws IOException {
        return new ScriptShaper(trueType(file), file);
    }

    /** Whether the font draws {@code codePoint}. */
    public boolean covers(int codePoint) {
        return Character.isWhitespace(codePoint) || font.canDisplay(codePoint);
    }

    /** The runs of {@code logical}, in visual order, shaped where the font covers them. */
    public List<Run> shape(String logical) {
        if (logical.isEmpty()) {
            return List.of();
        }
        Bidi bidi = new Bidi(logical, Bidi.DIRECTION_DEFAULT_RIGHT_TO_LEFT);
        int count = bidi.getRunCount();
        byte[] levels = new byte[count];
        Integer[] order = new Integer[count];
        for (int i = 0; i < count; i++) {
            levels[i] = (byte) bidi.getRunLevel(i);
            order[i] = i;
        }
        Bidi.reorderVisually(levels, 0, order, 0, count);
        List<Run> runs = new ArrayList<>();
        for (Integer i : order) {
            int start = bidi.getRunStart(i);
            int limit = bidi.getRunLimit(i);
            boolean rtl = (bidi.getRunLevel(i) & 1) == 1;
            List<Run> parts = new ArrayList<>();
            for (int[] part : coverage(logical, start, limit)) {
                parts.add(part[2] == 1 ? shapeRun(logical.substring(part[0], part[1]), rtl)
                        : new Run(logical.substring(part[0], part[1]), rtl, null, null, 0));
            }
            if (rtl) {
                java.util.Collections.reverse(parts); // the first logical part stands rightmost
            }
            runs.addAll(parts);
        }
        return List.copyOf(runs);
    }

    /** Width of the covered runs of {@code logical} at {@code size} (uncovered runs are measured by their font). */
    public float coveredWidth(String logical, float size) {
        float w = 0;
        for (Run r : shape(logical)) {
            w += r.width();
        }
        return w * size;
    }

    /** The text from {@code start} to {@code limit} cut where the font's coverage changes: {start, limit, 1|0}. */
    private List<int[]> coverage(String text, int start, int limit) {
        List<int[]> parts = new ArrayList<>();
        int from = start;
        Boolean covering = null;
        for (int i = start; i < limit; ) {
            int cp = text.codePointAt(i);
            // Spaces and punctuation go with the text around them (a space between two Chinese words is not a
            // run of this font): they follow the coverage of what came before.
            boolean neutral = !Character.isLetterOrDigit(cp);
            boolean c = neutral && covering != null ? covering : covers(cp);
            if (covering != null && c != covering) {
                parts.add(new int[] {from, i, covering ? 1 : 0});
                from = i;
            }
            covering = c;
            i += Character.charCount(cp);
        }
        parts.add(new int[] {from, limit, covering != null && covering ? 1 : 0});
        return parts;
    }

    /** One run the font covers, shaped whole in the given direction. */
    public Run shapeRun(String text, boolean rtl) {
        char[] chars = text.toCharArray();
        GlyphVector gv = font.layoutGlyphVector(FRC, chars, 0, chars.length,
                rtl ? Font.LAYOUT_RIGHT_TO_LEFT : Font.LAYOUT_LEFT_TO_RIGHT);
        int n = gv.getNumGlyphs();
        Integer[] byX = new Integer[n];
        for (int i = 0; i < n; i++) {
            byX[i] = i;
        }
        Arrays.sort(byX, Comparator.comparingDouble(i -> gv.getGlyphPosition(i).getX()));
        int[] glyphs = new int[n];
        float[] offsets = new float[n];
        for (int k = 0; k < n; k++) {
            glyphs[k] = gv.getGlyphCode(byX[k]);
            offsets[k] = (float) gv.getGlyphPosition(byX[k]).getX() / EM;
        }
        float width = (float) gv.getGlyphPosition(n).getX() / EM;
        return new Run(text, rtl, glyphs, offsets, width);
    }
}
