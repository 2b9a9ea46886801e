package org.govkiosk.app.catalog;

import com.ibm.icu.text.Transliterator;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A text (an item's name, a keyword) prepared for search: each Han character with its pinyin syllable, so a query
 * may mix characters, whole syllables and initials ("社会保险", "shehuibaoxian", "shbx", "社会bx" all find 社会保险).
 * Pinyin comes from ICU's "Han-Latin; Latin-ASCII" once per character, when the catalog loads; punctuation is left
 * out because nobody types it at a kiosk.
 */
final class PinyinText {

    /** A character of the text, with its pinyin if it is Han (else null). */
    private record Unit(String literal, String syllable) {
    }

    /** Where a query matched: at the start, and up to the end. */
    record Match(boolean atStart, boolean toEnd) {
    }

    private static final Map<Integer, String> SYLLABLES = new HashMap<>();
    private static Transliterator transliterator;

    private final String text;
    private final List<Unit> units;

    private PinyinText(String text, List<Unit> units) {
        this.text = text;
        this.units = units;
    }

    static PinyinText of(String text) {
        List<Unit> units = new ArrayList<>();
        normalized(text).codePoints().forEach(cp -> {
            if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN) {
                units.add(new Unit(Character.toString(cp), syllable(cp)));
            } else if (Character.isLetterOrDigit(cp)) {
                units.add(new Unit(Character.toString(cp), null));
            }
        });
        return new PinyinText(text, List.copyOf(units));
    }

    String text() {
        return text;
    }

    /** Full-width to half-width, lower case, no spaces, punctuation or apostrophes (xi'an). */
    static String normalizedQuery(String query) {
        StringBuilder out = new StringBuilder();
        normalized(query).codePoints().filter(Character::isLetterOrDigit).forEach(out::appendCodePoint);
        return out.toString();
    }

    private static String normalized(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }

    private static synchronized String syllable(int cp) {
        return SYLLABLES.computeIfAbsent(cp, c -> {
            if (transliterator == null) {
                // Building the rules takes a while; once per process is enough.
                transliterator = Transliterator.getInstance("Han-Latin; Latin-ASCII");
            }
            String latin = transliterator.transliterate(Character.toString(c)).toLowerCase(Locale.ROOT);
            StringBuilder letters = new StringBuilder();
            latin.chars().filter(ch -> ch >= 'a' && ch <= 'z').forEach(ch -> letters.append((char) ch));
            return letters.isEmpty() ? null : letters.toString();
        });
    }

    /** The first place where {@code query} (already {@link #normalizedQuery normalized}) matches, best first. */
    Match match(String query) {
        if (query.isEmpty()) {
            return null;
        }
        // Pinyin has no v: keyboards type ü (绿 lü) as v, and Latin-ASCII made it u.
        String asPinyin = query.replace('v', 'u');
        boolean[][] failed = new boolean[query.length() + 1][units.size() + 1];
        Match best = null;
        for (int start = 0; start < units.size(); start++) {
            int end = matchFrom(query, asPinyin, 0, start, failed);
            if (end >= 0) {
                Match m = new Match(start == 0, end == units.size());
                if (best == null || score(m) < score(best)) {
                    best = m;
                }
                if (start == 0) {
                    break;
                }
            }
        }
        return best;
    }

    private static int score(Match m) {
        return (m.atStart() ? 0 : 2) + (m.toEnd() ? 0 : 1);
    }

    /**
     * The unit index after the match of query[q..] from unit u, or -1; tries each way of typing a character.
     * {@code failed} remembers dead ends, so a long query of one letter cannot make the search exponential.
     */
    private int matchFrom(String query, String asPinyin, int q, int u, boolean[][] failed) {
        if (q == query.length()) {
            return u;
        }
        if (u == units.size() || failed[q][u]) {
            return -1;
        }
        Unit unit = units.get(u);
        int end = -1;
        if (query.startsWith(unit.literal(), q)) {
            end = matchFrom(query, asPinyin, q + unit.literal().length(), u + 1, failed);
        }
        String syllable = unit.syllable();
        if (end < 0 && syllable != null) {
            String rest = asPinyin.substring(q);
            if (rest.startsWith(syllable)) {
                end = matchFrom(query, asPinyin, q + syllable.length(), u + 1, failed);
            }
            if (end < 0 && syllable.length() > 2 && syllable.charAt(1) == 'h' && rest.startsWith(syllable.substring(0, 2))) {
                // zh, ch, sh typed as the initial.
                end = matchFrom(query, asPinyin, q + 2, u + 1, failed);
            }
            if (end < 0 && rest.charAt(0) == syllable.charAt(0)) {
                end = matchFrom(query, asPinyin, q + 1, u + 1, failed);
            }
            if (end < 0 && syllable.startsWith(rest)) {
                // The last syllable may still be being typed: "gongjiji" finds 公积金.
                end = u + 1;
            }
        }
        if (end < 0) {
            failed[q][u] = true;
        }
        return end;
    }
}
