package org.govkiosk.app.catalog;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The service items this terminal offers, browsable by department and by life event, and searchable by name,
 * pinyin and pinyin initials. The pinyin of every name and keyword is worked out once and kept: by
 * {@link #prepareSearch()}, which the terminal calls off the FX thread at start, or else by the first search.
 * (ICU builds its Han-Latin rules on first use, which takes seconds on a terminal's CPU: too long to hold up the
 * start or a citizen's first key.)
 */
public final class Catalog {

    /** Longer input is no search a citizen meant; it is cut rather than matched at length. */
    static final int MAX_QUERY = 40;

    /**
     * What a query matched: the item by its code, its name, one of its keywords, a word of its English name (the
     * screen in English invites typing the name), its department.
     */
    private enum Field { CODE, NAME, KEYWORD, ENGLISH, DEPARTMENT }

    private record Indexed(int order, CatalogItem item, PinyinText name, List<PinyinText> keywords,
            PinyinText department, List<String> englishWords) {
    }

    private record Hit(Indexed entry, Field field, PinyinText.Match match) {
        int rank() {
            int position = match == null ? 0 : (match.atStart() ? 0 : 2) + (match.toEnd() ? 0 : 1);
            return field.ordinal() * 10 + position;
        }
    }

    private final List<String> departments;
    private final List<String> lifeEvents;
    private final List<CatalogItem> items;
    private final Translations english;
    private final Map<String, CatalogItem> byCode = new LinkedHashMap<>();
    private List<Indexed> index;

    /**
     * @param departments the departments in the order they are offered (tabs); items name one of them
     * @param lifeEvents  the life events in the order they are offered
     */
    public Catalog(List<String> departments, List<String> lifeEvents, List<CatalogItem> items) {
        this(departments, lifeEvents, items, Translations.NONE);
    }

    /**
     * @param english the English of the departments, life events and every item's texts, where given; the items
     *                carry it too (one Chinese text reads the same English in every item)
     */
    public Catalog(List<String> departments, List<String> lifeEvents, List<CatalogItem> items, Translations english) {
        this.english = english;
        this.departments = List.copyOf(departments);
        this.lifeEvents = List.copyOf(lifeEvents);
        this.items = english.isEmpty() ? List.copyOf(items)
                : items.stream().map(item -> item.withEnglish(english)).toList();
        for (CatalogItem item : this.items) {
            if (byCode.putIfAbsent(item.code(), item) != null) {
                throw new IllegalArgumentException("duplicate item code " + item.code());
            }
        }
    }

    /** Works out the pinyin of every name, keyword and department now, if not done yet. Safe from any thread. */
    public void prepareSearch() {
        index();
    }

    private synchronized List<Indexed> index() {
        if (index == null) {
            List<Indexed> built = new ArrayList<>();
            for (CatalogItem item : items) {
                built.add(new Indexed(built.size(), item, PinyinText.of(item.name()),
                        item.keywords().stream().map(PinyinText::of).toList(), PinyinText.of(item.department()),
                        englishWords(item)));
            }
            index = List.copyOf(built);
        }
        return index;
    }

    public List<CatalogItem> items() {
        return items;
    }

    public Optional<CatalogItem> item(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    public List<String> departments() {
        return departments;
    }

    public List<String> lifeEvents() {
        return lifeEvents;
    }

    /** The English of the catalog's texts (departments, life events, items), where the file gives it. */
    public Translations english() {
        return english;
    }

    /**
     * Items whose code is the query, or whose name, keyword or department matches it as characters, pinyin or
     * pinyin initials, or a mix ("公积金", "gongjijin", "gjj", "公积j"). Best first: a name before a keyword before a
     * department; within each, a whole match, then one at the start, then one inside; then the shorter name.
     * A blank query finds nothing (the screen shows the browse lists instead).
     */
    public List<CatalogItem> search(String query) {
        String trimmed = query == null ? "" : query.strip();
        if (trimmed.length() > MAX_QUERY) {
            trimmed = trimmed.substring(0, MAX_QUERY);
        }
        String normalized = PinyinText.normalizedQuery(trimmed);
        if (normalized.isEmpty()) {
            return List.of();
        }
        List<Hit> hits = new ArrayList<>();
        for (Indexed entry : index()) {
            hit(entry, trimmed, normalized).ifPresent(hits::add);
        }
        hits.sort(Comparator.comparingInt(Hit::rank)
                .thenComparingInt(h -> h.entry().item().name().length())
                .thenComparingInt(h -> h.entry().order()));
        return hits.stream().map(h -> h.entry().item()).toList();
    }

    /** The words of an item's English name and department, lower case, for a search typed in English. */
    private List<String> englishWords(CatalogItem item) {
        List<String> words = new ArrayList<>();
        for (String zh : List.of(item.name(), item.department())) {
            english.english(zh).ifPresent(en -> {
                for (String w : en.toLowerCase(java.util.Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
                    if (!w.isEmpty()) {
                        words.add(w);
                    }
                }
            });
        }
        return List.copyOf(words);
    }

    private static Optional<Hit> hit(Indexed entry, String trimmed, String normalized) {
        if (entry.item().code().equalsIgnoreCase(trimmed)) {
            return Optional.of(new Hit(entry, Field.CODE, null));
        }
        PinyinText.Match name = entry.name().match(normalized);
        if (name != null) {
            return Optional.of(new Hit(entry, Field.NAME, name));
        }
        PinyinText.Match keyword = entry.keywords().stream().map(k -> k.match(normalized))
                .filter(m -> m != null).min(Comparator.comparingInt(m -> new Hit(entry, Field.KEYWORD, m).rank()))
                .orElse(null);
        if (keyword != null) {
            return Optional.of(new Hit(entry, Field.KEYWORD, keyword));
        }
        // A word begun is enough ("pens" finds pension); two letters at least, or pinyin initials would find any.
        if (normalized.length() >= 2 && entry.englishWords().stream().anyMatch(w -> w.startsWith(normalized))) {
            return Optional.of(new Hit(entry, Field.ENGLISH, null));
        }
        PinyinText.Match department = entry.department().match(normalized);
        return Optional.ofNullable(department).map(m -> new Hit(entry, Field.DEPARTMENT, m));
    }

    /** Departments in their declared order, each with its items (as lead department); departments without any left out. */
    public Map<String, List<CatalogItem>> byDepartment() {
        return grouped(departments, item -> List.of(item.department()));
    }

    /** Life events in their declared order, each with its items; an item may be under several. */
    public Map<String, List<CatalogItem>> byLifeEvent() {
        return grouped(lifeEvents, CatalogItem::lifeEvents);
    }

    private Map<String, List<CatalogItem>> grouped(List<String> order, Function<CatalogItem, List<String>> groups) {
        Map<String, List<CatalogItem>> out = new LinkedHashMap<>();
        for (String group : order) {
            List<CatalogItem> members = items.stream().filter(i -> groups.apply(i).contains(group)).toList();
            if (!members.isEmpty()) {
                out.put(group, members);
            }
        }
        return out;
    }
}
