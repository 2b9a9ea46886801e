package org.govkiosk.print.pdf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;

/**
 * Finds a CJK font PDFBox can embed: TrueType outlines (glyf), with Chinese glyphs. A configured path
 * ({@code print.font-path}) wins and must be usable; otherwise the usual system folders are searched, the
 * well-known Chinese fonts first.
 */
public final class FontLocator {

    /** Where Debian, Fedora, macOS and Windows keep fonts; the CJK folders first so the search stays short. */
    public static final List<Path> SYSTEM_DIRS = List.of(
            Path.of("/usr/share/fonts/truetype/wqy"),
            Path.of("/usr/share/fonts/wqy-zenhei"),
            Path.of("/usr/share/fonts/wqy-microhei"),
            Path.of("/usr/share/fonts/truetype/arphic"),
            Path.of("/usr/share/fonts/truetype/droid"),
            Path.of("/usr/share/fonts"),
            Path.of("/usr/local/share/fonts"),
            Path.of(System.getProperty("user.home"), ".local/share/fonts"),
            Path.of(System.getProperty("user.home"), ".fonts"),
            Path.of("/Library/Fonts"),
            Path.of("/System/Library/Fonts"),
            Path.of("C:/Windows/Fonts"));

    /** Known TrueType CJK fonts, best first (Hei faces read better on thermal and laser prints than Song). */
    private static final List<String> PREFERRED = List.of(
            "wqy-zenhei.ttc", "wqy-microhei.ttc", "droidsansfallbackfull.ttf", "droidsansfallback.ttf",
            "uming.ttc", "ukai.ttc", "simhei.ttf", "msyh.ttc", "simsun.ttc");

    private static final int MAX_DEPTH = 4;
    private static final String CFF = "it has CFF (PostScript) outlines, which PDFBox cannot embed";

    private final Path configured;
    private final List<Path> searchDirs;
    /** The configuration key that names the font file, for messages only (not part of equality). */
    private final String setting;

    public FontLocator(Optional<Path> configured, List<Path> searchDirs) {
        this(configured.orElse(null), searchDirs, "print.font-path");
    }

    private FontLocator(Path configured, List<Path> searchDirs, String setting) {
        this.configured = configured;
        this.searchDirs = List.copyOf(searchDirs);
        this.setting = setting;
    }

    /**
     * The same search, its messages naming {@code setting} (e.g. the platform's {@code result-font}) instead of
     * {@code print.font-path}. Equal to this locator: both find the same font, which is parsed once.
     */
    public FontLocator named(String setting) {
        return new FontLocator(configured, searchDirs, setting);
    }

    /** Search the system only. */
    public static FontLocator system() {
        return new FontLocator(Optional.empty(), SYSTEM_DIRS);
    }

    /** {@code fontPath} from configuration if set, else the system search. */
    public static FontLocator of(Optional<Path> fontPath) {
        return new FontLocator(fontPath, SYSTEM_DIRS);
    }

    public FontSource locate() {
        Found found = open();
        found.close();
        return found.source();
    }

    /** A usable font: its parsed face, and what holds its file open ({@code file}: the collection or the face). */
    record Found(FontSource source, TrueTypeFont font, java.io.Closeable file) {

        void close() {
            try {
                file.close();
            } catch (IOException e) {
                // only read from: nothing to lose
            }
        }
    }

    /**
     * The first usable font, parsed once and left open for use: a CJK collection is 10-20 MB, and checking it
     * and then parsing it again for use would read it twice.
     */
    Found open() {
        if (configured != null) {
            if (!Files.isRegularFile(configured)) {
                throw FontNotFoundException.about(setting, setting + ": " + configured + " does not exist");
            }
            StringBuilder problem = new StringBuilder();
            Found found = openIfUsable(configured, problem);
            if (found != null) {
                return found;
            }
            throw FontNotFoundException.about(setting, setting + ": " + configured + " is not usable: " + problem);
        }
        List<Path> candidates = candidates();
        for (Path file : candidates) {
            Found found = openIfUsable(file, new StringBuilder());
            if (found != null) {
                return found;
            }
        }
        throw FontNotFoundException.about(setting, "No TrueType CJK font found (searched " + searchDirs.stream()
                .filter(Files::isDirectory).map(Path::toString).toList() + ", " + candidates.size()
                + " .ttf/.ttc files checked)");
    }

