package org.govkiosk.app.ui.progress;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.govkiosk.app.journey.ApplicantIdentity;
import org.govkiosk.app.journey.CaseNumbers;
import org.govkiosk.app.journey.CaseProgress;
import org.govkiosk.app.journey.CertificateOutcome;
import org.govkiosk.app.journey.ProgressAnswer;
import org.govkiosk.app.journey.ProgressService;
import org.govkiosk.app.session.CitizenSession;
import org.govkiosk.app.session.SessionScoped;
import org.govkiosk.app.ui.journey.JourneyTexts;
import org.govkiosk.app.ui.CatalogTexts;
import org.govkiosk.app.ui.shell.SessionFx;
import org.govkiosk.device.DeviceEvent;
import org.govkiosk.device.DeviceEventBus;
import org.govkiosk.device.QrScanner;

/**
 * 办件查询: by scanning the receipt's QR code (scanners read only while this screen shows), by a case number typed
 * on the on-screen keypad, or by the ID card in the session. Shows state, promised date and any request for
 * supplements, and prints the certificate of a finished case. Queries run on {@code background}.
 */
public final class ProgressViewModel implements SessionScoped {

    /** Longer than any province's case number: further keys are ignored. */
    static final int MAX_TYPED = 40;

    private final javafx.beans.property.ReadOnlyBooleanWrapper printing =
            new javafx.beans.property.ReadOnlyBooleanWrapper(false);
    private final CatalogTexts catalog;
    private final ProgressService service;
    private final CaseNumbers numbers;
    private final CitizenSession session;
    private final List<QrScanner> scanners;
    private final Executor background;
    private final Executor fxThread;
    private final ReadOnlyStringWrapper typed = new ReadOnlyStringWrapper("");
    private final ObservableList<CaseProgress> results = FXCollections.observableArrayList();
    private final ObjectProperty<CaseProgress> selected = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper messageKey = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper certificateStatusKey = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final BooleanBinding canQueryByCard;
    private volatile boolean active;
    private long generation;

    public ProgressViewModel(ProgressService service, CaseNumbers numbers, CitizenSession session,
            DeviceEventBus bus, List<QrScanner> scanners, Executor background, Executor fxThread) {
        this(service, numbers, session, bus, scanners, background, fxThread, CatalogTexts.NONE);
    }

    /** @param catalog the terminal's catalog, which names the items of the cases found in the UI language */
    public ProgressViewModel(ProgressService service, CaseNumbers numbers, CitizenSession session,
            DeviceEventBus bus, List<QrScanner> scanners, Executor background, Executor fxThread,
            CatalogTexts catalog) {
        this.catalog = catalog;
        this.service = service;
        this.numbers = numbers;
        this.session = session;
        this.scanners = List.copyOf(scanners);
        this.background = background;
        this.fxThread = fxThread;
        this.canQueryByCard = Bindings.createBooleanBinding(() -> identity().isPresent() && !busy.get(),
                SessionFx.property(session.identityProperty()), SessionFx.property(session.smartCardProperty()),
                SessionFx.property(session.licenceProperty()), busy);
        bus.onEvent(this::onDeviceEvent);
        selected.addListener((obs, old, now) -> certificateStatusKey.set(""));
    }

    /**
     * The item of a case found, as the screen names it in {@code locale}: the platform names it in Chinese, so an
     * English screen takes the English name from this terminal's catalog by the item's code.
     */
    public String itemName(CaseProgress found, Locale locale) {
        return catalog.itemName(locale, found.itemCode(), found.itemName());
    }

    /**
     * A clerk's words about a case (what to hand in, why it was refused), which the platform sends in Chinese: on
     * an English screen the catalog's English where the words are the catalog's, else marked as Chinese only.
     */
    public String platformText(String text, Locale locale) {
        return catalog.in(locale, text);
    }

    private void onDeviceEvent(DeviceEvent event) {
        if (active && event instanceof DeviceEvent.QrScanned scanned) {
            Platform.runLater(() -> scanned(scanned.payload()));
        }
    }

    /** Opened by 证明打印 (true) or by 办件查询: the same query under its own title. */
    public void purpose(boolean forPrinting) {
        printing.set(forPrinting);
    }

    public javafx.beans.property.ReadOnlyBooleanProperty printingProperty() {
        return printing.getReadOnlyProperty();
    }

    public void shown() {
        active = true;
        scanners.forEach(s -> s.setReadingEnabled(true));
    }

    public void hidden() {
        active = false;
        scanners.forEach(s -> s.setReadingEnabled(false));
    }

    /** A key of the on-screen keypad. */
    public void key(char c) {
        if (typed.get().length() < MAX_TYPED && (Character.isLetterOrDigit(c) || c == '-')) {
            typed.set(typed.get() + Character.toUpperCase(c));
            messageKey.set("");
        }
    }

