package org.govkiosk.print.text;

import java.awt.Font;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Mongolian in the traditional script shaped for devices that draw glyphs as they are given ({@link ScriptShaper}):
 * the script has no presentation forms in Unicode, so the initial, medial and final forms, the forms the free
 * variation selectors (U+180B..U+180D, U+180F) and the vowel separator (U+180E) ask for and the suffixes after
 * U+202F exist only in the font's GSUB table, reached through the JDK's OpenType layout. Lines are shaped
 * horizontally, left to right; a vertical print turns them 90° clockwise, as the script's glyphs are designed.
 * The font is Noto Sans Mongolian by default (Debian fonts-noto-core; TrueType outlines, which PDFBox embeds).
 */
public final class MongolianShaper extends ScriptShaper {

    /** Overrides the font file Mongolian is drawn in (a TrueType font with the traditional Mongolian script). */
    public static final String FILE_PROPERTY = "govkiosk.print.mongolian-font";
    public static final Path DEFAULT_FILE = Path.of("/usr/share/fonts/truetype/noto/NotoSansMongolian-Regular.ttf");
    public static final String HOW_TO_FIX = "install fonts-noto-core (Debian/Ubuntu: apt-get install "
            + "fonts-noto-core) or set -D" + FILE_PROPERTY + " to a TrueType font with the Mongolian script";

    private MongolianShaper(Font font, Path file) {
        super(font, file);
    }

    /** The configured Mongolian font's shaper (the font parsed once per JVM). */
    public static MongolianShaper configured() throws IOException {
        return new MongolianShaper(configuredFont(FILE_PROPERTY, DEFAULT_FILE, "Mongolian", HOW_TO_FIX),
                configuredFile(FILE_PROPERTY, DEFAULT_FILE));
    }

    /** The TrueType font in {@code file}. */
    public static MongolianShaper of(Path file) throws IOException {
        return new MongolianShaper(trueType(file), file);
    }

    public static boolean isMongolian(int codePoint) {
        return Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.MONGOLIAN;
    }

    /** Whether {@code text} has a letter in the Mongolian script (it then needs shaping, and is set vertically). */
    public static boolean containsMongolian(String text) {
        return text.codePoints().anyMatch(MongolianShaper::isMongolian);
    }

    /** Whether {@code codePoint} belongs to a Mongolian word: its letters, the selectors and U+202F before a suffix. */
    public static boolean inWord(int codePoint) {
        return isMongolian(codePoint) || codePoint == 0x202F || codePoint == 0x200C || codePoint == 0x200D;
    }
}
