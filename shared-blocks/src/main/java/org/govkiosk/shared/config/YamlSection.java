package org.govkiosk.shared.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * One mapping of a YAML file, read key by key: typed, bounded access to its values, its nested sections and lists.
 * Every problem is recorded as {@code FILE: PATH: PROBLEM} (e.g.
 * {@code catalog.yaml: items[3].promised-days: expected a whole number 0..365, got 'five'}) instead of thrown, so a
 * technician sees all of them at once; a getter that found a problem returns empty (or its fallback).
 *
 * <p>Why a tree walk rather than Jackson data binding with FAIL_ON_UNKNOWN_PROPERTIES: binding stops at the first
 * unknown key or wrong type, and its messages name Java types. Here unknown keys are still rejected (see
 * {@link #onlyKeys}), all of them, in the file's own words and with the key that was probably meant.
 *
 * <p>All sections of one file share its problem list and the English of its translatable texts (see
 * {@link #translatable}). Read the file itself with {@link YamlFiles}.
 */
public final class YamlSection {

    /** What the sections of one file share. */
    private static final class Document {
        final String file;
        final List<String> problems;
        /** Chinese → (English, where it was written), for every translatable text read so far. */
        final Map<String, Written> english = new LinkedHashMap<>();
        /** Chinese → (Uyghur, where it was written as {@code ug:}), the same way. */
        final Map<String, Written> uyghur = new LinkedHashMap<>();
        /** Chinese → (Mongolian in the traditional script, where it was written as {@code mn:}), the same way. */
        final Map<String, Written> mongolian = new LinkedHashMap<>();

        Document(String file, List<String> problems) {
            this.file = file;
            this.problems = problems;
        }
    }

    private record Written(String text, String key) {
    }

    /** Text written as {@code {zh: ..., en: ...}}, with the Uyghur where {@code ug: ...} gives it. */
    public record Localized(String zh, String en, Optional<String> ug) {

        public Localized(String zh, String en) {
            this(zh, en, Optional.empty());
        }
    }

    private final Document doc;
    private final String path;
    private final JsonNode node;

    private YamlSection(Document doc, String path, JsonNode node) {
        this.doc = doc;
        this.path = path;
        this.node = node;
    }

    /**
     * The top mapping of {@code file} (the name problems are reported under); problems go to {@code problems}.
     *
     * @throws IllegalArgumentException if {@code node} is not a mapping
     */
    public static YamlSection root(String file, JsonNode node, List<String> problems) {
        if (!node.isObject()) {
            throw new IllegalArgumentException(file + ": not a mapping");
        }
        return new YamlSection(new Document(file, problems), "", node);
    }

    private YamlSection child(String childPath, JsonNode child) {
        return new YamlSection(doc, childPath, child);
    }

    // ---- where, and problems

    /** The name problems are reported under, e.g. {@code catalog.yaml}. */
    public String file() {
        return doc.file;
    }

    /** The full key of a child, e.g. {@code devices[1].port}. */
    public String key(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    /** Where this section is, e.g. {@code items[3]}; empty at the top. */
    public String path() {
        return path;
    }

    /** The keys written here, in file order. */
    public List<String> keys() {
        List<String> out = new ArrayList<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }

    public boolean has(String name) {
        JsonNode child = node.get(name);
        return child != null && !child.isNull();
    }

    /** The value as written, for the rare reader that needs more than the getters here; null when absent. */
    public JsonNode raw(String name) {
        return node.get(name);
    }

    /** How many problems the file has so far: compare before and after reading a part to see if it had any. */
    public int problemCount() {
        return doc.problems.size();
    }

    /** Records "FILE: KEY: MESSAGE"; {@code key} is a full key as {@link #key} gives. */
    public void problem(String key, String message) {
        doc.problems.add(doc.file + ": " + key + ": " + message);
    }

    /** Records every key that is not among {@code allowed}, with a likely intended one and the allowed ones. */
    public void onlyKeys(String... allowed) {
        onlyKeys(List.of(allowed));
    }

    /** Records every key that is not among {@code allowed}, with a likely intended one and the allowed ones. */
    public void onlyKeys(Collection<String> allowed) {
        Set<String> known = new TreeSet<>(allowed);
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!known.contains(name)) {
                problem(key(name), "unknown key" + didYouMean(name, known) + "; allowed here: "
                        + String.join(", ", known));
            }
        }
    }

    /** " (did you mean 'x'?)" when one of {@code known} is probably what {@code written} meant, else "". */
    public static String didYouMean(String written, Collection<String> known) {
        return YamlFiles.similarKey(written, known).map(k -> " (did you mean '" + k + "'?)").orElse("");
    }

    // ---- nested sections and lists

    public Optional<YamlSection> section(String name, boolean required) {
        JsonNode child = node.get(name);
        if (child == null || child.isNull()) {
            if (required) {
                problem(key(name), "required section is missing");
            }
            return Optional.empty();
        }
        if (!child.isObject()) {
            problem(key(name), "expected a section of keys, got " + describe(child));
            return Optional.empty();
        }
        return Optional.of(child(key(name), child));
    }

    /** A required list of sections that may be empty ({@code []}); an item that is not a section is a problem. */
    public List<YamlSection> list(String name) {
        return sections(name, array(name, true, false));
    }

    /** A list of sections; {@code required} ones must have at least one entry. */
    public List<YamlSection> list(String name, boolean required) {
        return sections(name, array(name, required, required));
    }

    /**
     * Item {@code index} of the list {@code name} as a section, for lists that mix sections with other values
     * (a template's blocks: {@code - cut} or {@code - text: ...}); empty, with nothing recorded, when it is not a
     * section.
     */
    public Optional<YamlSection> listItem(String name, int index) {
        JsonNode item = node.path(name).path(index);
        return item.isObject() ? Optional.of(child(key(name) + "[" + index + "]", item)) : Optional.empty();
    }

    private List<YamlSection> sections(String name, Optional<JsonNode> items) {
        List<YamlSection> out = new ArrayList<>();
        if (items.isEmpty()) {
            return out;
        }
        for (int i = 0; i < items.get().size(); i++) {
            JsonNode item = items.get().get(i);
            String itemPath = key(name) + "[" + i + "]";
            if (item.isObject()) {
                out.add(child(itemPath, item));
            } else {
                problem(itemPath, "expected a section of keys, got " + describe(item));
            }
        }
        return out;
    }

    private Optional<JsonNode> array(String name, boolean required, boolean nonEmpty) {
        JsonNode child = node.get(name);
        if (child == null || child.isNull()) {
            if (required) {
                problem(key(name), "required list is missing");
            }
            return Optional.empty();
        }
        if (!child.isArray()) {
            problem(key(name), "expected a list, got " + describe(child));
            return Optional.empty();
        }
        if (nonEmpty && child.isEmpty()) {
            problem(key(name), "must list at least one entry");
            return Optional.empty();
        }
        return Optional.of(child);
    }

    /** A list of texts; {@code required} ones must have at least one entry. */
    public List<String> texts(String name, boolean required) {
        return texts(name, required, false);
    }

    /** A list of single values read as text; empty when absent. */
    public List<String> strings(String name) {
        List<String> out = new ArrayList<>();
        JsonNode child = node.get(name);
        if (child == null || child.isNull()) {
            return out;
        }
        if (!child.isArray()) {
            problem(key(name), "expected a list like [a, b], got " + describe(child));
            return out;
        }
        for (int i = 0; i < child.size(); i++) {
            JsonNode item = child.get(i);
            if (item.isValueNode() && !item.isNull()) {
                out.add(item.asText().trim());
            } else {
                problem(key(name) + "[" + i + "]", "expected a single value, got " + describe(item));
            }
        }
        return out;
    }

    /** A section of single values, read as text (e.g. the {@code options} of a device); empty when absent. */
    public Map<String, String> stringMap(String name) {
        Map<String, String> out = new LinkedHashMap<>();
        JsonNode child = node.get(name);
        if (child == null || child.isNull()) {
            return out;
        }
        if (!child.isObject()) {
            problem(key(name), "expected a section of keys, got " + describe(child));
            return out;
        }
        child.fields().forEachRemaining(e -> {
            if (e.getValue().isValueNode() && !e.getValue().isNull()) {
                out.put(e.getKey(), e.getValue().asText());
            } else {
                problem(key(name) + "." + e.getKey(), "expected a single value, got " + describe(e.getValue()));
            }
        });
        return out;
    }

    // ---- single values

    /** A scalar as text (numbers too: an id may be 001); booleans, lists and sections are problems. */
    public Optional<String> string(String name, boolean required) {
        JsonNode child = node.get(name);
        if (child == null || child.isNull()) {
            if (required) {
                problem(key(name), "required");
            }
            return Optional.empty();
        }
        if (!child.isValueNode() || child.isBoolean()) {
            problem(key(name), "expected text, got " + describe(child));
            return Optional.empty();
        }
        String value = child.asText().trim();
        if (value.isEmpty()) {
            problem(key(name), "must not be empty");
            return Optional.empty();
        }
        return Optional.of(value);
    }

    /** Text that must be written as text: a YAML number would lose leading zeros or turn octal. */
    public Optional<String> quotedString(String name, boolean required) {
        JsonNode child = node.get(name);
        if (child != null && child.isNumber()) {
            problem(key(name), "write it in quotes, e.g. '" + child.asText() + "': as a number YAML may change it");
            return Optional.empty();
        }
        return string(name, required);
    }

    /** An optional whole number in {@code min..max}. */
    public Optional<Integer> integer(String name, int min, int max) {
        return integer(name, min, max, false);
    }

    /** A whole number in {@code min..max}. */
    public Optional<Integer> integer(String name, int min, int max, boolean required) {
        JsonNode child = node.get(name);
        if (child == null || child.isNull()) {
            if (required) {
                problem(key(name), "required");
            }
            return Optional.empty();
        }
        if (!child.isInt()) {
            problem(key(name), "expected a whole number " + min + ".." + max + ", got " + describe(child));
            return Optional.empty();
        }
        int value = child.asInt();
        if (value < min || value > max) {
            problem(key(name), "must be " + min + ".." + max + ", got " + value);
            return Optional.empty();
        }
        return Optional.of(value);
    }

    /** A number (fractions allowed) in {@code min..max}. */
    public Optional<Double> number(String name, double min, double max, boolean required) {
        JsonNode child = node.get(name);
        if (child == null || child.isNull()) {
            if (required) {
                problem(key(name), "required");
            }
            return Optional.empty();
        }
        if (!child.isNumber()) {
            problem(key(name), "expected a number, got " + describe(child));
            return Optional.empty();
        }
        double value = child.asDouble();
        if (value < min || value > max) {
            problem(key(name), "must be " + plain(min) + ".." + plain(max) + ", got " + child.asText());
            return Optional.empty();
        }
        return Optional.of(value);
    }

    private static String plain(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }

    public Optional<Boolean> bool(String name) {
        JsonNode child = node.get(name);
        if (child == null || child.isNull()) {
            return Optional.empty();
        }
        if (!child.isBoolean()) {
            problem(key(name), "expected true or false, got " + describe(child));
            return Optional.empty();
        }
        return Optional.of(child.asBoolean());
    }

    /** true or false; {@code absent} when not written or not a boolean (the latter recorded). */
    public boolean bool(String name, boolean absent) {
        return bool(name).orElse(absent);
    }

    /** A duration written as in {@link ConfigDurations#parse}, at least {@code min}. */
    public Optional<Duration> duration(String name, Duration min) {
        Optional<String> text = string(name, false);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Optional<Duration> value = ConfigDurations.parse(text.get());
        if (value.isEmpty()) {
            problem(key(name), "expected a duration like 300ms, 90s, 5m or 1h, got '" + text.get() + "'");
            return Optional.empty();
        }
        if (value.get().compareTo(min) < 0) {
            problem(key(name), "must be at least " + ConfigDurations.format(min) + ", got " + text.get());
            return Optional.empty();
        }
        return value;
    }

    /**
     * One of an enum's constants, written in lower case with dashes ({@code WEEKLY_REPORT} is
     * {@code weekly-report}); a value that is none of them is a problem naming them and the one probably meant.
     */
    public <E extends Enum<E>> Optional<E> enumValue(String name, Class<E> type, boolean required) {
        return string(name, required).flatMap(written -> enumValue(key(name), written, type));
    }

    /** {@code written} as one of an enum's constants (see {@link #enumValue(String, Class, boolean)}). */
    public <E extends Enum<E>> Optional<E> enumValue(String fullKey, String written, Class<E> type) {
        for (E c : type.getEnumConstants()) {
            if (spelled(c).equals(written.strip().toLowerCase(Locale.ROOT).replace('_', '-'))) {
                return Optional.of(c);
            }
        }
        List<String> names = Arrays.stream(type.getEnumConstants()).map(YamlSection::spelled).toList();
        problem(fullKey, "'" + written + "' is not one of " + String.join(", ", names) + didYouMean(written, names));
        return Optional.empty();
    }

    private static String spelled(Enum<?> c) {
        return c.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    // ---- texts with an English translation

    /**
     * Text the English UI shows translated where the file gives the English: written plainly (Chinese) or as
     * {@code {zh: ..., en: ...}}. Returns the Chinese; the English is kept for {@link #translations()}. One Chinese
     * text translated two ways in one file is a problem.
     */
    public Optional<String> translatable(String name, boolean required) {
        JsonNode child = node.get(name);
        if (child != null && child.isObject()) {
            return translation(key(name), child);
        }
        return string(name, required);
    }

    /** A list of {@link #translatable} texts; {@code required} ones must have at least one entry. */
    public List<String> translatableTexts(String name, boolean required) {
        return texts(name, required, true);
    }

    /** {@code {zh: ..., en: ...}}, both required. */
    public Optional<Localized> localized(String name, boolean required) {
        Optional<YamlSection> section = section(name, required);
        if (section.isEmpty()) {
            return Optional.empty();
        }
        YamlSection s = section.get();
        s.onlyKeys("zh", "en", "ug");
        Optional<String> zh = s.string("zh", true);
        Optional<String> en = s.string("en", true);
        Optional<String> ug = s.string("ug", false);
        return zh.isPresent() && en.isPresent() ? Optional.of(new Localized(zh.get(), en.get(), ug))
                : Optional.empty();
    }

    /** Chinese → English of every text of the file read so far through {@link #translatable} and its kin. */
    public Map<String, String> translations() {
        Map<String, String> out = new LinkedHashMap<>();
        doc.english.forEach((zh, en) -> out.put(zh, en.text()));
        return out;
    }

    /** Chinese → Uyghur of the texts read so far that were written with an optional {@code ug:} beside zh and en. */
    public Map<String, String> uyghurTranslations() {
        Map<String, String> out = new LinkedHashMap<>();
        doc.uyghur.forEach((zh, ug) -> out.put(zh, ug.text()));
        return out;
    }

    /** Chinese → Mongolian (traditional script) of the texts read so far written with an optional {@code mn:}. */
    public Map<String, String> mongolianTranslations() {
        Map<String, String> out = new LinkedHashMap<>();
        doc.mongolian.forEach((zh, mn) -> out.put(zh, mn.text()));
        return out;
    }

    private List<String> texts(String name, boolean required, boolean translatable) {
        List<String> out = new ArrayList<>();
        Optional<JsonNode> items = array(name, required, required);
        if (items.isEmpty()) {
            return out;
        }
        for (int i = 0; i < items.get().size(); i++) {
            JsonNode item = items.get().get(i);
            String itemKey = key(name) + "[" + i + "]";
            if (translatable && item.isObject()) {
                translation(itemKey, item).ifPresent(out::add);
            } else if (!item.isValueNode() || item.isNull() || item.isBoolean()) {
                problem(itemKey, "expected text" + (translatable ? " or {zh: ..., en: ...}" : "") + ", got "
                        + describe(item));
            } else if (item.asText().isBlank()) {
                problem(itemKey, "must not be empty");
            } else {
                out.add(item.asText().trim());
            }
        }
        return out;
    }

    private Optional<String> translation(String at, JsonNode written) {
        YamlSection t = child(at, written);
        t.onlyKeys("zh", "en", "ug", "mn");
        Optional<String> zh = t.string("zh", true);
        Optional<String> en = t.string("en", true);
        Optional<String> ug = t.string("ug", false);
        Optional<String> mn = t.string("mn", false);
        if (zh.isEmpty() || en.isEmpty()) {
            return Optional.empty();
        }
        Written first = doc.english.putIfAbsent(zh.get(), new Written(en.get(), t.key("en")));
        if (first != null && !first.text().equals(en.get())) {
            t.problem(t.key("en"), "'" + zh.get() + "' is translated as '" + first.text() + "' at " + first.key()
                    + "; one Chinese text has one English");
            return Optional.empty();
        }
        if (ug.isPresent()) {
            Written firstUg = doc.uyghur.putIfAbsent(zh.get(), new Written(ug.get(), t.key("ug")));
            if (firstUg != null && !firstUg.text().equals(ug.get())) {
                t.problem(t.key("ug"), "'" + zh.get() + "' is translated as '" + firstUg.text() + "' at "
                        + firstUg.key() + "; one Chinese text has one Uyghur");
                return Optional.empty();
            }
        }
        if (mn.isPresent()) {
            Written firstMn = doc.mongolian.putIfAbsent(zh.get(), new Written(mn.get(), t.key("mn")));
            if (firstMn != null && !firstMn.text().equals(mn.get())) {
                t.problem(t.key("mn"), "'" + zh.get() + "' is translated as '" + firstMn.text() + "' at "
                        + firstMn.key() + "; one Chinese text has one Mongolian");
                return Optional.empty();
            }
        }
        return zh;
    }

    /** How a value reads in a message: "a section", "a list", "nothing" or the value quoted. */
    public static String describe(JsonNode n) {
        return YamlFiles.describe(n);
    }
}
