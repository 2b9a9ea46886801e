package org.govkiosk.app.ui.apply;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
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
import javafx.beans.value.ObservableStringValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.govkiosk.app.catalog.CatalogItem;
import org.govkiosk.app.catalog.FormField;
import org.govkiosk.app.journey.ApplicantIdentity;
import org.govkiosk.app.journey.ApplicationOutcome;
import org.govkiosk.app.journey.ApplicationRequest;
import org.govkiosk.app.journey.ApplicationService;
import org.govkiosk.app.journey.CertificateOutcome;
import org.govkiosk.app.journey.FieldProblem;
import org.govkiosk.app.journey.InvalidApplicationException;
import org.govkiosk.app.journey.MaterialChoice;
import org.govkiosk.app.journey.ProgressService;
import org.govkiosk.app.journey.ResultReadiness;
import org.govkiosk.app.journey.SubmissionKeys;
import org.govkiosk.app.printing.PrintResult;
import org.govkiosk.app.session.CitizenSession;
import org.govkiosk.app.session.SessionScoped;
import org.govkiosk.app.ui.journey.JourneyTexts;
import org.govkiosk.app.ui.journey.MaterialScans;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The application journey of one item across its screens: the form (identity fields filled from the card and
 * locked), the materials checklist, the confirmation and the result. Service calls run on {@code background}
 * and come back on {@code fxThread}. Everything here is the citizen's and is wiped at the session's end.
 */
public final class ApplyViewModel implements SessionScoped {

    private static final Logger LOG = LoggerFactory.getLogger(ApplyViewModel.class);
    /** How long the result screen asks for a 即办件's result before saying it can be printed later. */
    static final java.time.Duration RESULT_WAIT = java.time.Duration.ofSeconds(15);

    /** One line of the confirmation: the field's label and the value as the screen may show it. */
    public record SummaryLine(FormField field, String shown) {

        /** {@link #shown()} as a screen in {@code locale} says it (see {@link FieldInput#shownIn}). */
        public String shownIn(java.util.Locale locale) {
            return FieldInput.inLocale(shown, locale);
        }
    }

    private final ApplicationService service;
    private final MaterialScans scans;
    private final ProgressService progress;
    private final CitizenSession session;
    private final ObservableStringValue phone;
    private final Executor background;
    private final Executor fxThread;
    private final ReadOnlyObjectWrapper<CatalogItem> item = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper applicant = new ReadOnlyStringWrapper("");
    private final ObservableList<FieldInput> fields = FXCollections.observableArrayList();
    private final ObservableList<MaterialInput> materials = FXCollections.observableArrayList();
    private final BooleanProperty commitment = new SimpleBooleanProperty(false);
    /** The citizen declined the platform's SMS notices of this case (ticked on the confirmation screen). */
    private final BooleanProperty smsOptOut = new SimpleBooleanProperty(false);
    private final MailDelivery delivery = new MailDelivery();
    private final ReadOnlyBooleanWrapper commitmentNeeded = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper commitmentErrorKey = new ReadOnlyStringWrapper("");
    /** 容缺: what the citizen commits to with the current choices (empty when nothing is deferred). */
    private final ReadOnlyObjectWrapper<org.govkiosk.app.journey.DeferralTerms> deferralTerms =
            new ReadOnlyObjectWrapper<>();
    /** The commitment as the screen shows it, in the citizen's language: what an acceptance records. */
    private final javafx.beans.property.StringProperty commitmentText =
            new javafx.beans.property.SimpleStringProperty("");
    /** The citizen's explicit acceptance (text and time), taken when the commitment is ticked; null otherwise. */
    private org.govkiosk.app.journey.CommitmentAcceptance acceptance;
    private final ReadOnlyStringWrapper messageKey = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<ApplicationOutcome> outcome = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<PrintResult> lastPrint = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper certificateStatusKey = new ReadOnlyStringWrapper("");
    /** A 即办件's result the platform has issued: "print the result" is offered only then. */
    private final ReadOnlyBooleanWrapper resultReady = new ReadOnlyBooleanWrapper(false);
    private ApplicantIdentity identity;
    /** The idempotency key of the case this journey files, made when it starts: one journey, one case. */
    private String submissionKey;
    private final SubmissionKeys keys;
    /** Bumped at every start and wipe: an answer for an earlier journey is dropped, not shown to this one. */
    private long journey;

