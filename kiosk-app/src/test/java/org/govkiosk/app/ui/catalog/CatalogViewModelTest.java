package org.govkiosk.app.ui.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.govkiosk.app.catalog.Catalog;
import org.govkiosk.app.catalog.CatalogItem;
import org.govkiosk.app.catalog.CatalogLoader;
import org.govkiosk.app.catalog.TestCatalog;
import org.govkiosk.app.catalog.Translations;
import org.govkiosk.app.i18n.I18n;
import org.govkiosk.app.testkit.RepoConfig;
import org.govkiosk.app.ui.catalog.CatalogViewModel.Browse;
import org.junit.jupiter.api.Test;

/** The catalog screen's logic, without the UI. */
class CatalogViewModelTest {

    private final List<CatalogItem> chosen = new ArrayList<>();
    private final CatalogViewModel model = new CatalogViewModel(TestCatalog.catalog(), chosen::add);

    private List<String> shown() {
        return model.results().stream().map(CatalogItem::code).toList();
    }

    @Test
    void opensOnTheFirstDepartment() {
        assertThat(model.browseProperty().get()).isEqualTo(Browse.DEPARTMENT);
        assertThat(model.groupsProperty().get()).containsExactly(TestCatalog.HRSS, TestCatalog.FUND, TestCatalog.POLICE);
        assertThat(model.groupProperty().get()).isEqualTo(TestCatalog.HRSS);
        assertThat(shown()).containsExactly("S1", "S2", "X1");
        assertThat(model.messageKeyProperty().get()).isEmpty();
        assertThat(model.searching()).isFalse();
    }

    @Test
    void applyingStartsFromTheItemsMostAppliedForHereAndOpensTheApplicationNotTheGuide() {
        List<CatalogItem> guides = new ArrayList<>();
        List<CatalogItem> applications = new ArrayList<>();
        List<String> mostApplied = new ArrayList<>(List.of("P1", "F2", "NO-SUCH-ITEM"));
        CatalogViewModel apply = new CatalogViewModel(TestCatalog.catalog(), guides::add, applications::add,
                () -> mostApplied);

        apply.open(CatalogViewModel.Purpose.APPLY);
        List<String> frequent = apply.results().stream().map(CatalogItem::code).toList();
        assertThat(frequent).as("most applied first, then the catalog's order").startsWith("P1", "F2")
                .doesNotHaveDuplicates().hasSizeLessThanOrEqualTo(CatalogViewModel.FREQUENT);
        assertThat(apply.messageKeyProperty().get()).isEqualTo("catalog.frequent");
        assertThat(apply.groupProperty().get()).as("no department looks chosen").isEmpty();
        apply.choose(apply.results().get(0));
        assertThat(applications).extracting(CatalogItem::code).containsExactly("P1");
        assertThat(guides).isEmpty();

        apply.open(CatalogViewModel.Purpose.GUIDE);
        assertThat(apply.groupProperty().get()).isEqualTo(TestCatalog.HRSS);
        apply.choose(apply.results().get(0));
        assertThat(guides).hasSize(1);

        apply.open(CatalogViewModel.Purpose.APPLY);
        apply.clearSessionData();
        assertThat(apply.purposeProperty().get()).as("the next citizen starts from the guide")
                .isEqualTo(CatalogViewModel.Purpose.GUIDE);
    }

    @Test
    void typingSearchesTheWholeCatalog() {
        model.queryProperty().set("gjj");

        assertThat(model.searching()).isTrue();
        assertThat(shown()).containsExactly("F2", "F1");
        assertThat(model.messageKeyProperty().get()).isEqualTo("catalog.found");
    }

    @Test
    void noMatchSaysSo() {
        model.queryProperty().set("xyzq");

        assertThat(shown()).isEmpty();
        assertThat(model.messageKeyProperty().get()).isEqualTo("catalog.no-match");
    }

    @Test
    void onScreenKeysTypeAndDelete() {
        model.type("h");
        model.type("j");
        assertThat(model.queryProperty().get()).isEqualTo("hj");
        assertThat(shown()).containsExactly("P1");

        model.backspace();
        assertThat(model.queryProperty().get()).isEqualTo("h");
        model.backspace();
        model.backspace();
        assertThat(model.queryProperty().get()).isEmpty();
        assertThat(shown()).as("back to the group once the search is empty").containsExactly("S1", "S2", "X1");
    }

    @Test
    void backspaceRemovesAWholeCharacter() {
        model.queryProperty().set("公积");
        model.backspace();
        assertThat(model.queryProperty().get()).isEqualTo("公");
    }

