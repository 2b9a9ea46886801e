package org.govkiosk.app.soak;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.govkiosk.api.RatingRequestEvent;
import org.govkiosk.app.catalog.CatalogItem;
import org.govkiosk.app.catalog.FormField;
import org.govkiosk.app.catalog.MaterialRequirement;
import org.govkiosk.app.journey.ApplicantIdentity;
import org.govkiosk.app.journey.ApplicationOutcome;
import org.govkiosk.app.journey.ApplicationRequest;
import org.govkiosk.app.journey.Applications;
import org.govkiosk.app.journey.FieldProblem;
import org.govkiosk.app.journey.FormValidator;
import org.govkiosk.app.journey.MaterialChoice;
import org.govkiosk.app.journey.MaterialDeclaration;
import org.govkiosk.app.pad.PadRequest;
import org.govkiosk.app.platform.RealPlatform;
import org.govkiosk.app.session.SessionManager;
import org.govkiosk.app.ui.pad.PadViewModel;
import org.govkiosk.device.DeviceEvent;

/**
 * One citizen at one terminal, as the screens would drive the services: touch, identify with an ID card (placed on
 * the simulated reader, read by the real driver), pick an item, fill the form (identity fields from the card),
 * declare materials (now and then one missing, or deferred under a signed commitment), submit, take the printed
 * paper, rate the case when the platform gave it a number, and walk away (the session ends and is wiped).
 */
final class CitizenVisit {

    /** How long a citizen holds a card on a reader that says it works before giving up. */
    private static final Duration CARD_PATIENCE = Duration.ofSeconds(4);
    /**
     * How long a citizen stays at a terminal whose reader shows "temporarily unavailable": a session takes time
     * even when it fails, so a broken reader does not turn the soak's sessions into empty loops.
     */
    private static final Duration READER_PATIENCE = Duration.ofSeconds(3);

    private final List<CatalogItem> items;
    private final List<String> cards;
    private final List<String> unusable;

    /** Values that fit the catalog's field patterns (year-month, year, phone, passport, credit code ...). */
    private static final List<String> PATTERN_VALUES = List.of("2024-01", "2024", "13800138000", "A123456789",
            "913301001234567890", "123456789012AB12345C12345678", "6222021234567890", "12");

    /** @param items the catalog; items with a field no value here fits are left out (the run says how many) */
    CitizenVisit(List<CatalogItem> items, List<String> cards, ApplicantIdentity sample) {
        List<CatalogItem> usable = new ArrayList<>();
        List<String> rejected = new ArrayList<>();
        for (CatalogItem item : items) {
            problem(item, sample).ifPresentOrElse(p -> rejected.add(item.code() + " " + item.name() + ": " + p),
                    () -> usable.add(item));
        }
        this.items = List.copyOf(usable);
        this.unusable = List.copyOf(rejected);
        this.cards = List.copyOf(cards);
    }

    void run(SoakTerminal t, RandomGenerator random) throws InterruptedException {
        SoakLedger ledger = t.ledger();
        SessionManager sessions = t.sessions;
        sessions.begin();
        try {
            long t0 = System.nanoTime();
            ApplicantIdentity who = identify(t, random);
            ledger.identifyNanos.addAndGet(System.nanoTime() - t0);
            if (who == null) {
                return;
            }
            sessions.touch();
            CatalogItem item = items.get(random.nextInt(items.size()));
            ApplicationRequest request = request(item, who, random);
            List<FieldProblem> problems = t.applications.check(request);
            if (!problems.isEmpty()) {
                throw new IllegalStateException("the soak built an invalid application for " + item.code() + ": "
                        + problems);
            }
            long t1 = System.nanoTime();
            ApplicationOutcome outcome = t.applications.submit(request);
            ledger.submitNanos.addAndGet(System.nanoTime() - t1);
            ledger.caseQueued(outcome.submitted().idempotencyKey());
            (outcome.printResult().printed() ? ledger.printed : ledger.printFailed).incrementAndGet();
            if (!outcome.missing().isEmpty()) {
                ledger.notifications.incrementAndGet();
            }
            sessions.touch();
            long t2 = System.nanoTime();
            outcome.caseNumber().ifPresent(number -> {
                ledger.confirmedInSession.incrementAndGet();
                rate(t, outcome, number, random);
            });
            ledger.rateNanos.addAndGet(System.nanoTime() - t2);
        } finally {
            sessions.end(SessionManager.EndReason.FINISHED);
            ledger.sessions.incrementAndGet();
        }
    }