    /**
     * @param phone      the phone number given at identification (prefills contact.phone fields)
     * @param background where service calls run (they block on the network and the printers)
     * @param fxThread   where their results come back ({@code Platform::runLater} in the terminal)
     */
    public ApplyViewModel(ApplicationService service, ProgressService progress, CitizenSession session,
            ObservableStringValue phone, Executor background, Executor fxThread) {
        this(service, progress, session, phone, background, fxThread, MaterialScans.none());
    }

    /** @param scans the document camera, for materials the citizen has on paper */
    public ApplyViewModel(ApplicationService service, ProgressService progress, CitizenSession session,
            ObservableStringValue phone, Executor background, Executor fxThread, MaterialScans scans) {
        this(service, progress, session, phone, background, fxThread, scans, SubmissionKeys.perJourney());
    }

    /** @param keys what an application is filed under: the terminal's keys one case per person, item and day */
    public ApplyViewModel(ApplicationService service, ProgressService progress, CitizenSession session,
            ObservableStringValue phone, Executor background, Executor fxThread, MaterialScans scans,
            SubmissionKeys keys) {
        this.keys = keys;
        this.scans = scans;
        this.service = service;
        this.progress = progress;
        this.session = session;
        this.phone = phone;
        this.background = background;
        this.fxThread = fxThread;
        commitment.addListener((obs, old, now) -> {
            commitmentErrorKey.set("");
            acceptance = now && commitmentText.get() != null && !commitmentText.get().isBlank()
                    ? new org.govkiosk.app.journey.CommitmentAcceptance(commitmentText.get(), service.now()) : null;
        });
    }

    /**
     * Starts applying for {@code applyFor} with the identity in the session.
     *
     * @return false when nobody is identified with a card that carries an ID number: identify first
     */
    public boolean start(CatalogItem applyFor) {
        journey++;
        Optional<ApplicantIdentity> who = identity();
        wipe();
        if (who.isEmpty()) {
            messageKey.set("apply.identify-first");
            return false;
        }
        identity = who.get();
        submissionKey = keys.forApplication(identity.idNumber(), applyFor.code());
        item.set(applyFor);
        applicant.set(identity.maskedName() + "  " + identity.maskedIdNumber());
        for (FormField f : applyFor.form()) {
            Optional<String> known = f.prefill().flatMap(identity::prefill);
            boolean locked = f.prefill().filter(identity::locks).isPresent();
            fields.add(new FieldInput(f, known.orElse(""), locked));
        }
        delivery.offerPhone(phone.get());
        for (var m : applyFor.materials()) {
            MaterialInput input = new MaterialInput(m);
            input.choiceProperty().addListener((obs, old, now) -> updateCommitmentNeeded());
            materials.add(input);
        }
        updateCommitmentNeeded();
        return true;
    }

    private Optional<ApplicantIdentity> identity() {
        return ApplicantIdentity.of(session, phone.get());
    }

    private void updateCommitmentNeeded() {
        commitmentNeeded.set(materials.stream().anyMatch(m -> m.choiceProperty().get() == MaterialChoice.DEFERRED));
        var terms = item.get() == null ? null : service.deferralTerms(item.get(),
                materials.stream().map(MaterialInput::declaration).toList()).orElse(null);
        if (!java.util.Objects.equals(terms, deferralTerms.get())) {
            // Other materials deferred, another deadline: what was accepted is not what is asked now.
            commitment.set(false);
        }
        deferralTerms.set(terms);
        if (!commitmentNeeded.get()) {
            commitment.set(false);
        }
    }

    /** Checks the form; true when the citizen may go on to the materials. Every problem shows at once. */
    public boolean formNext() {
        List<FieldProblem> problems = service.check(request()).stream()
                .filter(p -> fields.stream().anyMatch(f -> f.key().equals(p.target()))).toList();
        for (FieldInput f : fields) {
            f.problem(problems.stream().filter(p -> p.target().equals(f.key())).findFirst().orElse(null));
        }
        messageKey.set(problems.isEmpty() ? "" : "apply.form.fix");
        return problems.isEmpty();
    }

    /** Whether the checklist offers "scan": a document camera is configured and can take a page now. */
    /** The document camera's live picture beside the checklist. */
    public org.govkiosk.app.ui.camera.CameraPreviewModel scanPreview() {
        return scans.preview();
    }

    public javafx.beans.value.ObservableBooleanValue scanAvailable() {
        return scans.available();
    }

