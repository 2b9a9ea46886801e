package org.govkiosk.app.ui.catalog;

import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.govkiosk.app.catalog.CatalogItem;
import org.govkiosk.app.i18n.I18n;
import org.govkiosk.app.ui.Screen;
import org.govkiosk.app.ui.keyboard.KeyboardLayout;
import org.govkiosk.app.ui.guide.GuideContent;
import org.govkiosk.app.ui.shell.Controls;
import org.govkiosk.app.ui.shell.RightToLeftLines;

/**
 * 办事指南 and 我要申报 (the title says which): a search box with an on-screen keyboard for pinyin initials (a kiosk has no keyboard, and initials are
 * what people type), ways to browse by department or life event, and the items found as large touch rows.
 */
public final class CatalogView implements Screen {

    private static final List<String> KEY_ROWS = List.of("1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm");

    private final VBox root = new VBox(16);
    private final CatalogViewModel model;
    private final I18n i18n;
    private final VBox groupList = new VBox(8);
    private final VBox resultList = new VBox(8);
    private final ToggleGroup groupToggles = new ToggleGroup();

    public CatalogView(CatalogViewModel model, I18n i18n) {
        this.model = model;
        this.i18n = i18n;
        root.setId("catalog");
        root.getStyleClass().add("screen");
        root.getStylesheets().add(CatalogView.class.getResource("catalog-view.css").toExternalForm());
        root.setAlignment(Pos.TOP_CENTER);

        // The search has its own letter keys on this screen (initials such as "gjj"): no keyboard over them.
        TextField search = KeyboardLayout.set(new TextField(), KeyboardLayout.NONE);
        search.setId("catalog-search");
        search.textProperty().bindBidirectional(model.queryProperty());
        search.promptTextProperty().bind(i18n.bind("catalog.search.prompt"));
        HBox.setHgrow(search, Priority.ALWAYS);
        Button backspace = Controls.button(i18n, "catalog.search.backspace", "secondary-button", model::backspace);
        backspace.setId("catalog-backspace");
        Button clear = Controls.button(i18n, "catalog.search.clear", "secondary-button", model::clearQuery);
        clear.setId("catalog-clear");
        HBox searchRow = new HBox(12, Controls.label(i18n, "catalog.search", "field-label"), search, backspace, clear);
        searchRow.setAlignment(Pos.CENTER_LEFT);

        HBox body = new HBox(24, browsePane(), resultPane());
        VBox.setVgrow(body, Priority.ALWAYS);
        Label title = new Label();
        title.setId("catalog-title");
        title.getStyleClass().add("title");
        title.textProperty().bind(i18n.bindKey(Bindings.createStringBinding(() ->
                model.purposeProperty().get() == CatalogViewModel.Purpose.APPLY ? "catalog.title.apply"
                        : "catalog.title", model.purposeProperty())));
        Controls.mongolian(title, Bindings.createStringBinding(() -> I18n.isVerticalMongolian(i18n.locale())
                ? I18n.mongolian(model.purposeProperty().get() == CatalogViewModel.Purpose.APPLY
                        ? "catalog.title.apply" : "catalog.title") : "", model.purposeProperty(),
                i18n.localeProperty()), 0.7, 6);
        // The letter keys come when the citizen taps the search box (or has typed): until then the lists have the
        // room, which large type needs on a 1280×1024 screen.
        Node keys = keyboard();
        javafx.beans.property.BooleanProperty searching = new javafx.beans.property.SimpleBooleanProperty(false);
        search.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_PRESSED, e -> searching.set(true));
        search.addEventFilter(javafx.scene.input.TouchEvent.TOUCH_PRESSED, e -> searching.set(true));
        keys.visibleProperty().bind(searching.or(model.queryProperty().isNotEmpty()));
        // Each visit starts with the lists: the keys of an earlier search are not left standing.
        root.sceneProperty().addListener((obs, was, now) -> searching.set(false));
        keys.managedProperty().bind(keys.visibleProperty());
        root.getChildren().addAll(title, searchRow, keys, body);

