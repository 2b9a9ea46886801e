package org.govkiosk.app.ui.keyboard;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Pinyin to characters and words, ranked by how often they are written: the resource {@code pinyin.tsv} (made by
 * {@code scripts/pinyin-dictionary.sh} from rime-data-pinyin-simp, Apache-2.0). The letters typed are looked up as
 * a whole ("beijing" → 北京, 背景), as the start of longer spellings ("beij" → 北京), and by their leading part,
 * so a citizen can take 北 for "bei" and go on with "jing". Syllables need no separator: the spellings are
 * compared without their spaces, so "xian" finds both 先 and 西安.
 */
public final class PinyinDictionary {

    /** One candidate: the text, and how many of the typed letters it takes. */
    public record Candidate(String text, int consumes) {
    }

    private record Entry(String text, int weight) {
    }

    /** More than anyone pages through; bounds the work per key. */
    static final int MAX_CANDIDATES = 120;
    private static final String RESOURCE = "pinyin.tsv";

    /** Spelling without spaces → entries, most frequent first. */
    private final NavigableMap<String, List<Entry>> bySpelling;

    private PinyinDictionary(NavigableMap<String, List<Entry>> bySpelling) {
        this.bySpelling = bySpelling;
    }

    /** The terminal's dictionary, read from the classpath. */
    public static PinyinDictionary load() {
        try (InputStream in = PinyinDictionary.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return read(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads lines of "text TAB pin yin TAB weight"; lines starting with # are comments. */
    static PinyinDictionary read(BufferedReader lines) throws IOException {
        NavigableMap<String, List<Entry>> map = new TreeMap<>();
        String line;
        while ((line = lines.readLine()) != null) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t");
            if (f.length < 3) {
                continue;
            }
            String spelling = f[1].replace(" ", "").toLowerCase(Locale.ROOT);
            map.computeIfAbsent(spelling, k -> new ArrayList<>()).add(new Entry(f[0], Integer.parseInt(f[2])));
        }
        Comparator<Entry> byWeight = Comparator.comparingInt(Entry::weight).reversed();
        map.values().forEach(list -> list.sort(byWeight));
        return new PinyinDictionary(map);
    }

    /**
     * Candidates for the letters typed, best first: exact spellings of all the letters, then longer words they
     * begin, then the characters and words of their leading part (which take fewer letters).
     */
    public List<Candidate> candidates(String letters) {
        String typed = letters == null ? "" : letters.toLowerCase(Locale.ROOT);
        Map<String, Candidate> found = new LinkedHashMap<>();
        if (typed.isEmpty()) {
            return List.of();
        }
        add(found, bySpelling.getOrDefault(typed, List.of()), typed.length());
        // Longer spellings begun by the letters (the last syllable still being typed), most frequent first.
        List<Entry> longer = new ArrayList<>();
        for (var e : bySpelling.subMap(typed, false, typed + Character.MAX_VALUE, false).entrySet()) {
            longer.addAll(e.getValue());
        }
        longer.sort(Comparator.comparingInt(Entry::weight).reversed());
        add(found, longer.subList(0, Math.min(longer.size(), MAX_CANDIDATES / 2)), typed.length());
        for (int n = typed.length() - 1; n > 0 && found.size() < MAX_CANDIDATES; n--) {
            add(found, bySpelling.getOrDefault(typed.substring(0, n), List.of()), n);
        }
        return List.copyOf(found.values()).subList(0, Math.min(found.size(), MAX_CANDIDATES));
    }

    private static void add(Map<String, Candidate> found, List<Entry> entries, int consumes) {
        for (Entry e : entries) {
            found.putIfAbsent(e.text(), new Candidate(e.text(), consumes));
        }
    }

    /** How many spellings the dictionary knows (for a test that it loaded). */
    int spellings() {
        return bySpelling.size();
    }
}