    /** Takes a page of {@code material} with the document camera; see {@link MaterialScans#scan}. */
    public void scan(MaterialInput material) {
        if (!busy.get()) {
            long startedIn = journey;
            scans.scan(material, () -> startedIn == journey && materials.contains(material),
                    () -> materials.stream().flatMap(m -> m.pages().stream())
                            .mapToLong(org.govkiosk.api.Attachment::size).sum());
        }
    }

    /** Checks the checklist; true when the citizen may go on to the confirmation. */
    public boolean materialsNext() {
        List<FieldProblem> problems = ApplicationService.checkMaterials(request());
        for (int i = 0; i < materials.size(); i++) {
            String target = FieldProblem.material(i);
            materials.get(i).problem(problems.stream().filter(p -> p.target().equals(target)).findFirst()
                    .orElse(null));
        }
        boolean unsigned = problems.stream().anyMatch(p -> p.target().equals(FieldProblem.COMMITMENT));
        commitmentErrorKey.set(unsigned ? "apply.commitment.required" : "");
        messageKey.set(problems.isEmpty() ? "" : "apply.materials.fix");
        return problems.isEmpty();
    }

    /** The form as the confirmation shows it: ID numbers masked (the screen may be seen by others). */
    public List<SummaryLine> summary() {
        List<SummaryLine> lines = new ArrayList<>();
        for (FieldInput f : fields) {
            String v = f.valueProperty().get() == null ? "" : f.valueProperty().get().strip();
            if (v.isEmpty()) {
                continue;
            }
            lines.add(new SummaryLine(f.field(), f.shown()));
        }
        return lines;
    }

    /** Names of the materials declared missing: the confirmation warns that the case will wait for them. */
    public List<String> missingMaterials() {
        return materials.stream().filter(m -> m.choiceProperty().get() == MaterialChoice.MISSING)
                .map(m -> m.requirement().name()).toList();
    }

    public boolean printerReady() {
        return service.canPrint();
    }

    /** Submits off the FX thread; {@code onDone} runs on the FX thread once the outcome is set. */
    public void submit(Runnable onDone) {
        if (busy.get() || item.get() == null) {
            return;
        }
        if (outcome.get() != null) {
            // Filed already in this journey (a way back to the confirmation, a tap that came late): show what was
            // filed, never file it again.
            onDone.run();
            return;
        }
        if (!delivery.check()) {
            // 证照特快专递 chosen: the address must be whole before the case goes (each problem on its field).
            messageKey.set("apply.delivery.fix");
            return;
        }
        ApplicationRequest request = request();
        long startedIn = journey;
        busy.set(true);
        messageKey.set("apply.submitting");
        background.execute(() -> {
            try {
                ApplicationOutcome done = service.submit(request);
                fxThread.execute(() -> submitted(startedIn, done, null, onDone));
            } catch (RuntimeException e) {
                fxThread.execute(() -> submitted(startedIn, null, e, onDone));
            }
        });
    }

    private void submitted(long startedIn, ApplicationOutcome done, RuntimeException failure, Runnable onDone) {
        if (startedIn != journey) {
            return;
        }
        busy.set(false);
        if (failure instanceof InvalidApplicationException) {
            messageKey.set("apply.form.fix");
            return;
        }
        if (failure != null) {
            // The outbox could not store it: the citizen must know it was NOT submitted.
            LOG.error("Application for item {} could not be queued", item.get().code(), failure);
            messageKey.set("apply.submit.failed");
            return;
        }
        messageKey.set("");
        outcome.set(done);
        lastPrint.set(done.printResult());
        onDone.run();
        if (done.resultPrintable()) {
            awaitResult(startedIn, done);
        }
    }

    /**
     * A 即办件 is decided on the spot: asks the platform briefly for its result. Queued offline or not decided
     * yet, the citizen is told it can be printed later through the progress query.
     */
    private void awaitResult(long startedIn, ApplicationOutcome done) {
        if (done.caseNumber().isEmpty()) {
            certificateStatusKey.set("immediate.printable-later");
            return;
        }
        certificateStatusKey.set("immediate.awaiting-result");
        String number = done.caseNumber().get();
        background.execute(() -> {
            ResultReadiness r = progress.awaitResult(number, RESULT_WAIT);
            fxThread.execute(() -> {
                if (startedIn == journey) {
                    resultReady.set(r == ResultReadiness.READY);
                    certificateStatusKey.set(r == ResultReadiness.READY ? "immediate.result-ready"
                            : "immediate.printable-later");
                }
            });
        });
    }

