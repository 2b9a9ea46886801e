package org.govkiosk.app.journey;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.govkiosk.api.Attachment;
import org.govkiosk.api.CaseReceipt;
import org.govkiosk.api.DeferralCommitment;
import org.govkiosk.api.CaseView;
import org.govkiosk.api.Material;
import org.govkiosk.app.cases.Case;
import org.govkiosk.app.cases.FormData;
import org.govkiosk.app.cases.ServiceItem;
import org.govkiosk.app.catalog.CatalogItem;
import org.govkiosk.app.catalog.FormField;
import org.govkiosk.app.catalog.MaterialRequirement;
import org.govkiosk.app.catalog.Prefill;
import org.govkiosk.app.platform.EntryConverters;
import org.govkiosk.app.platform.PlatformClient;
import org.govkiosk.app.platform.PlatformException;
import org.govkiosk.app.platform.PlatformQueue;
import org.govkiosk.app.printing.PrintResult;
import org.govkiosk.app.printing.PrintService;
import org.govkiosk.device.DeviceStatusDetail;
import org.govkiosk.print.data.MissingMaterial;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applying for an item: checks the citizen's form and material declarations, builds the case, queues it (durable
 * at once, whatever the network does), waits a moment for the platform's receipt (kept by the outbox with the
 * confirmation: case number and promised date, no second request) and prints the acceptance receipt from it, the
 * one-time notification when materials are missing (the case then waits for them: 补正), or a slip that says the
 * case is queued. Blocking: call it off the FX thread.
 */
public final class ApplicationService {

    private static final Logger LOG = LoggerFactory.getLogger(ApplicationService.class);

    private final PlatformQueue queue;
    private final DeliveryTracker tracker;
    private final PlatformClient platform;
    private final PrintService printing;
    private final JourneySettings settings;
    private final JourneyPapers papers;
    private final Clock clock;

    public ApplicationService(PlatformQueue queue, DeliveryTracker tracker, PlatformClient platform,
            PrintService printing, JourneySettings settings, Clock clock) {
        this.queue = queue;
        this.tracker = tracker;
        this.platform = platform;
        this.printing = printing;
        this.settings = settings;
        this.papers = new JourneyPapers(settings);
        this.clock = clock;
    }

    /** Every problem of the application, form first, then materials; empty when it may be submitted. */
    public List<FieldProblem> check(ApplicationRequest request) {
        List<FieldProblem> problems = new ArrayList<>(
                FormValidator.check(request.item().form(), request.form(), request.fromCard()));
        problems.addAll(checkMaterials(request));
        return problems;
    }

    /** The material declarations' problems alone (the checklist screen shows them before the confirmation). */
    public static List<FieldProblem> checkMaterials(ApplicationRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        List<MaterialRequirement> required = request.item().materials();
        if (request.materials().size() != required.size()) {
            problems.add(FieldProblem.of("materials", "apply.material.undeclared"));
            return problems;
        }
        boolean deferred = false;
        for (int i = 0; i < required.size(); i++) {
            MaterialDeclaration d = request.materials().get(i);
            MaterialRequirement m = required.get(i);
            if (!d.requirement().equals(m)) {
                problems.add(FieldProblem.of(FieldProblem.material(i), "apply.material.undeclared"));
            } else if (d.choice() == MaterialChoice.E_LICENCE && m.eLicence().isEmpty()) {
                problems.add(FieldProblem.of(FieldProblem.material(i), "apply.material.no-e-licence"));
            } else if (d.choice() == MaterialChoice.DEFERRED && !m.deferrable()) {
                problems.add(FieldProblem.of(FieldProblem.material(i), "apply.material.not-deferrable"));
            }
            deferred |= d.choice() == MaterialChoice.DEFERRED;
        }
        if (deferred && !request.commitmentSigned()) {
            problems.add(FieldProblem.of(FieldProblem.COMMITMENT, "apply.commitment.required"));
        }
        return problems;
    }

    /** Whether a printer can print now; the confirmation screen says so before the citizen submits. */
    public boolean canPrint() {
        return printing.anyPrinterUsable();
    }

