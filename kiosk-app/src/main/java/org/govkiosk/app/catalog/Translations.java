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
 * <p>One Chinese text has one English: the loader reports a second, different English as a problem. The Uyghur
 * (ug) is kept the same way where the catalog gives it ({@code {zh: ..., en: ..., ug: ...}}), and so is the
 * Mongolian in the traditional script (mn), which the bilingual Mongolian screens show vertically beside the
 * Chinese (a text without it shows in Chinese alone, as a bilingual screen of Inner Mongolia may).
 */
public final class Translations {

    public static final Translations NONE = new Translations(Map.of());

    private final Map<String, String> english;
    private final Map<String, String> uyghur;
    private final Map<String, String> mongolian;

    public Translations(Map<String, String> english) {
        this(english, Map.of());
    }

    /** @param uyghur Chinese → Uyghur, for the Uyghur UI (ug) */
    public Translations(Map<String, String> english, Map<String, String> uyghur) {
        this(english, uyghur, Map.of());
    }

    /** @param mongolian Chinese → Mongolian (traditional script), for the bilingual Mongolian UI (mn) */
    public Translations(Map<String, String> english, Map<String, String> uyghur, Map<String, String> mongolian) {
        this.english = Map.copyOf(english);
        this.uyghur = Map.copyOf(uyghur);
        this.mongolian = Map.copyOf(mongolian);
    }

    /** The Mongolian (traditional script) of {@code zh}, shown vertically beside it, if the catalog gives one. */
    public Optional<String> mongolian(String zh) {
        return Optional.ofNullable(mongolian.get(zh));
    }

    /** True when {@code locale} reads Uyghur. */
    public static boolean isUyghur(Locale locale) {
        return "ug".equals(locale.getLanguage());
    }

    /** The text of {@code zh} in {@code locale} where this catalog gives one (English or Uyghur); never Chinese. */
    public Optional<String> translation(Locale locale, String zh) {
        if (isEnglish(locale)) {
            return english(zh);
        }
        return isUyghur(locale) ? Optional.ofNullable(uyghur.get(zh)) : Optional.empty();
    }

    /** The English of {@code zh}, if the catalog gives one. */
    public Optional<String> english(String zh) {
        return Optional.ofNullable(english.get(zh));
    }

    /** True when {@code locale} reads English: only then is a translation looked for. */
    public static boolean isEnglish(Locale locale) {
        return Locale.ENGLISH.getLanguage().equals(locale.getLanguage());
    }

    /** The translation of {@code zh} in an English or Uyghur locale, when there is one; {@code zh} otherwise. */
    public String in(Locale locale, String zh) {
        return translation(locale, zh).orElse(zh);
    }

    /** True when an English or Uyghur reader would get {@code zh} in Chinese: the UI says so next to it. */
    public boolean chineseOnly(Locale locale, String zh) {
        return (isEnglish(locale) || isUyghur(locale)) && translation(locale, zh).isEmpty();
    }

    /** These translations and {@code more}; where both translate a text, {@code more} wins. */
    public Translations and(Translations more) {
        if (more.isEmpty()) {
            return this;
        }
        Map<String, String> all = new LinkedHashMap<>(english);
        all.putAll(more.english);
        Map<String, String> allUyghur = new LinkedHashMap<>(uyghur);
        allUyghur.putAll(more.uyghur);
        Map<String, String> allMongolian = new LinkedHashMap<>(mongolian);
        allMongolian.putAll(more.mongolian);
        return new Translations(all, allUyghur, allMongolian);
    }

    /** Only the translations of {@code texts} (those that have one). */
    public Translations only(Iterable<String> texts) {
        Map<String, String> out = new LinkedHashMap<>();
        Map<String, String> outUyghur = new LinkedHashMap<>();
        Map<String, String> outMongolian = new LinkedHashMap<>();
        for (String zh : texts) {
            english(zh).ifPresent(en -> out.put(zh, en));
            Optional.ofNullable(uyghur.get(zh)).ifPresent(ug -> outUyghur.put(zh, ug));
            mongolian(zh).ifPresent(mn -> outMongolian.put(zh, mn));
        }
        return new Translations(out, outUyghur, outMongolian);
    }

    public boolean isEmpty() {
        return english.isEmpty() && uyghur.isEmpty() && mongolian.isEmpty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Translations t && english.equals(t.english) && uyghur.equals(t.uyghur)
                && mongolian.equals(t.mongolian);
    }

    @Override
    public int hashCode() {
        return (english.hashCode() * 31 + uyghur.hashCode()) * 31 + mongolian.hashCode();
    }

    @Override
    public String toString() {
        return "Translations" + english + (uyghur.isEmpty() ? "" : " ug" + uyghur)
                + (mongolian.isEmpty() ? "" : " mn" + mongolian);
    }
}
