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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The font Uyghur lines are printed in (Debian: fonts-ukij-uyghur, UKIJ Tuz), with its shaper. Loaded the first
 * time a paper has a line in Arabic script; a paper without one never needs it. Embedded whole (it is about 160 KB):
 * the joining forms the shaper picks are reached through the font's GSUB table, not its character map, and a subset
 * made from the characters would leave them out.
 */
final class ArabicScriptFont {

    static final String FILE_PROPERTY = ArabicShaper.FILE_PROPERTY;
    static final Path DEFAULT_FILE = ArabicShaper.DEFAULT_FILE;
    static final String HOW_TO_FIX = ArabicShaper.HOW_TO_FIX;

    private static final Logger LOG = LoggerFactory.getLogger(ArabicScriptFont.class);
    private static final Map<Path, ArabicScriptFont> SHARED = new ConcurrentHashMap<>();

    private final Path file;
    private final ArabicShaper shaper;

    private ArabicScriptFont(Path file, ArabicShaper shaper) {
        this.file = file;
        this.shaper = shaper;
    }

    /** The configured font, parsed once per JVM. */
    static ArabicScriptFont shared() {
        Path file = Paths.get(System.getProperty(FILE_PROPERTY, DEFAULT_FILE.toString()));
        return SHARED.computeIfAbsent(file, ArabicScriptFont::open);
    }

    private static ArabicScriptFont open(Path file) {
        try {
            ArabicShaper shaper = ArabicShaper.configured();
            LOG.info("Uyghur font {} loaded for PDF rendering", file);
            return new ArabicScriptFont(file, shaper);
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new FontNotFoundException(e, "cannot read the Uyghur font " + file + ": " + e.getMessage());
        }
    }

    Path file() {
        return file;
    }

    ArabicShaper shaper() {
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