    public void backspace() {
        String t = typed.get();
        typed.set(t.isEmpty() ? t : t.substring(0, t.length() - 1));
    }

    public void clearTyped() {
        typed.set("");
    }

    public void queryTyped() {
        Optional<String> number = numbers.typed(typed.get());
        if (number.isEmpty()) {
            messageKey.set("progress.not-a-number");
            return;
        }
        run(() -> service.byNumber(number.get()));
    }

    /** A code scanned while the screen shows (also called by tests and by a keyboard-wedge scan). */
    public void scanned(String payload) {
        if (!active) {
            return;
        }
        Optional<String> number = numbers.scanned(payload);
        if (number.isEmpty()) {
            messageKey.set("progress.not-a-receipt");
            return;
        }
        run(() -> service.byNumber(number.get()));
    }

    public void queryByCard() {
        Optional<ApplicantIdentity> who = identity();
        if (who.isEmpty()) {
            messageKey.set("progress.identify-first");
            return;
        }
        run(() -> service.byApplicant(who.get()));
    }

    private Optional<ApplicantIdentity> identity() {
        return ApplicantIdentity.of(session, null);
    }

    private void run(Supplier<ProgressAnswer> query) {
        if (busy.get()) {
            return;
        }
        long asked = ++generation;
        busy.set(true);
        messageKey.set("progress.querying");
        background.execute(() -> {
            ProgressAnswer answer = query.get();
            fxThread.execute(() -> answered(asked, answer));
        });
    }

    private void answered(long asked, ProgressAnswer answer) {
        if (asked != generation) {
            return;
        }
        busy.set(false);
        if (answer instanceof ProgressAnswer.Found found) {
            results.setAll(found.cases());
            selected.set(found.cases().get(0));
            messageKey.set(found.cases().size() == 1 ? "" : "progress.choose");
        } else {
            results.clear();
            selected.set(null);
            messageKey.set(answer instanceof ProgressAnswer.NotFound ? "progress.not-found"
                    : answer instanceof ProgressAnswer.NotACaseNumber ? "progress.not-a-number"
                    : "progress.unavailable");
        }
    }

    /**
     * Prints the selected case's certificate (自助出证), for its holder only: a receipt scanned or a number typed
     * proves nobody's identity, so the citizen identifies first (ID card, social security card or e-licence), and
     * the platform gives the certificate only when that person is the case's applicant.
     */
    public void printCertificate() {
        CaseProgress c = selected.get();
        if (c == null || !c.printable() || busy.get()) {
            return;
        }
        Optional<ApplicantIdentity> holder = identity();
        if (holder.isEmpty()) {
            certificateStatusKey.set("progress.certificate.identify-first");
            return;
        }
        long asked = generation;
        busy.set(true);
        certificateStatusKey.set("journey.certificate.printing");
        background.execute(() -> {
            CertificateOutcome outcome = service.printCertificate(c.caseNumber(), holder.get());
            fxThread.execute(() -> {
                if (asked == generation) {
                    busy.set(false);
                    certificateStatusKey.set(JourneyTexts.certificateKey(outcome));
                }
            });
        });
    }

    /**
     * Prints the selected refused case's 不予受理通知书 (reason, legal basis, where to appeal), as often as asked:
     * the citizen may have lost the first.
     */
    public void printRefusalNotice() {
        CaseProgress c = selected.get();
        if (c == null || !c.refusalNoticePrintable() || busy.get()) {
            return;
        }
        long asked = generation;
        busy.set(true);
        certificateStatusKey.set("progress.refusal.printing");
        background.execute(() -> {
            org.govkiosk.app.printing.PrintResult printed = service.printRefusalNotice(c);
            fxThread.execute(() -> {
                if (asked == generation) {
                    busy.set(false);
                    certificateStatusKey.set(JourneyTexts.paperKey(
                            org.govkiosk.app.journey.JourneyPaper.Kind.NON_ACCEPTANCE_NOTICE, printed));
                }
            });
        });
    }

    /** Prints the selected returned case's 退回通知 (each reason, what to do next), as often as asked. */
    public void printReturnNotice() {
        CaseProgress c = selected.get();
        if (c == null || !c.returnNoticePrintable() || busy.get()) {
            return;
        }
        long asked = generation;
        busy.set(true);
        certificateStatusKey.set("progress.return.printing");
        background.execute(() -> {
            org.govkiosk.app.printing.PrintResult printed = service.printReturnNotice(c);
            fxThread.execute(() -> {
                if (asked == generation) {
                    busy.set(false);
                    certificateStatusKey.set(JourneyTexts.paperKey(
                            org.govkiosk.app.journey.JourneyPaper.Kind.RETURN_NOTICE, printed));
                }
            });
        });
    }