    @Test
    void choosingAGroupEndsTheSearch() {
        model.queryProperty().set("gjj");

        model.showGroup(TestCatalog.POLICE);

        assertThat(model.queryProperty().get()).isEmpty();
        assertThat(model.groupProperty().get()).isEqualTo(TestCatalog.POLICE);
        assertThat(shown()).containsExactly("P1", "L1");
        assertThat(model.messageKeyProperty().get()).isEmpty();
    }

    @Test
    void browsesByLifeEvent() {
        model.browseProperty().set(Browse.LIFE_EVENT);

        assertThat(model.groupsProperty().get()).containsExactly("就业", "置业", "退休");
        assertThat(model.groupProperty().get()).isEqualTo("就业");
        assertThat(shown()).containsExactly("S1", "S2");

        model.showGroup("退休");
        assertThat(shown()).containsExactly("S2");
    }

    @Test
    void aGroupOfTheOtherWayOfBrowsingShowsNothing() {
        model.showGroup("退休");

        assertThat(model.groupProperty().get()).isEmpty();
        assertThat(shown()).isEmpty();
    }

    @Test
    void choosingAnItemHandsItOn() {
        model.queryProperty().set("hjzm");

        model.choose(model.results().get(0));

        assertThat(chosen).extracting(CatalogItem::code).containsExactly("P1");
    }

    @Test
    void sessionEndForgetsTheSearchAndTheWayOfBrowsing() {
        model.browseProperty().set(Browse.LIFE_EVENT);
        model.showGroup("置业");
        model.queryProperty().set("社保");

        model.clearSessionData();

        assertThat(model.queryProperty().get()).isEmpty();
        assertThat(model.browseProperty().get()).isEqualTo(Browse.DEPARTMENT);
        assertThat(model.groupProperty().get()).isEqualTo(TestCatalog.HRSS);
        assertThat(shown()).containsExactly("S1", "S2", "X1");
    }

    @Test
    void englishShowsTheCatalogsEnglishNamesAndDepartmentsAndMarksTheRest() {
        Catalog source = TestCatalog.catalog();
        Catalog translated = new Catalog(source.departments(), source.lifeEvents(), source.items(), new Translations(
                Map.of(TestCatalog.HRSS, "Human Resources and Social Security Bureau",
                        "社会保险参保缴费证明打印", "Printing of a social insurance contribution certificate",
                        "就业", "Employment")));
        CatalogViewModel english = new CatalogViewModel(translated, chosen::add);
        CatalogItem s1 = translated.item("S1").orElseThrow();
        CatalogItem s2 = translated.item("S2").orElseThrow();

        assertThat(english.groupsProperty().get()).extracting(g -> english.groupName(g, Locale.ENGLISH))
                .containsExactly("Human Resources and Social Security Bureau", "住房公积金管理中心 (in Chinese only)",
                        "公安局 (in Chinese only)");
        assertThat(english.itemName(s1, Locale.ENGLISH)).isEqualTo("Printing of a social insurance contribution certificate");
        assertThat(english.department(s1, Locale.ENGLISH)).isEqualTo("Human Resources and Social Security Bureau");
        assertThat(english.itemName(s2, Locale.ENGLISH)).isEqualTo("城乡居民基本养老保险参保登记 (in Chinese only)");
        english.browseProperty().set(Browse.LIFE_EVENT);
        assertThat(english.groupName(english.groupProperty().get(), Locale.ENGLISH)).isEqualTo("Employment");

        assertThat(english.itemName(s1, I18n.ZH_CN)).as("Chinese as written").isEqualTo("社会保险参保缴费证明打印");
        assertThat(english.groupName(TestCatalog.HRSS, I18n.ZH_CN)).isEqualTo(TestCatalog.HRSS);
    }

    @Test
    void theShippedCatalogReadsInEnglish() {
        Catalog shipped = CatalogLoader.load(RepoConfig.source());
        CatalogViewModel english = new CatalogViewModel(shipped, chosen::add);

        assertThat(english.groupsProperty().get()).extracting(g -> english.groupName(g, Locale.ENGLISH))
                .contains("Example City Human Resources and Social Security Bureau")
                .allSatisfy(name -> assertThat(name).doesNotContainPattern("\\p{IsHan}"));
        assertThat(english.results()).isNotEmpty().allSatisfy(item -> {
            assertThat(english.itemName(item, Locale.ENGLISH)).doesNotContainPattern("\\p{IsHan}");
            assertThat(english.department(item, Locale.ENGLISH)).doesNotContainPattern("\\p{IsHan}");
        });
    }
}
