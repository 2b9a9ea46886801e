package org.govkiosk.app.ui.keyboard;

import javafx.beans.binding.Bindings;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import org.govkiosk.app.i18n.I18n;

/**
 * Year, month and day on large keys: the year stepped by one or ten, the twelve months, and every day of the
 * month on a fixed grid of 31 (days the month lacks are greyed, not removed, so no day moves). The blocks stand in
 * one row where the screen is wide enough, and wrap (清空 and 完成 under the others) where it is not, as on a
 * portrait screen in large type: a key past the screen's edge cannot be tapped.
 */
final class DatePickerView {

    private static final PseudoClass CHOSEN = PseudoClass.getPseudoClass("chosen");
    private static final int DAY_COLUMNS = 8;

    private final FlowPane root = new FlowPane(16, 12);

    DatePickerView(KeyboardViewModel keyboard, I18n i18n) {
        DatePickerViewModel model = keyboard.date();
        root.setId("osk-date");
        root.setAlignment(Pos.CENTER);
        // Wide as its blocks in one row; wrapped only by a narrower screen.
        root.setPrefWrapLength(Double.MAX_VALUE);

        GridPane years = grid();
        years.add(step(model, -1), 0, 0);
        years.add(step(model, 1), 1, 0);
        Label year = new Label();
        year.setId("osk-date-year");
        year.getStyleClass().add("osk-date-year");
        year.textProperty().bind(model.yearProperty().asString());
        years.add(year, 0, 1, 2, 2);
        years.add(step(model, -10), 0, 3);
        years.add(step(model, 10), 1, 3);

        GridPane months = grid();
        for (int m = 1; m <= 12; m++) {
            int month = m;
            Button b = OnScreenKeyboardView.key(String.valueOf(m), "osk-key", () -> model.chooseMonth(month));
            b.setId("osk-date-month-" + m);
            chosenWhen(b, model.monthProperty(), m);
            months.add(b, (m - 1) % 3, (m - 1) / 3);
        }

        GridPane days = grid();
        for (int d = 1; d <= 31; d++) {
            int day = d;
            Button b = OnScreenKeyboardView.key(String.valueOf(d), "osk-key", () -> {
                // The day completes the date: the picker goes, so the form's buttons are in reach again.
                model.chooseDay(day);
                keyboard.done();
            });
            b.setId("osk-date-day-" + d);
            b.disableProperty().bind(model.daysInMonthProperty().lessThan(d));
            chosenWhen(b, model.dayProperty(), d);
            days.add(b, (d - 1) % DAY_COLUMNS, (d - 1) / DAY_COLUMNS);
        }

        Button clear = OnScreenKeyboardView.key("", "osk-wide", keyboard::clear);
        clear.setId("osk-clear");
        clear.textProperty().bind(i18n.bind("keyboard.clear"));
        Button done = OnScreenKeyboardView.key("", "osk-wide", keyboard::done);
        done.setId("osk-done");
        done.getStyleClass().addAll("osk-done", "osk-tall-3");
        done.textProperty().bind(i18n.bind("keyboard.done"));
        GridPane actions = grid();
        actions.add(clear, 0, 0);
        actions.add(done, 0, 1, 1, 3);

        root.getChildren().addAll(titled(i18n, "keyboard.date.year", years), titled(i18n, "keyboard.date.month",
                months), titled(i18n, "keyboard.date.day", days), titled(i18n, null, actions));
    }

    /** A block of keys under its title; {@code key} null for an untitled block, aligned with the others. */
    private static VBox titled(I18n i18n, String key, Node keys) {
        Label title = new Label();
        title.getStyleClass().add("osk-date-title");
        if (key != null) {
            title.textProperty().bind(i18n.bind(key));
        }
        VBox box = new VBox(4, title, keys);
        box.setAlignment(Pos.TOP_CENTER);
        return box;
    }

    private static Button step(DatePickerViewModel model, int years) {
        Button b = OnScreenKeyboardView.key((years > 0 ? "+" : "−") + Math.abs(years), "osk-key",
                () -> model.yearBy(years));
        b.setId("osk-date-year-" + (years > 0 ? "plus-" : "minus-") + Math.abs(years));
        return b;
    }

    private static void chosenWhen(Button b, javafx.beans.value.ObservableIntegerValue value, int mine) {
        b.pseudoClassStateChanged(CHOSEN, value.get() == mine);
        value.addListener((obs, was, now) -> b.pseudoClassStateChanged(CHOSEN, now.intValue() == mine));
    }

    private static GridPane grid() {
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        return grid;
    }

    Node view() {
        return root;
    }
}
