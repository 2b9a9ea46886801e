package org.govkiosk.print.text;

import java.awt.Font;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Uyghur (Arabic script) lines shaped for devices that draw glyphs as they are given ({@link ScriptShaper}): the
 * Arabic-script joining and the right-to-left order, in the Uyghur font (UKIJ Tuz by default).
 */
public final class ArabicShaper extends ScriptShaper {

    /** Overrides the font file Uyghur is printed in (a TrueType font with the Uyghur letters). */
    public static final String FILE_PROPERTY = "govkiosk.print.uyghur-font";
    public static final Path DEFAULT_FILE = Path.of("/usr/share/fonts/truetype/fonts-ukij-uyghur/UKIJTuz.ttf");
    public static final String HOW_TO_FIX = "install fonts-ukij-uyghur (Debian/Ubuntu: apt-get install "
            + "fonts-ukij-uyghur) or set -D" + FILE_PROPERTY + " to a TrueType font with the Uyghur letters";

    public ArabicShaper(Font font) {
        super(font);
    }

    private ArabicShaper(Font font, Path file) {
        super(font, file);
    }

    /** The configured Uyghur font's shaper (the font parsed once per JVM). */
    public static ArabicShaper configured() throws IOException {
        return new ArabicShaper(configuredFont(FILE_PROPERTY, DEFAULT_FILE, "Uyghur", HOW_TO_FIX),
                configuredFile(FILE_PROPERTY, DEFAULT_FILE));
    }

    /** The TrueType font in {@code file}. */
    public static ArabicShaper of(Path file) throws IOException {
        return new ArabicShaper(trueType(file), file);
    }

    public static boolean isArabicScript(int codePoint) {
        return Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.ARABIC;
    }

    /** Whether {@code text} has a letter in Arabic script (it then needs shaping and the bidirectional order). */
    public static boolean containsArabicScript(String text) {
        return text.codePoints().anyMatch(ArabicShaper::isArabicScript);
    }
}
