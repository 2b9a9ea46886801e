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
 * Uyghur (Arabic script) lines made ready for devices that draw glyphs as they are given: PDFBox and receipt
 * printers neither join Arabic letters nor reorder right-to-left text. A line is split into the runs of the Unicode
 * bidirectional algorithm (java.text.Bidi, paragraph direction from its first strong letter, right to left if none),
 * put in visual order, and each run the font covers is shaped by the JDK's OpenType layout (HarfBuzz inside
 * OpenJDK): joining forms, ligatures and mirrored brackets as the font's GSUB/GPOS tables say. Text the font lacks
 * (Chinese inside a Uyghur sentence) comes back as an unshaped run for another font.
 */
public final class ArabicShaper {

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

    /** Overrides the font file Uyghur is printed in (a TrueType font with the Uyghur letters). */
    public static final String FILE_PROPERTY = "govkiosk.print.uyghur-font";
    public static final Path DEFAULT_FILE = Path.of("/usr/share/fonts/truetype/fonts-ukij-uyghur/UKIJTuz.ttf");
    public static final String HOW_TO_FIX = "install fonts-ukij-uyghur (Debian/Ubuntu: apt-get install "
            + "fonts-ukij-uyghur) or set -D" + FILE_PROPERTY + " to a TrueType font with the Uyghur letters";
    private static final java.util.Map<Path, ArabicShaper> SHARED = new java.util.concurrent.ConcurrentHashMap<>();

    private final Font font;
    private final Path file;

    public ArabicShaper(Font font) {
        this(font, null);
    }

    private ArabicShaper(Font font, Path file) {
        this.font = font.deriveFont(EM);
        this.file = file;
    }

    /** The configured Uyghur font's shaper, parsed once per JVM. */
    public static ArabicShaper configured() throws IOException {
        Path file = Path.of(System.getProperty(FILE_PROPERTY, DEFAULT_FILE.toString()));
        ArabicShaper shaper = SHARED.get(file);
        if (shaper == null) {
            if (!java.nio.file.Files.isReadable(file)) {
                throw new java.io.FileNotFoundException("no font for Uyghur text at " + file + "; " + HOW_TO_FIX);
            }
            shaper = SHARED.computeIfAbsent(file, f -> {
                try {
                    return of(f);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
        return shaper;
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
    public static ArabicShaper of(Path file) throws IOException {
        try {
            return new ArabicShaper(Font.createFont(Font.TRUETYPE_FONT, file.toFile()), file);
        } catch (FontFormatException e) {
            throw new IOException(file + ": not a TrueType font: " + e.getMessage(), e);
        }
    }

    public static boolean isArabicScript(int codePoint) {
        return Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.ARABIC;
    }

    /** Whether {@code text} has a letter in Arabic script (it then needs shaping and the bidirectional order). */
    public static boolean containsArabicScript(String text) {
        return text.codePoints().anyMatch(ArabicShaper::isArabicScript);
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
                parts.add(part[2] == 1 ? shaped(logical.substring(part[0], part[1]), rtl)
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
            // Uyghur run): they follow the coverage of what came before.
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

    private Run shaped(String text, boolean rtl) {
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
