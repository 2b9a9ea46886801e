package org.govkiosk.app.ui.maintenance;

import org.govkiosk.app.ui.shell.Controls;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.PieChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.govkiosk.app.i18n.I18n;

/** Usage charts: sessions per day, applications per item (bars), ratings by level (pie). */
final class UsageView {

    private final VBox root = new VBox(10);
    private final UsageViewModel model;
    private final BarChart<String, Number> sessions = bars();
    private final BarChart<String, Number> items = bars();
    private final PieChart ratings = new PieChart();

    UsageView(UsageViewModel model, I18n i18n) {
        this.model = model;
        ToggleGroup spans = new ToggleGroup();
        ToggleButton today = toggle(i18n, "maintenance.usage.today", UsageViewModel.Span.TODAY, spans);
        today.setId("usage-today");
        ToggleButton month = toggle(i18n, "maintenance.usage.last-30", UsageViewModel.Span.LAST_30_DAYS, spans);
        month.setId("usage-30");
        today.setSelected(true);
        Label summary = new Label();
        summary.setId("usage-summary");
        summary.textProperty().bind(model.summaryProperty());
        sessions.setId("usage-sessions");
        sessions.titleProperty().bind(i18n.bind("maintenance.usage.sessions"));
        items.setId("usage-items");
        items.titleProperty().bind(i18n.bind("maintenance.usage.items"));
        ratings.setId("usage-ratings");
        ratings.titleProperty().bind(i18n.bind("maintenance.usage.ratings"));
        ratings.setAnimated(false);
        model.reportProperty().addListener((obs, was, now) -> redraw());
        HBox charts = new HBox(8, sessions, items, ratings);
        root.getChildren().addAll(new HBox(8, today, month), summary, charts);
    }

    private ToggleButton toggle(I18n i18n, String key, UsageViewModel.Span span, ToggleGroup group) {
        ToggleButton b = new ToggleButton();
        Controls.fitText(b);
        b.textProperty().bind(i18n.bind(key));
        b.setToggleGroup(group);
        b.setOnAction(e -> {
            b.setSelected(true); // one of the two is always chosen
            model.spanProperty().set(span);
        });
        return b;
    }

    private static BarChart<String, Number> bars() {
        BarChart<String, Number> chart = new BarChart<>(new CategoryAxis(), new NumberAxis());
        chart.setAnimated(false);
        chart.setLegendVisible(false);
        chart.setPrefWidth(420);
        return chart;
    }

    private void redraw() {
        sessions.getData().setAll(series(model.sessionsByDay()));
        items.getData().setAll(series(model.applicationsByItem()));
        ratings.getData().setAll(model.ratingsByLevel().entrySet().stream()
                .map(e -> new PieChart.Data(e.getKey() + " " + e.getValue(), e.getValue())).toList());
    }

    private static XYChart.Series<String, Number> series(Map<String, Long> values) {
        XYChart.Series<String, Number> s = new XYChart.Series<>();
        values.forEach((k, v) -> s.getData().add(new XYChart.Data<>(k, v)));
        return s;
    }

    Node view() {
        return root;
    }
}
