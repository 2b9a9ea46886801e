package org.govkiosk.platform.store;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.govkiosk.api.CaseState;
import org.govkiosk.api.Material;

/**
 * How the platform files a case beyond "received": the states it moves through at once (补正 for missing
 * materials; 受理 → 审核 → 办结 for a 即办件 the platform decides itself), what is still missing, and the result
 * document made for it. The store writes all of it in the transaction that takes the case in, so a case is
 * never seen half-filed.
 *
 * @param steps   in order, from the state the case is in (SUBMITTED at intake); each must be allowed by
 *                {@link CaseState#canMoveTo} from the one before
 * @param missing the materials the case waits for (补正); empty unless the last step is NEEDS_SUPPLEMENT
 * @param result  makes the result document (a PDF) once the case number is known
 */
public record Filing(List<Step> steps, List<Material> missing, Optional<ResultMaker> result) {

    /** One state the case enters, with its written note. */
    public record Step(CaseState state, String note) {
        public Step {
            Objects.requireNonNull(state, "state");
        }
    }

    /** Makes the result PDF of a decided case. */
    @FunctionalInterface
    public interface ResultMaker {
        byte[] pdf(String caseNumber);
    }

    public Filing {
        steps = List.copyOf(steps);
        missing = List.copyOf(missing);
        Objects.requireNonNull(result, "result");
        for (int i = 1; i < steps.size(); i++) {
            if (!steps.get(i - 1).state().canMoveTo(steps.get(i).state())) {
                throw new IllegalArgumentException("a filing cannot move from " + steps.get(i - 1).state() + " to "
                        + steps.get(i).state());
            }
        }
        CaseState at = steps.isEmpty() ? null : steps.get(steps.size() - 1).state();
        if (!missing.isEmpty() && at != CaseState.NEEDS_SUPPLEMENT) {
            throw new IllegalArgumentException("missing materials need the case to end in NEEDS_SUPPLEMENT");
        }
        if (result.isPresent() && at != CaseState.COMPLETED) {
            throw new IllegalArgumentException("a result document needs the case to end COMPLETED");
        }
    }

    /** Received and nothing more: a clerk takes it from here. */
    public static Filing received() {
        return new Filing(List.of(), List.of(), Optional.empty());
    }

    /** The state the case ends in, counting from {@code start}. */
    public CaseState finalState(CaseState start) {
        return steps.isEmpty() ? start : steps.get(steps.size() - 1).state();
    }
}