        model.groupsProperty().addListener((obs, old, now) -> showGroups(now));
        model.groupProperty().addListener((obs, old, now) -> selectGroup(now));
        // While searching, the list is not the group's: no group looks chosen.
        model.queryProperty().addListener((obs, old, now) -> selectGroup(model.groupProperty().get()));
        model.results().addListener((ListChangeListener<CatalogItem>) c -> showResults());
        showGroups(model.groupsProperty().get());
        showResults();
    }

    private Node keyboard() {
        VBox rows = new VBox(6);
        rows.setId("catalog-keyboard");
        rows.setAlignment(Pos.CENTER);
        for (String row : KEY_ROWS) {
            HBox keys = new HBox(6);
            keys.setAlignment(Pos.CENTER);
            for (char c : row.toCharArray()) {
                String key = String.valueOf(c);
                Button b = new Button(key.toUpperCase(java.util.Locale.ROOT));
                b.setId("catalog-key-" + key);
                b.getStyleClass().add("catalog-key");
                b.setFocusTraversable(false);
                b.setOnAction(e -> model.type(key));
                keys.getChildren().add(b);
            }
            rows.getChildren().add(keys);
        }
        return rows;
    }

    private Node browsePane() {
        ToggleGroup ways = new ToggleGroup();
        ToggleButton byDepartment = toggle("catalog.by-department", "catalog-by-department", ways);
        ToggleButton byLifeEvent = toggle("catalog.by-life-event", "catalog-by-life-event", ways);
        byDepartment.setOnAction(e -> model.browseProperty().set(CatalogViewModel.Browse.DEPARTMENT));
        byLifeEvent.setOnAction(e -> model.browseProperty().set(CatalogViewModel.Browse.LIFE_EVENT));
        Runnable mark = () -> (model.browseProperty().get() == CatalogViewModel.Browse.DEPARTMENT
                ? byDepartment : byLifeEvent).setSelected(true);
        model.browseProperty().addListener((obs, old, now) -> mark.run());
        mark.run();
        // A toggle group lets a second tap unselect; the way of browsing always stays chosen.
        ways.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                mark.run();
            }
        });
        // One above the other, each the pane's width: side by side, large type broke "department" mid-word.
        VBox tabs = new VBox(8, byDepartment, byLifeEvent);
        for (ToggleButton t : List.of(byDepartment, byLifeEvent)) {
            t.setMaxWidth(Double.MAX_VALUE);
            Controls.wrap(t);
        }
        ScrollPane groups = new ScrollPane(groupList);
        groups.setFitToWidth(true);
        groups.setId("catalog-groups");
        VBox.setVgrow(groups, Priority.ALWAYS);
        VBox pane = new VBox(12, tabs, groups);
        pane.getStyleClass().add("catalog-browse");
        return pane;
    }

    private ToggleButton toggle(String key, String id, ToggleGroup group) {
        ToggleButton t = new ToggleButton();
        t.textProperty().bind(i18n.bind(key));
        t.getStyleClass().add("catalog-tab");
        t.setId(id);
        t.setToggleGroup(group);
        return t;
    }

    private Node resultPane() {
        Label message = new Label();
        message.setId("catalog-message");
        message.getStyleClass().add("subtitle");
        Controls.wrap(message); // a department's English name is long
        message.textProperty().bind(Bindings.createStringBinding(() -> model.messageKeyProperty().get().isEmpty()
                ? groupName(model.groupProperty().get())
                : i18n.text(model.messageKeyProperty().get(), model.results().size()),
                model.messageKeyProperty(), model.groupProperty(), model.results(), i18n.localeProperty()));
        ScrollPane results = new ScrollPane(resultList);
        results.setFitToWidth(true);
        results.setId("catalog-results");
        VBox.setVgrow(results, Priority.ALWAYS);
        VBox pane = new VBox(12, message, results);
        HBox.setHgrow(pane, Priority.ALWAYS);
        return pane;
    }

    private void showGroups(List<String> names) {
        groupList.getChildren().clear();
        groupToggles.getToggles().clear();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            ToggleButton b = new ToggleButton();
            b.textProperty().bind(Bindings.createStringBinding(() -> groupName(name), i18n.localeProperty()));
            // Long columns, smaller: the list is narrow and the Chinese beside them needs its room.
            Controls.mongolian(b, Bindings.createStringBinding(() -> model.mongolian(name, i18n.locale()),
                    i18n.localeProperty()), 0.75, 14);
            b.setUserData(name);
            b.setId("catalog-group-" + i);
            b.getStyleClass().add("catalog-group");
            Controls.wrap(b);
            b.setMaxWidth(Double.MAX_VALUE);
            b.setToggleGroup(groupToggles);
            b.setOnAction(e -> {
                model.showGroup(name);
                selectGroup(model.groupProperty().get());
            });
            groupList.getChildren().add(b);
        }
        selectGroup(model.groupProperty().get());
    }

    private void selectGroup(String name) {
        for (var toggle : groupToggles.getToggles()) {
            ToggleButton b = (ToggleButton) toggle;
            b.setSelected(!model.searching() && name.equals(b.getUserData()));
        }
    }

    private void showResults() {
        resultList.getChildren().clear();
        for (CatalogItem item : model.results()) {
            Button row = new Button();
            row.setId("catalog-result-" + item.code());
            row.getStyleClass().add("catalog-row");
            // The row grows with its lines; on a Uyghur screen a Chinese-only name is broken into lines here
            // (JavaFX lays such a line out wider than the row and cuts it, see RightToLeftLines).
            RightToLeftLines.bind(row, Bindings.createStringBinding(() -> model.itemName(item, i18n.locale()) + "\n"
                    + model.department(item, i18n.locale()) + " · " + i18n.text(GuideContent.kindKey(item.caseKind())),
                    i18n.localeProperty()));
            // The item's name in Mongolian, vertical, left of the Chinese name and department on a Mongolian screen.
            Controls.mongolian(row, Bindings.createStringBinding(() -> model.mongolian(item.name(), i18n.locale()),
                    i18n.localeProperty()), 0.85, 11);
            row.setOnAction(e -> model.choose(item));
            resultList.getChildren().add(row);
        }
    }

    private String groupName(String group) {
        return group.isEmpty() ? "" : model.groupName(group, i18n.locale());
    }

    @Override
    public Node view() {
        return root;
    }
}
