package org.govkiosk.app.ui.maintenance;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.govkiosk.app.i18n.I18n;
import org.govkiosk.app.maintenance.LogExport;
import org.govkiosk.app.maintenance.RemovableMedia;

/** Log export: the mounted media to choose from, and one button that writes the zip to the chosen one. */
public final class LogExportViewModel {

    private final RemovableMedia media;
    private final LogExport export;
    private final I18n i18n;
    private final Executor background;
    private final Executor fx;
    private final ObservableList<Path> mounted = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);

    public LogExportViewModel(RemovableMedia media, LogExport export, I18n i18n, Executor background, Executor fx) {
        this.media = media;
        this.export = export;
        this.i18n = i18n;
        this.background = background;
        this.fx = fx;
    }

    /** Looks for media again (a stick was just plugged in). */
    public CompletableFuture<Void> refresh() {
        return CompletableFuture.supplyAsync(media::mounted, background).thenAccept(found -> fx.execute(() -> {
            mounted.setAll(found);
            message.set(found.isEmpty() ? i18n.text("maintenance.export.no-medium",
                    media.roots().stream().map(Path::toString).toList().toString()) : "");
        }));
    }

    public CompletableFuture<Void> exportTo(Path medium) {
        if (medium == null) {
            message.set(i18n.text("maintenance.export.no-medium",
                    media.roots().stream().map(Path::toString).toList().toString()));
            return CompletableFuture.completedFuture(null);
        }
        if (busy.get()) {
            return CompletableFuture.completedFuture(null);
        }
        busy.set(true);
        message.set(i18n.text("maintenance.export.running", medium));
        return CompletableFuture.supplyAsync(() -> export.exportTo(medium), background).handle((result, e) -> {
            fx.execute(() -> {
                busy.set(false);
                if (result instanceof LogExport.Result.Exported ok) {
                    message.set(i18n.text("maintenance.export.done", ok.zip(), ok.files()));
                } else if (result instanceof LogExport.Result.Failed failed) {
                    message.set(i18n.text(failed.messageKey(), failed.detail()));
                } else {
                    message.set(i18n.text("maintenance.export.failed", String.valueOf(e)));
                }
            });
            return null;
        });
    }

    public ObservableList<Path> mounted() {
        return mounted;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
