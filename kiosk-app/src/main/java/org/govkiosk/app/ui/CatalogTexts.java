package org.govkiosk.app.ui;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.govkiosk.app.catalog.Catalog;
import org.govkiosk.app.catalog.CatalogItem;
import org.govkiosk.app.catalog.LocalizedText;
import org.govkiosk.app.catalog.Translations;
import org.govkiosk.app.i18n.I18n;

/**
 * The catalog's texts as a screen shows them: in Chinese on a Chinese screen; in English (or Uyghur) on an English
 * (or Uyghur) one where the catalog gives it, and otherwise in Chinese marked "(in Chinese only)", so a citizen who
 * chose another language is told, not left to guess, that a text has no translation yet.
 */
public final class CatalogTexts {

    /** No translations and no items: every text is shown in Chinese, marked on a screen in another language. */
    public static final CatalogTexts NONE = new CatalogTexts(Translations.NONE, code -> Optional.empty());

    private final Translations english;
    private final Function<String, Optional<CatalogItem>> items;

    private CatalogTexts(Translations english, Function<String, Optional<CatalogItem>> items) {
        this.english = english;
        this.items = items;
    }

    /** The texts of the whole catalog, and its items by code (for item names that come from the platform). */
    public static CatalogTexts of(Catalog catalog) {
        return new CatalogTexts(catalog.english(), catalog::item);
    }

    /** The texts of one item (its English is the catalog's). */
    public static CatalogTexts of(CatalogItem item) {
        return new CatalogTexts(item.english(), code -> code.equals(item.code()) ? Optional.of(item)
                : Optional.empty());
    }

    /** {@code zh}, a text of the catalog, in {@code locale}. */
    public String in(Locale locale, String zh) {
        if (isChinese(locale)) {
            return zh;
        }
        return english.translation(locale, zh).map(t -> I18n.isRightToLeft(locale) ? I18n.wrappable(t) : t).orElseGet(() -> I18n.format(locale, "catalog.chinese-only", zh));
    }

    /** A short text of the catalog (a form label) in {@code locale}; Chinese marked as such where it lacks one. */
    public static String in(Locale locale, LocalizedText text) {
        return text.chineseOnly(locale) ? I18n.format(locale, "catalog.chinese-only", text.zh())
                : I18n.isRightToLeft(locale) ? I18n.wrappable(text.in(locale)) : text.in(locale);
    }

    public List<String> in(Locale locale, List<String> zh) {
        return zh.stream().map(text -> in(locale, text)).toList();
    }

    /**
     * The name of an item as the platform sent it (in Chinese), in {@code locale}: this catalog's name for the
     * item's code where it has the item, else the platform's words, marked on a screen in another language.
     */
    /** The catalog's item of {@code code}, if this terminal's catalog has it. */
    public Optional<CatalogItem> item(String code) {
        return code == null ? Optional.empty() : items.apply(code);
    }

    public String itemName(Locale locale, String code, String platformName) {
        Optional<CatalogItem> item = code == null ? Optional.empty() : items.apply(code);
        if (item.isPresent() && !isChinese(locale)) {
            return in(locale, item.get().name());
        }
        return platformName == null ? "" : in(locale, platformName);
    }

    /**
     * The Mongolian (traditional script) of {@code zh}, a text of the catalog, shown vertically beside it on a
     * bilingual Mongolian screen; empty on other screens and where the catalog gives none ({@code mn:}).
     */
    public Optional<String> mongolian(Locale locale, String zh) {
        return I18n.isVerticalMongolian(locale) ? english.mongolian(zh) : Optional.empty();
    }

    private static boolean isChinese(Locale locale) {
        // A bilingual Mongolian screen shows the catalog's Chinese, with the Mongolian beside it where there is one.
        return Locale.CHINESE.getLanguage().equals(I18n.horizontal(locale).getLanguage());
    }
}