    private ApplicantIdentity identify(SoakTerminal t, RandomGenerator random) throws InterruptedException {
        long deadline = System.nanoTime() + READER_PATIENCE.toNanos();
        while (!t.reader.status().isUsable()) {
            if (System.nanoTime() > deadline) {
                // The identify screen says the reader is out of order; this citizen leaves (or goes to a window).
                t.ledger().readerUnavailable.incrementAndGet();
                return null;
            }
            Thread.sleep(20);
        }
        t.reads.clear();
        t.reader.setReadingEnabled(true);
        try {
            t.readerSim.place(cards.get(random.nextInt(cards.size())));
            DeviceEvent.IdCardRead read = t.reads.poll(CARD_PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
            if (read == null) {
                t.ledger().notIdentified.incrementAndGet();
                return null;
            }
            t.citizen.identityProperty().set(read.card());
            return ApplicantIdentity.of(read.card(), "1380013" + String.format("%04d", random.nextInt(10_000)));
        } finally {
            t.readerSim.remove();
            t.reader.setReadingEnabled(false);
        }
    }

    private static ApplicationRequest request(CatalogItem item, ApplicantIdentity who, RandomGenerator random) {
        Set<String> fromCard = new HashSet<>();
        Map<String, String> form = form(item, who, fromCard);
        List<MaterialDeclaration> materials = new ArrayList<>();
        boolean commitment = false;
        for (MaterialRequirement m : item.materials()) {
            MaterialChoice choice = MaterialDeclaration.initial(m).choice();
            int dice = random.nextInt(100);
            if (dice < 5) {
                choice = MaterialChoice.MISSING; // the one-time notification (一次性告知) is printed instead
            } else if (dice < 10 && m.deferrable()) {
                choice = MaterialChoice.DEFERRED; // 容缺受理 under a signed commitment
                commitment = true;
            }
            materials.add(new MaterialDeclaration(m, choice));
        }
        return new ApplicationRequest(item, who, form, fromCard, materials, commitment);
    }

    /** Every field filled: identity fields from the card (and locked), the others with values that fit. */
    private static Map<String, String> form(CatalogItem item, ApplicantIdentity who, Set<String> fromCard) {
        Map<String, String> form = new LinkedHashMap<>();
        for (FormField f : item.form()) {
            Optional<String> known = f.prefill().flatMap(who::prefill);
            if (known.isPresent()) {
                form.put(f.key(), known.get());
                if (who.locks(f.prefill().get())) {
                    fromCard.add(f.key());
                }
            } else {
                form.put(f.key(), f.pattern().isPresent() ? fitting(f).orElseThrow() : Applications.valid(f));
            }
        }
        return form;
    }

    /**
     * Items whose form no citizen can fill so that the terminal's own validation accepts it (a catalog mistake,
     * such as a NUMBER field whose pattern asks for more digits than a number may have), with the problem.
     */
    List<String> unusable() {
        return unusable;
    }

    private static Optional<String> fitting(FormField f) {
        return PATTERN_VALUES.stream().filter(v -> f.pattern().get().matcher(v).matches()).findFirst();
    }

    private static Optional<String> problem(CatalogItem item, ApplicantIdentity sample) {
        if (!item.form().stream().allMatch(f -> f.pattern().isEmpty() || fitting(f).isPresent())) {
            return Optional.of("no soak value fits a field's pattern");
        }
        Set<String> fromCard = new HashSet<>();
        List<FieldProblem> problems = FormValidator.check(item.form(), form(item, sample, fromCard), fromCard);
        return problems.isEmpty() ? Optional.empty() : Optional.of(problems.toString());
    }

    int itemCount() {
        return items.size();
    }

    /** The rating screen after the journey (一次一评), as KioskUi opens it; a bad level needs a reason. */
    private static void rate(SoakTerminal t, ApplicationOutcome outcome, String caseNumber, RandomGenerator random) {
        Instant now = Instant.now();
        Instant until = now.plus(Duration.ofMinutes(2));
        var submitted = outcome.submitted();
        t.rating.requestArrived(new PadRequest(new RatingRequestEvent(submitted.localId(), RealPlatform.HALL, null,
                caseNumber, "1", submitted.item().code(), submitted.item().name(), null, null, now, until, now),
                until));
        int level = 1 + random.nextInt(5);
        t.rating.chooseLevel(level);
        if (level <= 2) {
            t.rating.toggleReason(PadViewModel.INDICATORS.get(random.nextInt(PadViewModel.INDICATORS.size())).code());
            t.rating.submit();
        }
        if (t.rating.stageProperty().get() != PadViewModel.Stage.THANKS) {
            throw new IllegalStateException("the rating was not taken: " + t.rating.messageProperty().get());
        }
    }
}
