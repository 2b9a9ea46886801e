package org.govkiosk.app.ui.maintenance;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import org.govkiosk.app.i18n.I18n;
import org.govkiosk.app.usage.UsageReport;
import org.govkiosk.app.usage.UsageStatistics;

/** Usage statistics for the hall's managers: today or the last 30 days, as series the charts draw. */
public final class UsageViewModel {

    public enum Span { TODAY, LAST_30_DAYS }

    /** Items shown by name; the rest are summed up as "other" so a bar chart stays readable. */
    static final int TOP_ITEMS = 10;

    private final UsageStatistics statistics;
    private final Function<String, String> itemNames;
    private final I18n i18n;
    private final Executor background;
    private final Executor fx;
    private final ObjectProperty<Span> span = new SimpleObjectProperty<>(Span.TODAY);
    private final ReadOnlyObjectWrapper<UsageReport> report = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");

    /** @param itemNames a service item's name by its code (the catalog), the code itself when unknown */
    public UsageViewModel(UsageStatistics statistics, Function<String, String> itemNames, I18n i18n,
            Executor background, Executor fx) {
        this.statistics = statistics;
        this.itemNames = itemNames;
        this.i18n = i18n;
        this.background = background;
        this.fx = fx;
        span.addListener((obs, was, now) -> refresh());
    }

    public CompletableFuture<Void> refresh() {
        Span wanted = span.get();
        return CompletableFuture.supplyAsync(() -> wanted == Span.TODAY ? statistics.todayReport()
                : statistics.lastDays(30), background).handle((r, e) -> {
                    fx.execute(() -> {
                        if (r != null) {
                            report.set(r);
                            summary.set(i18n.text("maintenance.usage.summary", r.from(), r.to(), r.sessions(),
                                    r.applications(), r.ratings()));
                        } else {
                            summary.set(i18n.text("maintenance.usage.unreadable", String.valueOf(e)));
                        }
                    });
                    return null;
                });
    }

    /** Applications per item, most first, the top {@value #TOP_ITEMS} by name and the rest together. */
    public Map<String, Long> applicationsByItem() {
        UsageReport r = report.get();
        Map<String, Long> out = new LinkedHashMap<>();
        if (r == null) {
            return out;
        }
        var sorted = r.applicationsByItem().entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey())).toList();
        long other = 0;
        for (int i = 0; i < sorted.size(); i++) {
            if (i < TOP_ITEMS) {
                out.merge(itemNames.apply(sorted.get(i).getKey()), sorted.get(i).getValue(), Long::sum);
            } else {
                other += sorted.get(i).getValue();
            }
        }
        if (other > 0) {
            out.put(i18n.text("maintenance.usage.other-items"), other);
        }
        return out;
    }

    /** Ratings per level, 非常满意 first, every level present. */
    public Map<String, Long> ratingsByLevel() {
        UsageReport r = report.get();
        Map<String, Long> out = new LinkedHashMap<>();
        String[] keys = {"maintenance.usage.level-1", "maintenance.usage.level-2", "maintenance.usage.level-3",
            "maintenance.usage.level-4", "maintenance.usage.level-5"};
        for (int level = 5; level >= 1; level--) {
            out.put(i18n.text(keys[level - 1]), r == null ? 0L : r.ratingsByLevel().getOrDefault(level, 0L));
        }
        return out;
    }

    /** Sessions per day (MM-dd), oldest first. */
    public Map<String, Long> sessionsByDay() {
        UsageReport r = report.get();
        Map<String, Long> out = new LinkedHashMap<>();
        if (r != null) {
            r.sessionsByDay().forEach((day, n) -> out.put(String.format("%02d-%02d", day.getMonthValue(),
                    day.getDayOfMonth()), n));
        }
        return out;
    }

    public ObjectProperty<Span> spanProperty() {
        return span;
    }

    public ReadOnlyObjectProperty<UsageReport> reportProperty() {
        return report.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }
}
