package org.govkiosk.print.pdf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A CJK TrueType font parsed once per JVM and embedded as a subset in each document. A CJK font is 10-20 MB;
 * parsing it for every receipt would cost a second each time. FontBox reads glyphs lazily from one shared
 * file handle, so documents using the same font are rendered one at a time ({@link #lock()}).
 */
public final class CjkFont {

    private static final Logger LOG = LoggerFactory.getLogger(CjkFont.class);
    private static final Map<FontSource, CjkFont> SHARED = new ConcurrentHashMap<>();
    private static final Map<FontLocator, CjkFont> LOCATED = new ConcurrentHashMap<>();
    private static final int SUBSTITUTE = '□';

    private final FontSource source;
    private final TrueTypeFont ttf;
    private final CmapLookup cmap;
    private final Object lock = new Object();

    private CjkFont(FontSource source, TrueTypeFont ttf) throws IOException {
        this.source = source;
        this.ttf = ttf;
        this.cmap = ttf.getUnicodeCmapLookup(false);
    }

    /**
     * The font found by {@code locator}, parsed on first use and kept for the life of the JVM; the search of
     * the font folders also runs once. A failed search is not remembered: installing a font fixes it.
     */
    public static CjkFont shared(FontLocator locator) {
        // computeIfAbsent: a second caller of the same search (the terminal's render thread and its embedded
        // platform, at start) waits for the first one's parse instead of parsing the 10-20 MB file again. A failed
        // search throws out of it and is not remembered.
        return LOCATED.computeIfAbsent(locator, CjkFont::searchAndOpen);
    }

    private static CjkFont searchAndOpen(FontLocator locator) {
        // Searched and parsed in one pass: the face the search found open is the one used.
        FontLocator.Found found = locator.open();
        CjkFont opened;
        try {
            opened = new CjkFont(found.source(), found.font());
        } catch (IOException e) {
            throw new FontNotFoundException("cannot read font " + found.source().file(), e);
        }
        CjkFont font = SHARED.computeIfAbsent(found.source(), s -> opened);
        if (font != opened) {
            found.close(); // opened by its file and face before
        } else {
            LOG.info("CJK font {} ({}) loaded for PDF rendering", found.source().faceName(), found.source().file());
        }
        return font;
    }

    public static CjkFont shared(FontSource source) {
        return SHARED.computeIfAbsent(source, CjkFont::open);
    }

    private static CjkFont open(FontSource source) {
        try {
            TrueTypeFont ttf;
            if (FontLocator.isCollection(source.file())) {
                // the collection stays open: its faces read their tables from it for as long as they are used
                @SuppressWarnings("resource")
                TrueTypeCollection ttc = new TrueTypeCollection(source.file().toFile());
                ttf = ttc.getFontByName(source.faceName());
                if (ttf == null) {
                    throw new FontNotFoundException(source.file() + " has no face " + source.faceName());
                }
            } else {
                ttf = new TTFParser().parse(new RandomAccessReadBufferedFile(source.file().toFile()));
            }
            String problem = FontLocator.problemWith(ttf);
            if (problem != null) {
                throw new FontNotFoundException(source.file() + " is not usable: " + problem);
            }
            LOG.info("CJK font {} ({}) loaded for PDF rendering", source.faceName(), source.file());
            return new CjkFont(source, ttf);
        } catch (IOException e) {
            throw new FontNotFoundException("cannot read font " + source.file(), e);
        }
    }

    public FontSource source() {
        return source;
    }

    /**
     * Held while a document using this font is built and saved: FontBox reads glyphs through one shared file
     * handle. Public for the platform's plain result layout, which draws with this font too.
     */
    public Object lock() {
        return lock;
    }

    /** Embeds the font in {@code doc}; only the glyphs the document uses are written (subset). */
    public PDType0Font embedIn(PDDocument doc) {
        try {
            return PDType0Font.load(doc, ttf, true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot embed font " + source.file(), e);
        }
    }

    boolean hasGlyph(int codePoint) {
        return cmap.getGlyphId(codePoint) != 0;
    }

    /**
     * The text with characters the font lacks (a rare 生僻字 in a name) shown as □, so one character does not
     * stop a citizen's paper; only the code point is logged, never the text around it.
     */
    public String printable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (cp == '\t') {
                out.append("  ");
            } else if (Character.isISOControl(cp)) {
                out.append(' ');
            } else if (hasGlyph(cp)) {
                out.appendCodePoint(cp);
            } else {
                LOG.warn("font {} has no glyph for U+{}; printed as a box", source.faceName(),
                        Integer.toHexString(cp).toUpperCase(java.util.Locale.ROOT));
                out.appendCodePoint(hasGlyph(SUBSTITUTE) ? SUBSTITUTE : '?');
            }
        });
        return out.toString();
    }
}
