package org.govkiosk.app.journey;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.govkiosk.api.Attachment;
import org.govkiosk.api.CaseState;
import org.govkiosk.api.Material;
import org.govkiosk.api.SupplementSubmission;
import org.govkiosk.app.platform.PlatformClient;
import org.govkiosk.app.platform.PlatformException;
import org.govkiosk.app.platform.PlatformQueue;
import org.govkiosk.app.printing.PrintResult;
import org.govkiosk.app.printing.PrintService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handing in the materials a case waits for (补交材料): the declaration goes through the outbox like a case (never
 * lost, never sent twice), the terminal waits a moment for the platform's answer, reads the case's new state and
 * prints a receipt: the acceptance receipt once nothing is missing, else a slip of what was handed in and what is
 * still missing, or that it goes out when the network is back. Blocking: call it off the FX thread.
 */
public final class SupplementService {

    private static final Logger LOG = LoggerFactory.getLogger(SupplementService.class);

    private final PlatformQueue queue;
    private final DeliveryTracker tracker;
    private final PlatformClient platform;
    private final PrintService printing;
    private final JourneySettings settings;
    private final SupplementPapers papers;
    private final Clock clock;

    public SupplementService(PlatformQueue queue, DeliveryTracker tracker, PlatformClient platform,
            PrintService printing, JourneySettings settings, Clock clock) {
        this.queue = queue;
        this.tracker = tracker;
        this.platform = platform;
        this.printing = printing;
        this.settings = settings;
        this.papers = new SupplementPapers(settings);
        this.clock = clock;
    }

    /**
     * Queues the materials handed in now and prints the citizen's receipt.
     *
     * @param handedIn codes of the case's missing materials the citizen brought, at least one
     * @throws IllegalArgumentException if the case waits for no materials or a code is not one it waits for
     *                                  (nothing is queued)
     * @throws org.govkiosk.app.outbox.OutboxException when the outbox cannot store it (the citizen must be told
     *                                                  it was NOT handed in)
     */
    public SupplementOutcome handIn(CaseProgress waiting, ApplicantIdentity who, Set<String> handedIn) {
        return handIn(waiting, who, handedIn, Map.of());
    }

    /**
     * As {@link #handIn(CaseProgress, ApplicantIdentity, Set)}, with the pages scanned of some of them at the
     * terminal: those go to the platform with the declaration, as a case's do.
     *
     * @param pages by material code; a material handed in without pages was brought on paper
     */
    public SupplementOutcome handIn(CaseProgress waiting, ApplicantIdentity who, Set<String> handedIn,
            Map<String, List<Attachment>> pages) {
        if (!waiting.supplementable()) {
            throw new IllegalArgumentException("case " + waiting.caseNumber() + " waits for no materials");
        }
        Set<String> missingCodes = waiting.missingMaterials().stream().map(Material::code)
                .collect(Collectors.toSet());
        if (handedIn.isEmpty() || !missingCodes.containsAll(handedIn)) {
            throw new IllegalArgumentException("hand in one or more of " + missingCodes + ", not " + handedIn);
        }
        List<Material> materials = new ArrayList<>();
        for (Material m : waiting.missingMaterials()) {
            if (!handedIn.contains(m.code())) {
                continue;
            }
            materials.add(ApplicationService.provided(m.code(), m.name(), pages.getOrDefault(m.code(), List.of())));
        }
        String key = "sup-" + UUID.randomUUID();
        queue.submitSupplement(new SupplementSubmission(key, waiting.caseNumber(), settings.terminalId(),
                who.idType(), who.idNumber(), materials, clock.instant()));
        LOG.info("Supplement {} for case {} queued ({} materials)", key, waiting.caseNumber(), materials.size());

        DeliveryTracker.Delivery delivery = tracker.await(key, settings.deliveryWait());
        Optional<CaseProgress> after = delivery instanceof DeliveryTracker.Delivery.Confirmed
                ? view(waiting.caseNumber()) : Optional.empty();
        List<String> names = materials.stream().map(Material::name).toList();
        JourneyPaper paper = after.filter(c -> c.state() != CaseState.NEEDS_SUPPLEMENT)
                .filter(c -> c.promisedDate().isPresent())
                .map(c -> papers.receipt(c, who, clock.instant()))
                .orElseGet(() -> papers.slip(waiting.caseNumber(), waiting.itemName(), who, names,
                        after.map(c -> c.missingMaterials().stream().map(Material::name).toList())
                                .orElse(List.of()), delivery, clock.instant()));
        PrintResult printed = ApplicationService.print(printing, paper, jobId(key, paper), settings.printTimeout());
        return new SupplementOutcome(waiting.caseNumber(), waiting.itemName(), names, delivery, after, paper,
                printed);
    }

    /** Prints the outcome's paper again (after a refill). Blocking. */
    public PrintResult reprint(SupplementOutcome outcome) {
        return ApplicationService.print(printing, outcome.paper(), "supplement-" + outcome.caseNumber() + "-again-"
                + clock.millis(), settings.printTimeout());
    }

    private Optional<CaseProgress> view(String caseNumber) {
        try {
            return Optional.of(CaseProgress.of(platform.queryCase(caseNumber)));
        } catch (PlatformException e) {
            LOG.warn("Case {} took the supplement but could not be read: {}", caseNumber, e.summary());
            return Optional.empty();
        }
    }

    private static String jobId(String key, JourneyPaper paper) {
        return key + "-" + paper.kind().name().toLowerCase(Locale.ROOT);
    }
}
