package org.govkiosk.print.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.govkiosk.print.text.ArabicShaper;
import org.govkiosk.print.text.MongolianShaper;
import org.govkiosk.print.text.ScriptShaper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A font whose lines must be shaped before PDFBox draws them, with its shaper: the Uyghur font (Debian:
 * fonts-ukij-uyghur, UKIJ Tuz) and the Mongolian one (fonts-noto-core, Noto Sans Mongolian). Loaded the first time
 * a paper has a line in that script; a paper without one never needs it. Embedded whole (UKIJ Tuz is about 160 KB,
 * Noto Sans Mongolian 290 KB): the forms the shaper picks are reached through the font's GSUB table, not its
 * character map, and a subset made from the characters would leave them out.
 */
final class ShapingFont {

    private static final Logger LOG = LoggerFactory.getLogger(ShapingFont.class);
    private static final Map<Path, ShapingFont> SHARED = new ConcurrentHashMap<>();

    private final Path file;
    private final ScriptShaper shaper;

    private ShapingFont(Path file, ScriptShaper shaper) {
        this.file = file;
        this.shaper = shaper;
    }

    /** The configured Uyghur font, parsed once per JVM. */
    static ShapingFont uyghur() {
        Path file = Paths.get(System.getProperty(ArabicShaper.FILE_PROPERTY, ArabicShaper.DEFAULT_FILE.toString()));
        return SHARED.computeIfAbsent(file, f -> open(f, "Uyghur", ArabicShaper::configured));
    }

    /** The configured Mongolian font, parsed once per JVM. */
    static ShapingFont mongolian() {
        Path file = Paths.get(System.getProperty(MongolianShaper.FILE_PROPERTY,
                MongolianShaper.DEFAULT_FILE.toString()));
        return SHARED.computeIfAbsent(file, f -> open(f, "Mongolian", MongolianShaper::configured));
    }

    private interface Loader {
        ScriptShaper load() throws IOException;
    }

    private static ShapingFont open(Path file, String language, Loader loader) {
        try {
            ScriptShaper shaper = loader.load();
            LOG.info("{} font {} loaded for PDF rendering", language, file);
            return new ShapingFont(file, shaper);
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new FontNotFoundException(e, "cannot read the " + language + " font " + file + ": "
                    + e.getMessage());
        }
    }

    Path file() {
        return file;
    }

    ScriptShaper shaper() {
        return shaper;
    }

    /** The whole font embedded in {@code doc}: glyph ids in the page content are the font's own. */
    PDType0Font embedIn(PDDocument doc) {
        try (InputStream in = Files.newInputStream(file)) {
            return PDType0Font.load(doc, in, false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot embed font " + file, e);
        }
    }
}
