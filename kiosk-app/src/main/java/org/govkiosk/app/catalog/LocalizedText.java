package org.govkiosk.app.catalog;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A short text of the catalog in Chinese, with the English the English UI shows (form labels, messages), and the
 * Uyghur the Uyghur UI shows where the catalog gives it.
 */
public record LocalizedText(String zh, String en, Optional<String> ug) {

    public LocalizedText(String zh, String en) {
        this(zh, en, Optional.empty());
    }

    public LocalizedText {
        Objects.requireNonNull(zh, "zh");
        Objects.requireNonNull(en, "en");
        Objects.requireNonNull(ug, "ug");
    }

    /** English for an English locale, Uyghur (where given) for a Uyghur one, Chinese for every other. */
    public String in(Locale locale) {
        if ("ug".equals(locale.getLanguage())) {
            return ug.orElse(zh);
        }
        return Locale.ENGLISH.getLanguage().equals(locale.getLanguage()) ? en : zh;
    }

    /** True when a reader of {@code locale} gets this text in Chinese although they chose another language. */
    public boolean chineseOnly(Locale locale) {
        return "ug".equals(locale.getLanguage()) && ug.isEmpty();
    }
}
