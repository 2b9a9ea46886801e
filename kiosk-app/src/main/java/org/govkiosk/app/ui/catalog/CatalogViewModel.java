package org.govkiosk.app.ui.catalog;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.govkiosk.app.catalog.Catalog;
import org.govkiosk.app.catalog.CatalogItem;
import org.govkiosk.app.session.SessionScoped;
import org.govkiosk.app.ui.CatalogTexts;

/**
 * The catalog, opened for 办事指南 or for 我要申报: find an item by typing its name or pinyin initials, or browse by
 * department or by life event. Typing searches the whole catalog; choosing a group empties the search. For 办事指南 a
 * chosen item opens its guide; for 我要申报 it opens the application straight away, and the list starts with the
 * items most often applied for at this terminal (常办事项), so the usual errand is one tap from the home screen.
 */
public final class CatalogViewModel implements SessionScoped {

    /** The two ways of browsing. */
    public enum Browse { DEPARTMENT, LIFE_EVENT }

    /** What the citizen came to the catalog for. */
    public enum Purpose { GUIDE, APPLY }

    /** How many 常办事项 the 我要申报 list starts with. */
    static final int FREQUENT = 6;

    private final Catalog catalog;
    private final CatalogTexts texts;
    private final Consumer<CatalogItem> onChoose;
    private final Consumer<CatalogItem> onApply;
    private final java.util.function.Supplier<List<String>> mostApplied;
    private final ReadOnlyObjectWrapper<Purpose> purpose = new ReadOnlyObjectWrapper<>(Purpose.GUIDE);
    private final Map<String, List<CatalogItem>> byDepartment;
    private final Map<String, List<CatalogItem>> byLifeEvent;
    private final StringProperty query = new SimpleStringProperty("");
    private final ObjectProperty<Browse> browse = new SimpleObjectProperty<>(Browse.DEPARTMENT);
    private final ReadOnlyObjectWrapper<List<String>> groups = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyStringWrapper group = new ReadOnlyStringWrapper("");
    private final ObservableList<CatalogItem> results = FXCollections.observableArrayList();
    private final ObservableList<CatalogItem> readOnlyResults = FXCollections.unmodifiableObservableList(results);
    private final ReadOnlyStringWrapper messageKey = new ReadOnlyStringWrapper("");

    /** @param onChoose opens the guide of the chosen item (for either purpose) */
    public CatalogViewModel(Catalog catalog, Consumer<CatalogItem> onChoose) {
        this(catalog, onChoose, onChoose, List::of);
    }

    /**
     * @param onChoose    opens the guide of the chosen item
     * @param onApply     opens the application for the chosen item
     * @param mostApplied item codes, most applied for at this terminal first (recent usage statistics)
     */
    public CatalogViewModel(Catalog catalog, Consumer<CatalogItem> onChoose, Consumer<CatalogItem> onApply,
            java.util.function.Supplier<List<String>> mostApplied) {
        this.catalog = catalog;
        this.texts = CatalogTexts.of(catalog);
        this.onChoose = onChoose;
        this.onApply = onApply;
        this.mostApplied = mostApplied;
        this.byDepartment = catalog.byDepartment();
        this.byLifeEvent = catalog.byLifeEvent();
        query.addListener((obs, old, now) -> update());
        browse.addListener((obs, old, now) -> {
            List<String> names = List.copyOf(groups(now).keySet());
            groups.set(names);
            showGroup(names.isEmpty() ? "" : names.get(0));
        });
        clearSessionData();
    }

    private Map<String, List<CatalogItem>> groups(Browse by) {
        return by == Browse.DEPARTMENT ? byDepartment : byLifeEvent;
    }

    /** Shows the items of one department or life event (of the current way of browsing), ending any search. */
    public void showGroup(String name) {
        group.set(groups(browse.get()).containsKey(name) ? name : "");
        if (!query.get().isEmpty()) {
            query.set("");
        } else {
            update();
        }
    }

