package org.govkiosk.app.ui.guide;

import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.govkiosk.app.catalog.CatalogItem;
import org.govkiosk.app.i18n.I18n;
import org.govkiosk.app.session.SessionScoped;
import org.govkiosk.app.ui.CatalogTexts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service guide (办事指南) of one item: every element in sections, which follow the language switch; printing
 * it on request; and the way on to applying. Which item the citizen looked at is session data.
 */
public final class GuideViewModel implements SessionScoped {

    private static final Logger LOG = LoggerFactory.getLogger(GuideViewModel.class);

    private final I18n i18n;
    private final GuideContent content;
    private final GuidePrinter printer;
    private final Executor fxThread;
    private final Consumer<CatalogItem> onApply;
    private final ReadOnlyObjectWrapper<CatalogItem> item = new ReadOnlyObjectWrapper<>();
    private final ObservableList<GuideSection> sections = FXCollections.observableArrayList();
    private final ObservableList<GuideSection> readOnlySections = FXCollections.unmodifiableObservableList(sections);
    private final ReadOnlyStringWrapper printStatusKey = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper printing = new ReadOnlyBooleanWrapper(false);
    private final BooleanBinding canPrint;
    private final StringBinding title;
    private long shown;

    /**
     * @param printerReady whether a printer can print now (the lead wires it to the printers' status)
     * @param fxThread     where printing results come back ({@code Platform::runLater} in the terminal)
     * @param onApply      goes on to the application of the item shown
     */
    public GuideViewModel(I18n i18n, GuidePrinter printer, ObservableBooleanValue printerReady, Executor fxThread,
            Consumer<CatalogItem> onApply) {
        this.i18n = i18n;
        this.content = new GuideContent(i18n);
        this.printer = printer;
        this.fxThread = fxThread;
        this.onApply = onApply;
        this.canPrint = Bindings.createBooleanBinding(
                () -> item.get() != null && printerReady.get() && !printing.get(), item, printerReady, printing);
        this.title = Bindings.createStringBinding(() -> item.get() == null ? ""
                : CatalogTexts.of(item.get()).in(i18n.locale(), item.get().name()), item, i18n.localeProperty());
        i18n.localeProperty().addListener((obs, old, now) -> refresh());
    }

    /** Shows the guide of {@code shownItem}; a status of an earlier print is no longer about it. */
    public void show(CatalogItem shownItem) {
        item.set(shownItem);
        printStatusKey.set("");
        shown++;
        refresh();
    }

    private void refresh() {
        CatalogItem current = item.get();
        sections.setAll(current == null ? java.util.List.of() : content.sections(current));
    }

    /** The guide as printed: the same sections as on screen, in the language now chosen. */
    public PrintableGuide printable() {
        CatalogItem current = item.get();
        if (current == null) {
            throw new IllegalStateException("no guide shown");
        }
        return new PrintableGuide(current.name(), current.code(), current.department(), content.sections(current));
    }

    /** Prints the guide shown; the status says when it is out or that it could not be printed. */
    public void print() {
        if (!canPrint.get()) {
            return;
        }
        long printed = shown;
        String code = item.get().code();
        printing.set(true);
        printStatusKey.set("guide.print.printing");
        try {
            printer.print(printable()).whenComplete((ok, failure) -> fxThread.execute(() -> printed(printed, code, failure)));
        } catch (RuntimeException e) {
            printed(printed, code, e);
        }
    }

    private void printed(long printedWhileShown, String code, Throwable failure) {
        printing.set(false);
        if (failure != null) {
            LOG.warn("Printing the guide of item {} failed", code, failure);
        }
        if (printedWhileShown == shown) {
            printStatusKey.set(failure == null ? "guide.print.done" : "guide.print.failed");
        }
    }

    public void apply() {
        if (item.get() != null) {
            onApply.accept(item.get());
        }
    }

    @Override
    public void clearSessionData() {
        item.set(null);
        sections.clear();
        printStatusKey.set("");
        shown++;
    }

    /** The name of the item shown, in the UI language (English where the catalog gives it); empty when none is. */
    public StringBinding title() {
        return title;
    }

    public ReadOnlyObjectProperty<CatalogItem> itemProperty() {
        return item.getReadOnlyProperty();
    }

    /** The sections of the guide shown, in the UI language; empty when none is shown. */
    public ObservableList<GuideSection> sections() {
        return readOnlySections;
    }

    public ReadOnlyStringProperty printStatusKeyProperty() {
        return printStatusKey.getReadOnlyProperty();
    }

    public BooleanBinding canPrint() {
        return canPrint;
    }

    public boolean isPrinting() {
        return printing.get();
    }
}
