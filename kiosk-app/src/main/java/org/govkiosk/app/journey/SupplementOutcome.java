package org.govkiosk.app.journey;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.govkiosk.api.CaseState;
import org.govkiosk.app.printing.PrintResult;

/**
 * How handing in missing materials (补交材料) ended at the terminal: queued at once (never lost), whether the
 * platform has it yet, where the case stands now, and what was printed.
 *
 * @param caseNumber the case the materials belong to
 * @param handedIn   names of the materials handed in now
 * @param delivery   whether the platform confirmed it, is still to be reached, or refused it
 * @param after      the case as the platform shows it afterwards, when it could be read
 * @param paper      the receipt printed for the citizen
 */
public record SupplementOutcome(String caseNumber, String itemName, List<String> handedIn,
        DeliveryTracker.Delivery delivery, Optional<CaseProgress> after, JourneyPaper paper, PrintResult printResult) {

    public SupplementOutcome {
        Objects.requireNonNull(caseNumber, "caseNumber");
        handedIn = List.copyOf(handedIn);
        Objects.requireNonNull(delivery, "delivery");
        Objects.requireNonNull(after, "after");
        Objects.requireNonNull(paper, "paper");
        Objects.requireNonNull(printResult, "printResult");
    }

    /** The platform was not reached yet: the materials' record waits in the outbox and goes out by itself. */
    public boolean queuedOffline() {
        return delivery instanceof DeliveryTracker.Delivery.Waiting;
    }

    public boolean refused() {
        return delivery instanceof DeliveryTracker.Delivery.Refused;
    }

    /** Nothing is missing any more: the case was accepted (受理) or went further. */
    public boolean complete() {
        return after.filter(c -> c.state() != CaseState.NEEDS_SUPPLEMENT).isPresent();
    }

    /** What the case still waits for, as far as the platform said. */
    public List<String> stillMissing() {
        return after.map(c -> c.missingMaterials().stream().map(m -> m.name()).toList()).orElse(List.of());
    }
}
