package org.govkiosk.app.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * One mapping of a YAML file, read key by key. Every problem is recorded as "FILE: KEY: PROBLEM" instead of
 * thrown, so a technician sees all of them at once; a getter that found a problem returns empty.
 *
 * <p>Why a tree walk rather than Jackson data binding with FAIL_ON_UNKNOWN_PROPERTIES: binding stops at the first
 * unknown key or wrong type, and its messages name Java types. Here unknown keys are still rejected (see
 * {@link #onlyKeys}), but all of them are reported, in the file's own words.
 */
final class YamlSection {

    private final String file;
    private final String path;
    private final JsonNode node;
    private final List<String> problems;

    YamlSection(String file, String path, JsonNode node, List<String> problems) {
        this.file = file;
        this.path = path;
        this.node = node;
        this.problems = problems;
    }

    /** The full key of a child, e.g. {@code devices[1].port}. */
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

    /** Records every key that is not among {@code allowed}, with the allowed ones and a likely intended one. */
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

    Optional<YamlSection> section(String name, boolean required) {
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
        return Optional.of(new YamlSection(file, key(name), child, problems));
    }

    /** A list of sections; an item that is not a section is a problem and left out. */
    List<YamlSection> list(String name) {
        JsonNode child = node.get(name);
        List<YamlSection> out = new ArrayList<>();
        if (child == null || child.isNull()) {
            problem(key(name), "required list is missing");
            return out;
        }
        if (!child.isArray()) {
            problem(key(name), "expected a list, got " + describe(child));
            return out;
        }
        for (int i = 0; i < child.size(); i++) {
            JsonNode item = child.get(i);
            String itemPath = key(name) + "[" + i + "]";
            if (item.isObject()) {
                out.add(new YamlSection(file, itemPath, item, problems));
            } else {
                problem(itemPath, "expected a section of keys, got " + describe(item));
            }
        }
        return out;
    }

    /**
     * Text written plainly (Chinese) or as {@code {zh: ..., en: ...}} where the English UI has its own: returns the
     * Chinese and hands the English, when written, to {@code english}.
     */
    Optional<String> translatable(String name, boolean required, java.util.function.Consumer<String> english) {
        JsonNode child = node.get(name);
        if (child == null || !child.isObject()) {
            return string(name, required);
        }
        YamlSection t = new YamlSection(file, key(name), child, problems);
        t.onlyKeys("zh", "en");
        Optional<String> zh = t.string("zh", true);
        Optional<String> en = t.string("en", true);
        if (zh.isEmpty() || en.isEmpty()) {
            return Optional.empty();
        }
        english.accept(en.get());
        return zh;
    }

    /** A scalar as text (numbers too: an id may be 001); booleans, lists and sections are problems. */
    Optional<String> string(String name, boolean required) {
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

    Optional<Integer> integer(String name, int min, int max) {
        JsonNode child = node.get(name);
        if (child == null || child.isNull()) {
            return Optional.empty();
        }
        if (!child.isInt()) {
            problem(key(name), "expected a whole number, got " + describe(child));
            return Optional.empty();
        }
        int value = child.asInt();
        if (value < min || value > max) {
            problem(key(name), "must be between " + min + " and " + max + ", got " + value);
            return Optional.empty();
        }
        return Optional.of(value);
    }

    Optional<Boolean> bool(String name) {
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

    /** A duration written as in {@link ConfigDurations#parse}, at least {@code min}. */
    Optional<Duration> duration(String name, Duration min) {
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

    /** A section of single values, read as text ({@code options} of a device). */
    Map<String, String> stringMap(String name) {
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

    /** A list of single values; empty when absent. */
    List<String> strings(String name) {
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

    static String describe(JsonNode n) {
        return YamlFiles.describe(n);
    }
}
