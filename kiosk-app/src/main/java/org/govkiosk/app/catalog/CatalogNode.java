package org.govkiosk.app.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import org.govkiosk.app.config.YamlFiles;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * One mapping of catalog.yaml, read key by key in the style of the terminal's own config reader: every problem is
 * recorded as "FILE: KEY: PROBLEM" (e.g. {@code catalog.yaml: items[3].materials[1].copies: must be 1..10, got 0})
 * instead of thrown, so the whole file is checked in one go; a getter that found a problem returns empty.
 */
final class CatalogNode {

    private final String file;
    private final String path;
    private final JsonNode node;
    private final List<String> problems;
    /** Every English read so far in the file, shared by all its nodes: Chinese → (English, where it was written). */
    private final Map<String, English> english;

    private record English(String en, String key) {
    }

    CatalogNode(String file, String path, JsonNode node, List<String> problems) {
        this(file, path, node, problems, new LinkedHashMap<>());
    }

    private CatalogNode(String file, String path, JsonNode node, List<String> problems, Map<String, English> english) {
        this.file = file;
        this.path = path;
        this.node = node;
        this.problems = problems;
        this.english = english;
    }

    private CatalogNode child(String childPath, JsonNode child) {
        return new CatalogNode(file, childPath, child, problems, english);
    }

    /** The English of every text of the file read so far through {@link #translatable} and its kin. */
    Translations translations() {
        Map<String, String> out = new LinkedHashMap<>();
        english.forEach((zh, en) -> out.put(zh, en.en()));
        return new Translations(out);
    }

    String key(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    String path() {
        return path;
    }

    boolean has(String name) {
        JsonNode child = node.get(name);
        return child != null && !child.isNull();
    }

    int problemCount() {
        return problems.size();
    }

    void problem(String key, String message) {
        problems.add(file + ": " + key + ": " + message);
    }

    /** Every key not among {@code allowed} is a problem (a typo would otherwise drop a guide element silently). */
    void onlyKeys(String... allowed) {
        Set<String> known = new TreeSet<>(List.of(allowed));
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!known.contains(name)) {
                String hint = YamlFiles.similarKey(name, known).map(k -> " (did you mean '" + k + "'?)").orElse("");
                problem(key(name), "unknown key" + hint + "; allowed here: " + String.join(", ", known));
            }
        }
    }

    Optional<CatalogNode> section(String name, boolean required) {
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

    /** A list of sections; {@code required} ones must have at least one entry. */
    List<CatalogNode> list(String name, boolean required) {
        List<CatalogNode> out = new ArrayList<>();
        Optional<JsonNode> items = array(name, required);
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

    /** A list of texts; {@code required} ones must have at least one entry. */
    List<String> texts(String name, boolean required) {
        return texts(name, required, false);
    }

    private Optional<JsonNode> array(String name, boolean required) {
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
        if (required && child.isEmpty()) {
            problem(key(name), "must list at least one entry");
            return Optional.empty();
        }
        return Optional.of(child);
    }

    /** A scalar as text (numbers too); booleans, lists and sections are problems. */
    Optional<String> text(String name, boolean required) {
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
    Optional<String> quotedText(String name, boolean required) {
        JsonNode child = node.get(name);
        if (child != null && child.isNumber()) {
            problem(key(name), "write it in quotes, e.g. '" + child.asText() + "': as a number YAML may change it");
            return Optional.empty();
        }
        return text(name, required);
    }

    Optional<Integer> integer(String name, int min, int max, boolean required) {
        JsonNode child = node.get(name);
        if (child == null || child.isNull()) {
            if (required) {
                problem(key(name), "required");
            }
            return Optional.empty();
        }
        if (!child.isInt()) {
            problem(key(name), "expected a whole number, got " + describe(child));
            return Optional.empty();
        }
        int value = child.asInt();
        if (value < min || value > max) {
            problem(key(name), "must be " + min + ".." + max + ", got " + value);
            return Optional.empty();
        }
        return Optional.of(value);
    }

    boolean bool(String name, boolean absent) {
        JsonNode child = node.get(name);
        if (child == null || child.isNull()) {
            return absent;
        }
        if (!child.isBoolean()) {
            problem(key(name), "expected true or false, got " + describe(child));
            return absent;
        }
        return child.asBoolean();
    }

    /** {@code {zh: ..., en: ...}}, both required: the English UI shows the English. */
    Optional<LocalizedText> localized(String name, boolean required) {
        Optional<CatalogNode> section = section(name, required);
        if (section.isEmpty()) {
            return Optional.empty();
        }
        CatalogNode s = section.get();
        s.onlyKeys("zh", "en");
        Optional<String> zh = s.text("zh", true);
        Optional<String> en = s.text("en", true);
        return zh.isPresent() && en.isPresent() ? Optional.of(new LocalizedText(zh.get(), en.get())) : Optional.empty();
    }

    /**
     * Text the English UI shows translated where the file gives the English: written plainly (Chinese, as a hall's
     * untranslated catalog is) or as {@code {zh: ..., en: ...}}. Returns the Chinese; the English is kept for
     * {@link #translations()}.
     */
    Optional<String> translatable(String name, boolean required) {
        JsonNode child = node.get(name);
        if (child != null && child.isObject()) {
            return translation(key(name), child);
        }
        return text(name, required);
    }

    /** A list of {@link #translatable} texts; {@code required} ones must have at least one entry. */
    List<String> translatableTexts(String name, boolean required) {
        return texts(name, required, true);
    }

    private List<String> texts(String name, boolean required, boolean translatable) {
        List<String> out = new ArrayList<>();
        Optional<JsonNode> items = array(name, required);
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
        CatalogNode t = child(at, written);
        t.onlyKeys("zh", "en");
        Optional<String> zh = t.text("zh", true);
        Optional<String> en = t.text("en", true);
        if (zh.isEmpty() || en.isEmpty()) {
            return Optional.empty();
        }
        English first = english.putIfAbsent(zh.get(), new English(en.get(), t.key("en")));
        if (first != null && !first.en().equals(en.get())) {
            t.problem(t.key("en"), "'" + zh.get() + "' is translated as '" + first.en() + "' at " + first.key()
                    + "; one Chinese text has one English");
            return Optional.empty();
        }
        return zh;
    }

    static String describe(JsonNode n) {
        return YamlFiles.describe(n);
    }
}