    /** Prints the citizen's paper again (after the printer was fixed). */
    public void reprint() {
        ApplicationOutcome done = outcome.get();
        if (done == null || busy.get()) {
            return;
        }
        long startedIn = journey;
        busy.set(true);
        background.execute(() -> {
            PrintResult r = service.reprint(done);
            fxThread.execute(() -> {
                if (startedIn == journey) {
                    busy.set(false);
                    lastPrint.set(r);
                }
            });
        });
    }

    /** 即办件 with 自助出证: prints the result now. */
    public void printResult() {
        ApplicationOutcome done = outcome.get();
        if (done == null || busy.get() || done.caseNumber().isEmpty() || identity == null) {
            return;
        }
        long startedIn = journey;
        busy.set(true);
        certificateStatusKey.set("journey.certificate.printing");
        String number = done.caseNumber().get();
        ApplicantIdentity holder = identity;
        background.execute(() -> {
            CertificateOutcome r = progress.printCertificate(number, holder);
            fxThread.execute(() -> {
                if (startedIn == journey) {
                    busy.set(false);
                    certificateStatusKey.set(JourneyTexts.certificateKey(r));
                }
            });
        });
    }

    private ApplicationRequest request() {
        Map<String, String> values = new LinkedHashMap<>();
        Set<String> fromCard = new HashSet<>();
        for (FieldInput f : fields) {
            values.put(f.key(), f.valueProperty().get() == null ? "" : f.valueProperty().get());
            if (f.locked()) {
                fromCard.add(f.key());
            }
        }
        return new ApplicationRequest(item.get(), identity, values, fromCard,
                materials.stream().map(MaterialInput::declaration).toList(), commitment.get(), submissionKey,
                Optional.ofNullable(commitment.get() ? acceptance : null)).withSmsOptOut(smsOptOut.get())
                .withMailTo(delivery.address());
    }

    private void wipe() {
        fields.forEach(FieldInput::wipe);
        fields.clear();
        materials.clear();
        commitment.set(false);
        smsOptOut.set(false);
        delivery.wipe();
        commitmentNeeded.set(false);
        commitmentErrorKey.set("");
        deferralTerms.set(null);
        acceptance = null;
        messageKey.set("");
        busy.set(false);
        outcome.set(null);
        lastPrint.set(null);
        certificateStatusKey.set("");
        resultReady.set(false);
        item.set(null);
        applicant.set("");
        identity = null;
    }

    @Override
    public void clearSessionData() {
        journey++;
        wipe();
    }

    public ReadOnlyObjectProperty<CatalogItem> itemProperty() {
        return item.getReadOnlyProperty();
    }

    /** Who applies, masked: 张** 110***********123X. */
    public ReadOnlyStringProperty applicantProperty() {
        return applicant.getReadOnlyProperty();
    }

    public ObservableList<FieldInput> fields() {
        return fields;
    }

    public ObservableList<MaterialInput> materials() {
        return materials;
    }

    /** 证照特快专递: the citizen's choice to have the result mailed, and the address. */
    public MailDelivery delivery() {
        return delivery;
    }

    /** The citizen declined the platform's SMS notices of the case. */
    public BooleanProperty smsOptOutProperty() {
        return smsOptOut;
    }

    public BooleanProperty commitmentProperty() {
        return commitment;
    }

    /** 容缺: the deferred materials, the days and the last day the commitment names; null when nothing is deferred. */
    public ReadOnlyObjectProperty<org.govkiosk.app.journey.DeferralTerms> deferralTermsProperty() {
        return deferralTerms.getReadOnlyProperty();
    }

    /** The commitment's text as shown (the view binds it): an acceptance records exactly this. */
    public javafx.beans.property.StringProperty commitmentTextProperty() {
        return commitmentText;
    }

    public ReadOnlyBooleanProperty commitmentNeededProperty() {
        return commitmentNeeded.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty commitmentErrorKeyProperty() {
        return commitmentErrorKey.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageKeyProperty() {
        return messageKey.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ApplicationOutcome> outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }

    /** The latest print of the citizen's paper (first print or reprint). */
    public ReadOnlyObjectProperty<PrintResult> lastPrintProperty() {
        return lastPrint.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty resultReadyProperty() {
        return resultReady.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty certificateStatusKeyProperty() {
        return certificateStatusKey.getReadOnlyProperty();
    }

    /** Reprint is offered when the paper failed and trying again can help. */
    public BooleanBinding canReprint() {
        return Bindings.createBooleanBinding(() -> !busy.get() && lastPrint.get() instanceof PrintResult.Failed f
                && f.retryable(), busy, lastPrint);
    }
}
