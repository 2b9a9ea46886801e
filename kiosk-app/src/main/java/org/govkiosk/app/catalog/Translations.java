package org.govkiosk.app.catalog;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The English of the catalog's texts, keyed by their Chinese (as gettext keys a translation by its source text).
 * The Chinese stays the item's official wording, sent to the platform and printed on papers; the English is what
 * the English UI shows instead. A text without English is shown in Chinese, marked as such by the UI.
 *
 * <p>One Chinese text has one English: the loader reports a second, different English as a problem.
 */
public final class Translations {

    public static final Translations NONE = new Translations(Map.of());

    private final Map<String, String> english;

    public Translations(Map<String, String> english) {
        this.english = Map.copyOf(english);
    }

    /** The English of {@code zh}, if the catalog gives one. */
    public Optional<String> english(String zh) {
        return Optional.ofNullable(english.get(zh));
    }

    /** True when {@code locale} reads English: only then is a translation looked for. */
    public static boolean isEnglish(Locale locale) {
        return Locale.ENGLISH.getLanguage().equals(locale.getLanguage());
    }

    /** The English of {@code zh} in an English locale, when there is one; {@code zh} itself otherwise. */
    public String in(Locale locale, String zh) {
        return isEnglish(locale) ? english(zh).orElse(zh) : zh;
    }

    /** True when an English reader would get {@code zh} in Chinese: the UI says so next to it. */
    public boolean chineseOnly(Locale locale, String zh) {
        return isEnglish(locale) && !english.containsKey(zh);
    }

    /** These translations and {@code more}; where both translate a text, {@code more} wins. */
    public Translations and(Translations more) {
        if (more.english.isEmpty()) {
            return this;
        }
        Map<String, String> all = new LinkedHashMap<>(english);
        all.putAll(more.english);
        return new Translations(all);
    }

    /** Only the translations of {@code texts} (those that have one). */
    public Translations only(Iterable<String> texts) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String zh : texts) {
            english(zh).ifPresent(en -> out.put(zh, en));
        }
        return new Translations(out);
    }

    public boolean isEmpty() {
        return english.isEmpty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Translations t && english.equals(t.english);
    }

    @Override
    public int hashCode() {
        return english.hashCode();
    }

    @Override
    public String toString() {
        return "Translations" + english;
    }
}
