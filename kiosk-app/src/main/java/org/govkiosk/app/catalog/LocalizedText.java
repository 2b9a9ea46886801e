package org.govkiosk.app.catalog;

import java.util.Locale;
import java.util.Objects;

/** A short text of the catalog in Chinese, with the English the English UI shows (form labels, messages). */
public record LocalizedText(String zh, String en) {

    public LocalizedText {
        Objects.requireNonNull(zh, "zh");
        Objects.requireNonNull(en, "en");
    }

    /** English for an English locale, Chinese for every other. */
    public String in(Locale locale) {
        return Locale.ENGLISH.getLanguage().equals(locale.getLanguage()) ? en : zh;
    }
}
