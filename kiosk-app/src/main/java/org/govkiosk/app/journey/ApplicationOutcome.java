package org.govkiosk.app.journey;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.govkiosk.app.cases.Case;
import org.govkiosk.app.printing.PrintResult;
import org.govkiosk.print.data.MissingMaterial;

/**
 * How an application ended at the terminal: whether the platform has it (with its case number) or it waits in
 * the outbox, whether materials are missing, and what was printed.
 *
 * @param submitted       the case as queued (never lost from here on)
 * @param delivery        whether the platform confirmed it, is still to be reached, or refused it
 * @param promisedDate    the platform's promised completion date, when it answered
 * @param missing         every material still to bring (补正), in the item's order
 * @param deferred        names of materials accepted missing under a signed commitment (容缺受理)
 * @param paper           which document was printed for the citizen
 * @param printResult     on paper, or why not
 * @param resultPrintable a 即办件 whose result the terminal can print itself (自助出证)
 * @param commitmentPaper the 容缺受理承诺书 when materials were deferred, printed after {@code paper}
 * @param commitmentPrint on paper, or why not, when there is one
 */
public record ApplicationOutcome(Case submitted, DeliveryTracker.Delivery delivery, Optional<LocalDate> promisedDate,
        List<MissingMaterial> missing, List<String> deferred, JourneyPaper paper, PrintResult printResult,
        boolean resultPrintable, Optional<JourneyPaper> commitmentPaper, Optional<PrintResult> commitmentPrint) {

    /** An outcome without a 容缺 commitment. */
    public ApplicationOutcome(Case submitted, DeliveryTracker.Delivery delivery, Optional<LocalDate> promisedDate,
            List<MissingMaterial> missing, List<String> deferred, JourneyPaper paper, PrintResult printResult,
            boolean resultPrintable) {
        this(submitted, delivery, promisedDate, missing, deferred, paper, printResult, resultPrintable,
                Optional.empty(), Optional.empty());
    }

    public ApplicationOutcome {
        Objects.requireNonNull(submitted, "submitted");
        Objects.requireNonNull(delivery, "delivery");
        Objects.requireNonNull(promisedDate, "promisedDate");
        missing = List.copyOf(missing);
        deferred = List.copyOf(deferred);
        Objects.requireNonNull(paper, "paper");
        Objects.requireNonNull(printResult, "printResult");
        Objects.requireNonNull(commitmentPaper, "commitmentPaper");
        Objects.requireNonNull(commitmentPrint, "commitmentPrint");
    }

    public Optional<String> caseNumber() {
        return delivery instanceof DeliveryTracker.Delivery.Confirmed c ? Optional.of(c.caseNumber())
                : Optional.empty();
    }

    /** The platform was not reached yet: the case waits in the terminal's outbox and goes out by itself. */
    public boolean queuedOffline() {
        return delivery instanceof DeliveryTracker.Delivery.Waiting;
    }

    public boolean refused() {
        return delivery instanceof DeliveryTracker.Delivery.Refused;
    }

    /** Materials are missing: the case waits for them (补正) and the one-time notification lists them. */
    public boolean needsSupplement() {
        return !missing.isEmpty();
    }

    /** The reference a citizen can quote before the platform gave a case number: the start of the local id. */
    public String localReference() {
        return JourneyPapers.localReference(submitted);
    }
}