    /** Prints the selected case's 补正 notice (一次性告知书 of the materials the department asks for), as often as asked. */
    public void printSupplementNotice() {
        CaseProgress c = selected.get();
        if (c == null || !c.supplementNoticePrintable() || busy.get()) {
            return;
        }
        long asked = generation;
        busy.set(true);
        certificateStatusKey.set("progress.supplement-notice.printing");
        var item = catalog.item(c.itemCode());
        background.execute(() -> {
            org.govkiosk.app.printing.PrintResult printed = service.printSupplementNotice(c, item);
            fxThread.execute(() -> {
                if (asked == generation) {
                    busy.set(false);
                    certificateStatusKey.set(printed instanceof org.govkiosk.app.printing.PrintResult.Failed
                            ? "apply.result.print-failed" : "progress.supplement-notice.printed");
                }
            });
        });
    }

    /** The selected case waits for named materials: its 补正 notice can be printed. */
    public BooleanBinding canPrintSupplementNotice() {
        return Bindings.createBooleanBinding(() -> selected.get() != null
                && selected.get().supplementNoticePrintable() && !busy.get(), selected, busy);
    }

    /** Prints the selected case's 容缺受理承诺书 again (deferred materials, deadline, acceptance), as often as asked. */
    public void printCommitment() {
        CaseProgress c = selected.get();
        if (c == null || !c.commitmentPrintable() || busy.get()) {
            return;
        }
        long asked = generation;
        busy.set(true);
        certificateStatusKey.set("progress.commitment.printing");
        background.execute(() -> {
            org.govkiosk.app.printing.PrintResult printed = service.printCommitment(c);
            fxThread.execute(() -> {
                if (asked == generation) {
                    busy.set(false);
                    certificateStatusKey.set(printed instanceof org.govkiosk.app.printing.PrintResult.Failed
                            ? "apply.result.print-failed" : "progress.commitment.printed");
                }
            });
        });
    }

    /** The selected case deferred materials under a commitment the terminal can print again. */
    public BooleanBinding canPrintCommitment() {
        return Bindings.createBooleanBinding(() -> selected.get() != null && selected.get().commitmentPrintable()
                && !busy.get(), selected, busy);
    }

    /** The selected case was returned with reasons the terminal can print as the 退回通知. */
    public BooleanBinding canPrintReturnNotice() {
        return Bindings.createBooleanBinding(() -> selected.get() != null && selected.get().returnNoticePrintable()
                && !busy.get(), selected, busy);
    }

    /** The selected case was refused with a decision the terminal can print as the 不予受理通知书. */
    public BooleanBinding canPrintRefusalNotice() {
        return Bindings.createBooleanBinding(() -> selected.get() != null && selected.get().refusalNoticePrintable()
                && !busy.get(), selected, busy);
    }

    /** The selected case has a certificate to print but nobody is identified here: 核验身份 is offered. */
    public BooleanBinding needsIdentification() {
        return Bindings.createBooleanBinding(() -> selected.get() != null && selected.get().printable()
                && identity().isEmpty(), selected, SessionFx.property(session.identityProperty()),
                SessionFx.property(session.smartCardProperty()), SessionFx.property(session.licenceProperty()));
    }

    /** 重新查询: the answer shown goes, the ways to ask come back. */
    public void newQuery() {
        clearSessionData();
    }

    @Override
    public void clearSessionData() {
        printing.set(false);
        generation++;
        typed.set("");
        results.clear();
        selected.set(null);
        messageKey.set("");
        certificateStatusKey.set("");
        busy.set(false);
    }

    public ReadOnlyStringProperty typedProperty() {
        return typed.getReadOnlyProperty();
    }

    public ObservableList<CaseProgress> results() {
        return results;
    }

    public ObjectProperty<CaseProgress> selectedProperty() {
        return selected;
    }

    public ReadOnlyStringProperty messageKeyProperty() {
        return messageKey.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty certificateStatusKeyProperty() {
        return certificateStatusKey.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public BooleanBinding canQueryByCard() {
        return canQueryByCard;
    }

    /** Whether the selected case is finished and may be rated at this terminal. */
    public BooleanBinding canRate() {
        return javafx.beans.binding.Bindings.createBooleanBinding(
                () -> selectedProperty().get() != null && selectedProperty().get().rateable(), selectedProperty());
    }

    /** The selected case waits for materials and its applicant is identified here: 补交材料 is offered. */
    public BooleanBinding canHandIn() {
        return Bindings.createBooleanBinding(() -> selected.get() != null && selected.get().supplementable()
                && identity().isPresent() && !busy.get(), selected, busy, SessionFx.property(session.identityProperty()),
                SessionFx.property(session.smartCardProperty()), SessionFx.property(session.licenceProperty()));
    }

    public BooleanBinding canPrintCertificate() {
        return Bindings.createBooleanBinding(() -> selected.get() != null && selected.get().printable()
                && !busy.get(), selected, busy);
    }
}