    /**
     * Submits the application and prints the citizen's paper.
     *
     * @throws InvalidApplicationException when {@link #check} finds problems (nothing is queued)
     * @throws org.govkiosk.app.outbox.OutboxException when the outbox cannot store the case (the citizen must be
     *                                                  told it was NOT submitted)
     */
    public ApplicationOutcome submit(ApplicationRequest request) {
        List<FieldProblem> problems = check(request);
        if (!problems.isEmpty()) {
            throw new InvalidApplicationException(problems);
        }
        CatalogItem item = request.item();
        Optional<DeferralTerms> terms = deferralTerms(item, request.materials());
        Optional<DeferralCommitment> commitment = terms.map(t -> commitment(t, request.acceptance()));
        Case queued = queue.submit(toCase(request), commitment.orElse(null), request.smsOptOut(),
                request.mailTo());
        LOG.info("Application {} for item {} queued", queued.localId(), item.code());

        List<MissingMaterial> missing = new ArrayList<>();
        List<String> deferred = new ArrayList<>();
        for (MaterialDeclaration d : request.materials()) {
            if (d.choice() == MaterialChoice.MISSING) {
                missing.add(JourneyPapers.missing(d.requirement()));
            } else if (d.choice() == MaterialChoice.DEFERRED) {
                deferred.add(d.requirement().name());
            }
        }
        DeliveryTracker.Delivery delivery = awaitDelivery(queued.idempotencyKey());
        Optional<String> caseNumber = delivery instanceof DeliveryTracker.Delivery.Confirmed c
                ? Optional.of(c.caseNumber()) : Optional.empty();
        Optional<CaseReceipt> receipt = delivery instanceof DeliveryTracker.Delivery.Confirmed c
                ? receipt(c) : Optional.empty();
        Optional<LocalDate> promised = receipt.map(CaseReceipt::promisedDate);

        JourneyPaper paper;
        if (!missing.isEmpty()) {
            paper = papers.notification(item, request.applicant(), queued, caseNumber, missing,
                    LocalDate.now(clock.withZone(settings.zone())));
        } else if (receipt.isPresent() && promised.isPresent()) {
            paper = papers.receipt(item, request.applicant(), receipt.get());
        } else {
            paper = papers.slip(item, request.applicant(), queued, caseNumber,
                    delivery instanceof DeliveryTracker.Delivery.Refused, clock.instant());
        }
        PrintResult printed = print(paper, jobId(queued, paper));
        // 容缺受理承诺书 with the receipt (or notification, or slip): the citizen takes the commitment home.
        Optional<JourneyPaper> commitmentPaper = terms.map(t -> papers.commitment(item, request.applicant(), queued,
                caseNumber, t, commitment.orElseThrow().acceptedAt()));
        Optional<PrintResult> commitmentPrinted = commitmentPaper.map(p -> print(p, jobId(queued, p)));
        boolean resultPrintable = item.printableAtTerminal() && item.timeLimit().onTheSpot() && missing.isEmpty();
        return new ApplicationOutcome(queued, delivery, promised, missing, deferred, paper, printed, resultPrintable,
                commitmentPaper, commitmentPrinted);
    }

    /**
     * The commitment a citizen makes by deferring materials (容缺受理): the deferred ones, the fewest 容缺 days among
     * them (catalog deferral-days) and the last day, counted from today on the working calendar; empty when nothing
     * is deferred. The materials screen shows it, and the same terms go with the case.
     */
    public Optional<DeferralTerms> deferralTerms(CatalogItem item, List<MaterialDeclaration> declarations) {
        List<String> names = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        int days = Integer.MAX_VALUE;
        for (int i = 0; i < declarations.size(); i++) {
            MaterialDeclaration d = declarations.get(i);
            if (d.choice() == MaterialChoice.DEFERRED && d.requirement().deferrable()) {
                names.add(d.requirement().name());
                codes.add(String.format("M%02d", i + 1));
                days = Math.min(days, d.requirement().deferralDays());
            }
        }
        if (names.isEmpty()) {
            return Optional.empty();
        }
        LocalDate today = LocalDate.now(clock.withZone(settings.zone()));
        return Optional.of(new DeferralTerms(names, codes, days, settings.calendar().addWorkingDays(today, days)));
    }

    /** Now, by the terminal's clock: when a citizen accepts a commitment. */
    public java.time.Instant now() {
        return clock.instant();
    }

    /** What goes with the case: the accepted text (the Chinese wording when no screen recorded one) and when. */
    private DeferralCommitment commitment(DeferralTerms t, Optional<CommitmentAcceptance> acceptance) {
        CommitmentAcceptance accepted = acceptance.orElseGet(() -> new CommitmentAcceptance(
                org.govkiosk.app.i18n.I18n.format(org.govkiosk.app.i18n.I18n.ZH_CN, "apply.deferral.terms", t.days(),
                        JourneyPapers.chineseDate(t.deadline()), String.join("、", t.materials())), clock.instant()));
        String text = accepted.text().length() <= 2000 ? accepted.text() : accepted.text().substring(0, 1999) + "…";
        return new DeferralCommitment(DeferralTerms.TEXT_VERSION, text, accepted.acceptedAt(), t.codes(),
                t.deadline());
    }

    /** Prints the outcome's paper again (after a refill, or when the citizen asks). Blocking. */
    public PrintResult reprint(ApplicationOutcome outcome) {
        return print(outcome.paper(), jobId(outcome.submitted(), outcome.paper()) + "-again-" + clock.millis());
    }

