package org.govkiosk.app.ui.maintenance;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.govkiosk.app.i18n.I18n;
import org.govkiosk.app.maintenance.OutboxAdmin;
import org.govkiosk.app.maintenance.OutboxOverview;
import org.govkiosk.app.outbox.EntryKind;
import org.govkiosk.app.outbox.EntryState;

/** The outbox for a technician: depth, oldest age, counts by kind and state, dead letters and their retry. */
public final class OutboxAdminViewModel {

    private final OutboxAdmin admin;
    private final I18n i18n;
    private final Executor background;
    private final Executor fx;
    private final ReadOnlyObjectWrapper<OutboxOverview> overview = new ReadOnlyObjectWrapper<>();
    private final ObservableList<OutboxOverview.DeadLetter> deadLetters = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");

    public OutboxAdminViewModel(OutboxAdmin admin, I18n i18n, Executor background, Executor fx) {
        this.admin = admin;
        this.i18n = i18n;
        this.background = background;
        this.fx = fx;
    }

    /** Reads the outbox off the FX thread (it is a SQLite file) and shows the result on it. */
    public CompletableFuture<Void> refresh() {
        return CompletableFuture.supplyAsync(admin::overview, background).handle((o, e) -> {
            fx.execute(() -> {
                if (o != null) {
                    show(o);
                } else {
                    message.set(i18n.text("maintenance.outbox.unreadable", rootMessage(e)));
                }
            });
            return null;
        });
    }

    private void show(OutboxOverview o) {
        overview.set(o);
        deadLetters.setAll(o.deadLetters());
        summary.set(i18n.text("maintenance.outbox.summary", o.waiting(),
                o.oldestAge().map(a -> a.toMinutes() >= 1 ? a.toMinutes() + " min" : a.toSeconds() + " s").orElse("-"),
                o.deadLetters().size()));
    }

    /** "CASE: pending 2, sent 1, confirmed 30, dead 1" per kind. */
    public String countsLine(EntryKind kind) {
        OutboxOverview o = overview.get();
        if (o == null) {
            return "";
        }
        var c = o.counts().get(kind);
        return i18n.text("maintenance.outbox.counts", kind.name(), c.get(EntryState.PENDING), c.get(EntryState.SENT),
                c.get(EntryState.CONFIRMED), c.get(EntryState.DEAD));
    }

    /** Sends a dead letter again (audited), then shows the outbox as it is now. */
    public CompletableFuture<Void> retry(OutboxOverview.DeadLetter letter) {
        if (letter == null) {
            return CompletableFuture.completedFuture(null);
        }
        return CompletableFuture.supplyAsync(() -> admin.retry(letter.id()), background).handle((moved, e) -> {
            fx.execute(() -> message.set(e != null ? i18n.text("maintenance.outbox.unreadable", rootMessage(e))
                    : moved ? i18n.text("maintenance.outbox.retried", letter.reference())
                    : i18n.text("maintenance.outbox.not-dead", letter.reference())));
            return null;
        }).thenCompose(v -> refresh());
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e instanceof java.util.concurrent.CompletionException && e.getCause() != null ? e.getCause() : e;
        return String.valueOf(t.getMessage());
    }

    public ReadOnlyObjectProperty<OutboxOverview> overviewProperty() {
        return overview.getReadOnlyProperty();
    }

    public ObservableList<OutboxOverview.DeadLetter> deadLetters() {
        return deadLetters;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
