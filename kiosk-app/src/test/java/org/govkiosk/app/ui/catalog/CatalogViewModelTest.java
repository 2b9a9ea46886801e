package org.govkiosk.app.ui.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.govkiosk.app.catalog.CatalogItem;
import org.govkiosk.app.catalog.TestCatalog;
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
}
