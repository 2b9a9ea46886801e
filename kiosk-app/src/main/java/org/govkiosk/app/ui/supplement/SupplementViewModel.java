package org.govkiosk.app.ui.supplement;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.govkiosk.api.Attachment;
import org.govkiosk.api.Material;
import org.govkiosk.app.journey.ApplicantIdentity;
import org.govkiosk.app.journey.CaseProgress;
import org.govkiosk.app.journey.SupplementOutcome;
import org.govkiosk.app.journey.SupplementService;
import org.govkiosk.app.printing.PrintResult;
import org.govkiosk.app.ui.journey.MaterialScans;
import org.govkiosk.app.session.CitizenSession;
import org.govkiosk.app.session.SessionScoped;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * 补交材料: lists exactly the materials a case waits for; the citizen declares each one brought (or scanned) and
 * confirms; the declaration is queued and a receipt printed. Only the identified applicant may do it (the
 * platform checks the ID number too). Service calls run on {@code background}.
 */
public final class SupplementViewModel implements SessionScoped {

    private static final Logger LOG = LoggerFactory.getLogger(SupplementViewModel.class);

    /**
     * One material the case waits for, whether the citizen declared it handed in now, and the pages scanned of it.
     * Unticking it drops its pages: they are no longer handed in.
     */
    public static final class Row implements MaterialScans.Target {

        private final Material material;
        private final BooleanProperty brought = new SimpleBooleanProperty(false);
        private final MaterialScans.ScannedPages scans = new MaterialScans.ScannedPages();

        Row(Material material) {
            this.material = material;
            brought.addListener((obs, was, now) -> {
                if (!now) {
                    scans.clear();
                }
            });
        }

        public Material material() {
            return material;
        }

        public BooleanProperty brought() {
            return brought;
        }

        @Override
        public boolean scannable() {
            return true; // what a case waits for is paper the citizen brings; nothing of it is fetched
        }

        @Override
        public MaterialScans.ScannedPages scans() {
            return scans;
        }

        @Override
        public void provided() {
            brought.set(true);
        }
    }

    private final SupplementService service;
    private final MaterialScans scans;
    private final CitizenSession session;
    private final Executor background;
    private final Executor fxThread;
    private final ReadOnlyObjectWrapper<CaseProgress> waiting = new ReadOnlyObjectWrapper<>();
    private final ObservableList<Row> rows = FXCollections.observableArrayList(
            r -> new javafx.beans.Observable[] {r.brought(), r.scans().pages(), r.scans().scanningProperty()});
    private final ReadOnlyObjectWrapper<SupplementOutcome> outcome = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<PrintResult> lastPrint = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper messageKey = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final BooleanBinding canConfirm;
    /** Bumped at every start and wipe: an answer for an earlier citizen is dropped. */
    private long generation;

    public SupplementViewModel(SupplementService service, CitizenSession session, Executor background,
            Executor fxThread) {
        this(service, session, background, fxThread, MaterialScans.none());
    }

    /** @param scans the document camera, for materials the citizen scans here instead of handing in the paper */
    public SupplementViewModel(SupplementService service, CitizenSession session, Executor background,
            Executor fxThread, MaterialScans scans) {
        this.service = service;
        this.scans = scans;
        this.session = session;
        this.background = background;
        this.fxThread = fxThread;
        // Not while a page is being taken: it would come after the declaration went out.
        this.canConfirm = Bindings.createBooleanBinding(() -> !busy.get() && outcome.get() == null
                && rows.stream().anyMatch(r -> r.brought().get())
                && rows.stream().noneMatch(r -> r.scans().scanningProperty().get()), busy, outcome, rows);
    }

    /**
     * Opens the list of what {@code c} waits for.
     *
     * @return false when the case waits for nothing this terminal can take, or nobody is identified
     */
    public boolean start(CaseProgress c) {
        generation++;
        wipe();
        if (c == null || !c.supplementable() || identity().isEmpty()) {
            messageKey.set("supplement.identify-first");
            return false;
        }
        waiting.set(c);
        c.missingMaterials().forEach(m -> rows.add(new Row(m)));
        return true;
    }

