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
    /**
     * Applications per item as rows of name, bar and count: item names are long (基本养老保险待遇申领（按月领取养老金）),
     * and as a bar chart's categories they took all its height and left no bars.
     */
    private final VBox items = new VBox(6);
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
        items.setPrefWidth(460);
        Label itemsTitle = Controls.label(i18n, "maintenance.usage.items", "field-label");
        ratings.setId("usage-ratings");
        ratings.titleProperty().bind(i18n.bind("maintenance.usage.ratings"));
        ratings.setAnimated(false);
        model.reportProperty().addListener((obs, was, now) -> redraw());
        HBox charts = new HBox(8, sessions, new VBox(8, itemsTitle, items), ratings);
        root.getChildren().addAll(new HBox(8, today, month), summary, charts);
    }

    private ToggleButton toggle(I18n i18n, String key, UsageViewModel.Span span, ToggleGroup group) {
        ToggleButton b = new ToggleButton();
        b.getStyleClass().add("secondary-button"); // a touch target like the others, 60 px and more
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
        Map<String, Long> counts = model.applicationsByItem();
        long most = counts.values().stream().mapToLong(Long::longValue).max().orElse(1);
        items.getChildren().setAll(counts.entrySet().stream().map(e -> itemRow(e.getKey(), e.getValue(), most))
                .toList());
        ratings.getData().setAll(model.ratingsByLevel().entrySet().stream()
                .map(e -> new PieChart.Data(e.getKey() + " " + e.getValue(), e.getValue())).toList());
    }

    private static Node itemRow(String name, long count, long most) {
        Label label = Controls.wrap(new Label(name));
        label.setPrefWidth(220);
        label.setMinWidth(220);
        javafx.scene.layout.Region bar = new javafx.scene.layout.Region();
        bar.getStyleClass().add("usage-bar");
        double width = Math.max(4, 180.0 * count / Math.max(1, most));
        bar.setMinSize(width, 20);
        bar.setPrefSize(width, 20);
        bar.setMaxSize(width, 20);
        HBox row = new HBox(8, label, bar, Controls.fitText(new Label(Long.toString(count))));
        row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        row.getStyleClass().add("usage-item");
        return row;
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
