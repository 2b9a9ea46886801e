package org.govkiosk.app.ui.maintenance;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.govkiosk.app.i18n.I18n;
import org.govkiosk.app.maintenance.ConfigReload;

/** Config reload: every problem of an invalid directory, or what was applied and what waits for a restart. */
public final class ConfigReloadViewModel {

    private final ConfigReload reload;
    private final I18n i18n;
    private final Executor background;
    private final Executor fx;
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ObservableList<String> problems = FXCollections.observableArrayList();

    public ConfigReloadViewModel(ConfigReload reload, I18n i18n, Executor background, Executor fx) {
        this.reload = reload;
        this.i18n = i18n;
        this.background = background;
        this.fx = fx;
    }

    /** The sections this terminal takes without a restart, for the screen's explanation. */
    public String liveSections() {
        return i18n.text("maintenance.config.live", names(reload.liveSections().stream().sorted().toList()));
    }

    public CompletableFuture<ConfigReload.Result> reload() {
        message.set(i18n.text("maintenance.config.reading"));
        return CompletableFuture.supplyAsync(reload::reload, background).whenComplete((result, e) -> fx.execute(() -> {
            if (result instanceof ConfigReload.Result.Invalid invalid) {
                problems.setAll(invalid.problems());
                message.set(i18n.text("maintenance.config.invalid", invalid.problems().size()));
            } else if (result instanceof ConfigReload.Result.Changed changed) {
                problems.clear();
                String text = i18n.text("maintenance.config.applied", names(changed.applied()));
                if (!changed.needRestart().isEmpty()) {
                    text += " " + i18n.text("maintenance.config.restart", names(changed.needRestart()));
                }
                message.set(text);
            } else if (result != null) {
                problems.clear();
                message.set(i18n.text("maintenance.config.unchanged"));
            } else {
                message.set(i18n.text("maintenance.config.invalid", 1));
                problems.setAll(String.valueOf(e));
            }
        }));
    }

    private static String names(List<ConfigReload.Section> sections) {
        return sections.isEmpty() ? "-" : String.join(", ",
                sections.stream().map(s -> s.name().toLowerCase(Locale.ROOT)).toList());
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ObservableList<String> problems() {
        return problems;
    }
}
