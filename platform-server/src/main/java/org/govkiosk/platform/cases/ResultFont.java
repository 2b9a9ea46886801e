package org.govkiosk.platform.cases;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
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
 * The TrueType CJK font the result documents embed (as a subset). A CJK font file is 10-20 MB: it is parsed once
 * per JVM and path and kept open, since FontBox reads glyphs lazily from the file; documents using it are built
 * one at a time ({@link #lock()}). PDFBox embeds TrueType (glyf) outlines only, so CFF-outline fonts (Noto/Source
 * Han CJK .otf/.otc) are refused with a message that says so.
 */
public final class ResultFont {

    /** The usual Debian TrueType CJK fonts (fonts-wqy-zenhei, fonts-wqy-microhei, fonts-arphic-uming), best first. */
    public static final List<Path> DEBIAN_FONTS = List.of(
            Path.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"),
            Path.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
            Path.of("/usr/share/fonts/truetype/arphic/uming.ttc"));

    private static final Logger LOG = LoggerFactory.getLogger(ResultFont.class);
    private static final Map<Path, ResultFont> SHARED = new ConcurrentHashMap<>();
    private static final int SUBSTITUTE = '□';

    private final Path file;
    private final TrueTypeFont ttf;
    private final String face;
    private final CmapLookup cmap;
    private final Object lock = new Object();

    private ResultFont(Path file, TrueTypeFont ttf) throws IOException {
        this.file = file;
        this.ttf = ttf;
        this.face = ttf.getName();
        this.cmap = ttf.getUnicodeCmapLookup(false);
    }

    /**
     * The configured font, which must be usable, or else the first usable of {@code candidates}; empty when none
     * is. A configured font that cannot be used is a configuration error, not a reason to fall back quietly.
     *
     * @throws IllegalArgumentException naming the {@code result-font} setting, the file and what is wrong with it
     */
    public static Optional<ResultFont> resolve(Optional<Path> configured, List<Path> candidates) {
        if (configured.isPresent()) {
            try {
                return Optional.of(open(configured.get()));
            } catch (UnusableFontException e) {
                throw new IllegalArgumentException("result-font: " + e.getMessage(), e);
            }
        }
        for (Path candidate : candidates) {
            if (!Files.isRegularFile(candidate)) {
                continue;
            }
            try {
                return Optional.of(open(candidate));
            } catch (UnusableFontException e) {
                LOG.info("result font candidate skipped: {}", e.getMessage());
            }
        }
        return Optional.empty();
    }

    /** The font in {@code file}, parsed on first use and shared for the life of the JVM. */
    static ResultFont open(Path file) {
        Path key = file.toAbsolutePath().normalize();
        return SHARED.computeIfAbsent(key, ResultFont::load);
    }

    private static ResultFont load(Path file) {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new UnusableFontException(file + " does not exist or cannot be read");
        }
        try {
            String magic = magic(file);
            TrueTypeFont ttf = switch (magic) {
                case "ttcf" -> firstUsableFace(file);
                case "OTTO" -> throw new UnusableFontException(file + " has CFF (PostScript) outlines, which"
                        + " PDFBox cannot embed; use a TrueType CJK font (.ttf/.ttc), e.g. fonts-wqy-zenhei");
                default -> {
                    TrueTypeFont single = new TTFParser().parse(new RandomAccessReadBufferedFile(file.toFile()));
                    String problem = problemWith(single);
                    if (problem != null) {
                        single.close();
                        throw new UnusableFontException(file + " " + problem);
                    }
                    yield single;
                }
            };
            ResultFont font = new ResultFont(file, ttf);
            LOG.info("result documents embed the CJK font {} ({})", font.face, file);
            return font;
        } catch (IOException | RuntimeException e) {
            if (e instanceof UnusableFontException u) {
                throw u;
            }
            throw new UnusableFontException(file + " is not a TrueType font (" + e.getMessage() + ")");
        }
    }

    /** The first face of a collection that has TrueType outlines and Chinese glyphs; the collection stays open. */
    private static TrueTypeFont firstUsableFace(Path file) throws IOException {
        @SuppressWarnings("resource") // its faces read their tables from it for as long as the font is used
        TrueTypeCollection ttc = new TrueTypeCollection(file.toFile());
        AtomicReference<TrueTypeFont> found = new AtomicReference<>();
        List<String> problems = new ArrayList<>();
        ttc.processAllFonts(face -> {
            if (found.get() == null) {
                String problem = problemWith(face);
                if (problem == null) {
                    found.set(face);
                } else {
                    problems.add(face.getName() + " " + problem);
                }
            }
        });
        if (found.get() == null) {
            ttc.close();
            throw new UnusableFontException(file + ": no face is usable: "
                    + (problems.isEmpty() ? "the collection is empty" : String.join("; ", problems)));
        }
        return found.get();
    }

    /** Null when the face can be embedded and has Chinese glyphs, else why not. */
    private static String problemWith(TrueTypeFont ttf) throws IOException {
        if (!ttf.getTableMap().containsKey("glyf")) {
            return "has CFF (PostScript) outlines, which PDFBox cannot embed; use a TrueType CJK font"
                    + " (.ttf/.ttc), e.g. fonts-wqy-zenhei";
        }
        CmapLookup cmap = ttf.getUnicodeCmapLookup(false);
        if (cmap == null || cmap.getGlyphId('证') == 0 || cmap.getGlyphId('明') == 0) {
            return "has no Chinese glyphs";
        }
        return null;
    }

    private static String magic(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] tag = in.readNBytes(4);
            return new String(tag, java.nio.charset.StandardCharsets.ISO_8859_1);
        }
    }

    public Path file() {
        return file;
    }

    public String face() {
        return face;
    }

    /** Held while a document embedding this font is built and saved: FontBox's glyph reads are not thread-safe. */
    Object lock() {
        return lock;
    }

    /** Embeds the font in {@code doc}; only the glyphs the document uses are written when it is saved. */
    PDType0Font embedIn(PDDocument doc) {
        try {
            return PDType0Font.load(doc, ttf, true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot embed font " + file, e);
        }
    }

    /**
     * The text with characters the font lacks (a rare 生僻字 in a name) shown as □, so one character does not stop
     * the document; only the code point is logged, never the text around it.
     */
    String printable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (Character.isISOControl(cp)) {
                out.append(' ');
            } else if (cmap.getGlyphId(cp) != 0) {
                out.appendCodePoint(cp);
            } else {
                LOG.warn("result font {} has no glyph for U+{}; written as a box", face,
                        Integer.toHexString(cp).toUpperCase(Locale.ROOT));
                out.appendCodePoint(cmap.getGlyphId(SUBSTITUTE) != 0 ? SUBSTITUTE : '?');
            }
        });
        return out.toString();
    }

    /** Why a font file cannot be used; the message names the file. */
    static final class UnusableFontException extends RuntimeException {
        UnusableFontException(String message) {
            super(message);
        }
    }
}