    private void update() {
        String q = query.get() == null ? "" : query.get();
        if (!q.isBlank()) {
            results.setAll(catalog.search(q));
            messageKey.set(results.isEmpty() ? "catalog.no-match" : "catalog.found");
        } else if (purpose.get() == Purpose.APPLY && group.get().isEmpty()) {
            results.setAll(frequent());
            messageKey.set("catalog.frequent");
        } else {
            results.setAll(groups(browse.get()).getOrDefault(group.get(), List.of()));
            messageKey.set("");
        }
    }

    /** The items most applied for here, topped up in the catalog's order when the terminal is new. */
    private List<CatalogItem> frequent() {
        java.util.LinkedHashSet<CatalogItem> items = new java.util.LinkedHashSet<>();
        for (String code : mostApplied.get()) {
            catalog.item(code).ifPresent(items::add);
        }
        for (CatalogItem item : catalog.items()) {
            items.add(item);
        }
        return items.stream().limit(FREQUENT).toList();
    }

    /** Opens the catalog for a purpose: 办事指南 on the first department, 我要申报 on the 常办事项. */
    public void open(Purpose forWhat) {
        purpose.set(forWhat);
        query.set("");
        if (browse.get() != Browse.DEPARTMENT) {
            browse.set(Browse.DEPARTMENT); // shows its first group
        }
        List<String> names = groups.get();
        showGroup(forWhat == Purpose.APPLY || names.isEmpty() ? "" : names.get(0));
    }

    public ReadOnlyObjectProperty<Purpose> purposeProperty() {
        return purpose.getReadOnlyProperty();
    }

    /** A key of the on-screen keyboard: a letter or digit is added to the search. */
    public void type(String key) {
        query.set(query.get() + key);
    }

    public void backspace() {
        String q = query.get();
        if (!q.isEmpty()) {
            query.set(q.substring(0, q.offsetByCodePoints(q.length(), -1)));
        }
    }

    public void clearQuery() {
        query.set("");
    }

    public void choose(CatalogItem item) {
        (purpose.get() == Purpose.APPLY ? onApply : onChoose).accept(item);
    }

    /** True while the list shows search results rather than a group. */
    public boolean searching() {
        return !query.get().isBlank();
    }

    @Override
    public void clearSessionData() {
        purpose.set(Purpose.GUIDE);
        query.set("");
        if (browse.get() != Browse.DEPARTMENT) {
            browse.set(Browse.DEPARTMENT);
        } else {
            List<String> names = List.copyOf(byDepartment.keySet());
            groups.set(names);
            showGroup(names.isEmpty() ? "" : names.get(0));
        }
    }

    /** A department or life event (as in {@link #groupsProperty()}) as the screen shows it in {@code locale}. */
    public String groupName(String group, Locale locale) {
        return texts.in(locale, group);
    }

    /** An item's name as the screen shows it in {@code locale}. */
    public String itemName(CatalogItem item, Locale locale) {
        return texts.in(locale, item.name());
    }

    /**
     * The Mongolian (traditional script) of a catalog text, shown vertically beside the Chinese on a bilingual
     * Mongolian screen; empty elsewhere and where the catalog gives none.
     */
    public String mongolian(String zh, Locale locale) {
        return texts.mongolian(locale, zh).orElse("");
    }

    /** An item's (lead) department as the screen shows it in {@code locale}. */
    public String department(CatalogItem item, Locale locale) {
        return texts.in(locale, item.department());
    }

    public StringProperty queryProperty() {
        return query;
    }

    public ObjectProperty<Browse> browseProperty() {
        return browse;
    }

    /** The departments or life events to choose from, in the catalog's order. */
    public ReadOnlyObjectProperty<List<String>> groupsProperty() {
        return groups.getReadOnlyProperty();
    }

    /** The group shown when not searching. */
    public ReadOnlyStringProperty groupProperty() {
        return group.getReadOnlyProperty();
    }

    public ObservableList<CatalogItem> results() {
        return readOnlyResults;
    }

    /** "catalog.found" / "catalog.no-match" while searching, empty while browsing. */
    public ReadOnlyStringProperty messageKeyProperty() {
        return messageKey.getReadOnlyProperty();
    }
}