    Case toCase(ApplicationRequest request) {
        CatalogItem item = request.item();
        Map<String, String> values = new LinkedHashMap<>();
        Optional<String> phone = Optional.empty();
        Optional<String> address = Optional.empty();
        for (FormField field : item.form()) {
            String value = request.form().getOrDefault(field.key(), "");
            value = value == null ? "" : value.strip();
            if (value.isEmpty()) {
                continue;
            }
            values.put(field.key(), value);
            if (field.prefill().filter(p -> p == Prefill.PHONE).isPresent()) {
                phone = Optional.of(value);
            } else if (field.prefill().filter(p -> p == Prefill.ADDRESS).isPresent()) {
                address = Optional.of(value);
            }
        }
        List<Material> materials = new ArrayList<>();
        for (int i = 0; i < request.materials().size(); i++) {
            materials.add(material(i, request.materials().get(i)));
        }
        return Case.draft(request.submissionKey(), new ServiceItem(item.code(), item.name(), item.caseKind()),
                request.applicant().toApplicant(phone, address), new FormData(values), materials, clock);
    }

    /**
     * A material the citizen brought: on paper, or scanned at the terminal, when its pages travel with the case
     * (or the supplement) and the first page's hash names them.
     */
    static Material provided(String code, String name, List<Attachment> pages) {
        return pages.isEmpty()
                ? new Material(code, name, Material.Status.PROVIDED, Material.Source.PAPER, null)
                : new Material(code, name, Material.Status.PROVIDED, Material.Source.SCAN,
                        "sha256:" + pages.get(0).sha256(), pages);
    }

    /** The catalog gives materials no codes of their own: their position in the item's list (M01, M02 ...) is it. */
    private static Material material(int index, MaterialDeclaration d) {
        String code = String.format("M%02d", index + 1);
        String name = d.requirement().name();
        return switch (d.choice()) {
            case E_LICENCE -> new Material(code, name, Material.Status.PROVIDED, Material.Source.E_LICENCE,
                    d.requirement().eLicence().orElse(null));
            case PROVIDED -> provided(code, name, d.pages());
            case MISSING -> new Material(code, name, Material.Status.MISSING, null, null);
            case DEFERRED -> new Material(code, name, Material.Status.WAIVED_BY_COMMITMENT, null, null);
        };
    }

    /** Waits for the case number; gives up at once when the worker already failed to reach the platform. */
    private DeliveryTracker.Delivery awaitDelivery(String key) {
        return tracker.await(key, settings.deliveryWait());
    }

    /**
     * The platform's receipt the outbox kept with the confirmation: what the citizen's receipt is printed from. A
     * confirmation without one (an entry confirmed before this terminal kept receipts, found again under the same
     * key the same day) falls back to reading the case.
     */
    private Optional<CaseReceipt> receipt(DeliveryTracker.Delivery.Confirmed confirmed) {
        byte[] kept = confirmed.receipt();
        if (kept.length > 0) {
            try {
                return Optional.of(EntryConverters.CASE.readReceipt(kept));
            } catch (IOException e) {
                LOG.error("The receipt kept for case {} cannot be read ({}); reading the case instead",
                        confirmed.caseNumber(), e.getClass().getSimpleName());
            }
        }
        return view(confirmed.caseNumber()).map(v -> new CaseReceipt(v.caseNumber(), null, v.state(),
                v.submittedAt() != null ? v.submittedAt() : clock.instant(), v.promisedDate(), true));
    }

    private Optional<CaseView> view(String caseNumber) {
        try {
            return Optional.of(platform.queryCase(caseNumber));
        } catch (PlatformException e) {
            // The case is registered; only its details are out of reach. The slip says so without a date.
            LOG.warn("Case {} registered but its details could not be read: {}", caseNumber, e.summary());
            return Optional.empty();
        }
    }

    private PrintResult print(JourneyPaper paper, String jobId) {
        return print(printing, paper, jobId, settings.printTimeout());
    }

    /** Prints a journey's paper and waits for the outcome; a printer that does not answer is a failure. */
    static PrintResult print(PrintService printing, JourneyPaper paper, String jobId, java.time.Duration timeout) {
        CompletableFuture<PrintResult> job = printing.print(((JourneyPaper.FromTemplate) paper).data(), jobId);
        try {
            return job.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            LOG.warn("Print job {} gave no answer within {}", jobId, timeout);
            return new PrintResult.Failed("print.failed.printer", DeviceStatusDetail.NO_DATA_TIMEOUT, true, jobId);
        } catch (ExecutionException e) {
            LOG.error("Print job {} failed", jobId, e.getCause());
            return new PrintResult.Failed("print.failed.printer", DeviceStatusDetail.NONE, true, jobId);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new PrintResult.Failed("print.failed.printer", DeviceStatusDetail.NONE, true, jobId);
        }
    }

    private static String jobId(Case c, JourneyPaper paper) {
        return "case-" + JourneyPapers.localReference(c) + "-" + paper.kind().name().toLowerCase(java.util.Locale.ROOT);
    }
}