    /** The file's first usable face, open; else null, with why in {@code problem}. */
    static Found openIfUsable(Path file, StringBuilder problem) {
        try {
            if (tag(file).equals("OTTO")) {
                // OpenType with CFF outlines (Noto Sans CJK .otf): said so before FontBox tries to read it.
                problem.append(CFF);
                return null;
            }
            if (isCollection(file)) {
                @SuppressWarnings("resource") // kept open with the face found: its tables are read from it
                TrueTypeCollection ttc = new TrueTypeCollection(file.toFile());
                AtomicReference<TrueTypeFont> face = new AtomicReference<>();
                AtomicReference<String> why = new AtomicReference<>("the collection has no fonts");
                ttc.processAllFonts(ttf -> {
                    if (face.get() == null) {
                        String p = problemWith(ttf);
                        if (p == null) {
                            face.set(ttf);
                        } else {
                            why.set(p);
                        }
                    }
                });
                if (face.get() == null) {
                    ttc.close();
                    problem.append(why.get());
                    return null;
                }
                return new Found(new FontSource(file, face.get().getName()), face.get(), ttc);
            }
            TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBufferedFile(file.toFile()));
            String p = problemWith(ttf);
            if (p != null) {
                ttf.close();
                problem.append(p);
                return null;
            }
            return new Found(new FontSource(file, ttf.getName()), ttf, ttf);
        } catch (IOException | RuntimeException e) {
            problem.append("not a TrueType font (").append(e.getMessage()).append(')');
            return null;
        }
    }

    private List<Path> candidates() {
        List<Path> files = new ArrayList<>();
        for (Path dir : searchDirs) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(dir, MAX_DEPTH)) {
                walk.filter(Files::isRegularFile)
                        .filter(p -> name(p).endsWith(".ttf") || name(p).endsWith(".ttc"))
                        .filter(p -> !files.contains(p))
                        .forEach(files::add);
            } catch (IOException | java.io.UncheckedIOException e) {
                // an unreadable folder is no reason to give up on the others
            }
        }
        files.sort(Comparator.comparingInt(FontLocator::rank));
        return files;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FontLocator other && java.util.Objects.equals(configured, other.configured)
                && searchDirs.equals(other.searchDirs);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(configured, searchDirs);
    }

    private static int rank(Path p) {
        int i = PREFERRED.indexOf(name(p));
        return i < 0 ? PREFERRED.size() : i;
    }

    private static String name(Path p) {
        return p.getFileName().toString().toLowerCase(Locale.ROOT);
    }

    /** "ok:FACE" for the first usable face in the file, else why the file cannot be used. */
    static String problemWith(Path file) {
        StringBuilder problem = new StringBuilder();
        Found found = openIfUsable(file, problem);
        if (found == null) {
            return problem.toString();
        }
        found.close();
        return "ok:" + found.source().faceName();
    }

    static boolean isCollection(Path file) throws IOException {
        return tag(file).equals("ttcf");
    }

    /** The file's first four bytes as text: "ttcf" a collection, "OTTO" OpenType with CFF outlines. */
    private static String tag(Path file) throws IOException {
        try (var in = Files.newInputStream(file)) {
            return new String(in.readNBytes(4), java.nio.charset.StandardCharsets.ISO_8859_1);
        }
    }

    /** Null when the face is embeddable and has Chinese glyphs. */
    static String problemWith(TrueTypeFont ttf) throws IOException {
        if (!ttf.getTableMap().containsKey("glyf")) {
            return CFF;
        }
        var cmap = ttf.getUnicodeCmapLookup(false);
        if (cmap == null || cmap.getGlyphId('中') == 0 || cmap.getGlyphId('证') == 0) {
            return "it has no Chinese glyphs";
        }
        return null;
    }
}
