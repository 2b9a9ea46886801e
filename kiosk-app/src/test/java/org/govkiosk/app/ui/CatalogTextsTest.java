package org.govkiosk.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.govkiosk.app.catalog.Catalog;
import org.govkiosk.app.catalog.TestCatalog;
import org.govkiosk.app.catalog.Translations;
import org.govkiosk.app.i18n.I18n;
import org.junit.jupiter.api.Test;

/** The catalog's words on screen: English where the catalog has it, Chinese marked as such where it has not. */
class CatalogTextsTest {

    private final Catalog source = TestCatalog.catalog();
    private final CatalogTexts texts = CatalogTexts.of(new Catalog(source.departments(), source.lifeEvents(),
            source.items(), new Translations(Map.of("住房公积金提取", "Housing provident fund withdrawal",
                    TestCatalog.FUND, "Housing Provident Fund Management Center"))));

    @Test
    void chineseScreensShowTheCatalogAsWritten() {
        assertThat(texts.in(I18n.ZH_CN, "住房公积金提取")).isEqualTo("住房公积金提取");
        assertThat(texts.in(I18n.ZH_CN, "户籍证明开具")).isEqualTo("户籍证明开具");
    }

    @Test
    void englishScreensShowTheEnglishOrSayTheTextIsInChineseOnly() {
        assertThat(texts.in(Locale.ENGLISH, List.of("住房公积金提取", TestCatalog.FUND, "户籍证明开具")))
                .containsExactly("Housing provident fund withdrawal", "Housing Provident Fund Management Center",
                        "户籍证明开具 (in Chinese only)");
    }

    @Test
    void anItemThePlatformNamesInChineseIsNamedFromTheCatalogByItsCode() {
        assertThat(texts.itemName(Locale.ENGLISH, "F1", "住房公积金提取（平台名称）"))
                .isEqualTo("Housing provident fund withdrawal");
        assertThat(texts.itemName(I18n.ZH_CN, "F1", "住房公积金提取（平台名称）"))
                .as("a Chinese screen shows what the platform says").isEqualTo("住房公积金提取（平台名称）");
        assertThat(texts.itemName(Locale.ENGLISH, "P1", "户籍证明开具")).as("in the catalog, not translated")
                .isEqualTo("户籍证明开具 (in Chinese only)");
        assertThat(texts.itemName(Locale.ENGLISH, "NOT-HERE", "其他大厅的事项")).as("not in this catalog")
                .isEqualTo("其他大厅的事项 (in Chinese only)");
        assertThat(CatalogTexts.NONE.itemName(Locale.ENGLISH, null, null)).isEmpty();
    }

    @Test
    void uyghurScreensShowTheUyghurOrSayTheTextIsInChineseOnly() {
        CatalogTexts both = CatalogTexts.of(new Catalog(source.departments(), source.lifeEvents(), source.items(),
                new Translations(Map.of("住房公积金提取", "Housing provident fund withdrawal"),
                        Map.of("住房公积金提取", "تۇرالغۇ جامغۇرمىسىنى ئېلىش"))));
        assertThat(both.in(I18n.UG_CN, List.of("住房公积金提取", "户籍证明开具")))
                .extracting(t -> t.replace("\u200E", "")) // the marks that let JavaFX wrap (I18n.wrappable)
                .containsExactly("تۇرالغۇ جامغۇرمىسىنى ئېلىش", "户籍证明开具 (خەنزۇچىلا\u00A0بار)");
        assertThat(both.in(Locale.ENGLISH, "住房公积金提取")).isEqualTo("Housing provident fund withdrawal");
        assertThat(CatalogTexts.in(I18n.UG_CN, new org.govkiosk.app.catalog.LocalizedText("退休日期", "Retired on"))
                .replace("\u200E", "")).isEqualTo("退休日期 (خەنزۇچىلا\u00A0بار)");
        assertThat(CatalogTexts.in(I18n.UG_CN, new org.govkiosk.app.catalog.LocalizedText("退休日期", "Retired on",
                java.util.Optional.of("پىنسىيەگە چىققان چېسلا"))).replace("\u200E", ""))
                .isEqualTo("پىنسىيەگە چىققان چېسلا");
    }

    /** A bilingual Mongolian screen shows the Chinese, and the Mongolian (vertical, beside it) where the catalog has it. */
    @Test
    void mongolianScreensShowTheChineseWithTheMongolianBesideIt() {
        CatalogTexts both = CatalogTexts.of(new Catalog(source.departments(), source.lifeEvents(), source.items(),
                new Translations(Map.of("住房公积金提取", "Housing provident fund withdrawal"), Map.of(),
                        Map.of("住房公积金提取", "ᠣᠷᠣᠨ ᠰᠠᠭᠤᠴᠠ ᠶᠢᠨ ᠬᠠᠳᠠᠭᠠᠯᠠᠮᠵᠢ ᠠᠪᠬᠤ"))));
        assertThat(both.in(I18n.MN_CN, List.of("住房公积金提取", "户籍证明开具")))
                .as("the horizontal half is the Chinese, never marked as untranslated")
                .containsExactly("住房公积金提取", "户籍证明开具");
        assertThat(both.mongolian(I18n.MN_CN, "住房公积金提取")).contains("ᠣᠷᠣᠨ ᠰᠠᠭᠤᠴᠠ ᠶᠢᠨ ᠬᠠᠳᠠᠭᠠᠯᠠᠮᠵᠢ ᠠᠪᠬᠤ");
        assertThat(both.mongolian(I18n.MN_CN, "户籍证明开具")).as("no mn: in the catalog").isEmpty();
        assertThat(both.mongolian(I18n.ZH_CN, "住房公积金提取")).as("only on a Mongolian screen").isEmpty();
    }
}