    /** Whether "scan" is offered: a document camera is configured and can take a page now. */
    /** The document camera's live picture beside the list of what the case waits for. */
    public org.govkiosk.app.ui.camera.CameraPreviewModel scanPreview() {
        return scans.preview();
    }

    public ObservableBooleanValue scanAvailable() {
        return scans.available();
    }

    /** Takes a page of {@code row} with the document camera; the row then counts as handed in, scanned. */
    public void scan(Row row) {
        if (busy.get() || outcome.get() != null || !rows.contains(row)) {
            return;
        }
        long startedFor = generation;
        scans.scan(row, () -> startedFor == generation && rows.contains(row) && outcome.get() == null,
                () -> rows.stream().flatMap(r -> r.scans().pages().stream()).mapToLong(Attachment::size).sum());
    }

    /** Queues what was declared brought and prints the receipt, off the FX thread. */
    public void confirm() {
        Optional<ApplicantIdentity> who = identity();
        CaseProgress c = waiting.get();
        if (!canConfirm.get() || c == null || who.isEmpty()) {
            return;
        }
        Set<String> brought = rows.stream().filter(r -> r.brought().get()).map(r -> r.material().code())
                .collect(Collectors.toSet());
        Map<String, List<Attachment>> pages = rows.stream()
                .filter(r -> r.brought().get() && !r.scans().pages().isEmpty())
                .collect(Collectors.toMap(r -> r.material().code(), r -> List.copyOf(r.scans().pages())));
        long asked = generation;
        busy.set(true);
        messageKey.set("supplement.handing-in");
        background.execute(() -> {
            try {
                SupplementOutcome done = service.handIn(c, who.get(), brought, pages);
                fxThread.execute(() -> handedIn(asked, done, null));
            } catch (RuntimeException e) {
                fxThread.execute(() -> handedIn(asked, null, e));
            }
        });
    }

    private void handedIn(long asked, SupplementOutcome done, RuntimeException failure) {
        if (asked != generation) {
            return;
        }
        busy.set(false);
        if (failure != null) {
            // Nothing was queued: the citizen must know the materials are NOT recorded.
            LOG.error("Supplement for case {} could not be queued", waiting.get().caseNumber(), failure);
            messageKey.set("supplement.failed");
            return;
        }
        messageKey.set("");
        outcome.set(done);
        lastPrint.set(done.printResult());
    }

    /** Prints the receipt again (after the printer was fixed). */
    public void reprint() {
        SupplementOutcome done = outcome.get();
        if (done == null || busy.get()) {
            return;
        }
        long asked = generation;
        busy.set(true);
        background.execute(() -> {
            PrintResult r = service.reprint(done);
            fxThread.execute(() -> {
                if (asked == generation) {
                    busy.set(false);
                    lastPrint.set(r);
                }
            });
        });
    }

    /** What became of it, as a message key. */
    public static String headlineKey(SupplementOutcome o) {
        if (o.refused()) {
            return "supplement.result.refused";
        }
        if (o.queuedOffline()) {
            return "supplement.result.queued";
        }
        return o.complete() ? "supplement.result.accepted" : "supplement.result.partial";
    }

    private Optional<ApplicantIdentity> identity() {
        return ApplicantIdentity.of(session, null);
    }

    private void wipe() {
        waiting.set(null);
        rows.clear();
        outcome.set(null);
        lastPrint.set(null);
        messageKey.set("");
        busy.set(false);
    }

    @Override
    public void clearSessionData() {
        generation++;
        wipe();
    }

    public ReadOnlyObjectProperty<CaseProgress> waitingProperty() {
        return waiting.getReadOnlyProperty();
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    public ReadOnlyObjectProperty<SupplementOutcome> outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<PrintResult> lastPrintProperty() {
        return lastPrint.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageKeyProperty() {
        return messageKey.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public BooleanBinding canConfirm() {
        return canConfirm;
    }

    public BooleanBinding canReprint() {
        return Bindings.createBooleanBinding(() -> !busy.get() && lastPrint.get() instanceof PrintResult.Failed f
                && f.retryable(), busy, lastPrint);
    }
}
