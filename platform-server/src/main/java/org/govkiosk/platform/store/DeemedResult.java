package org.govkiosk.platform.store;

import java.time.LocalDate;
import java.util.Optional;
import org.govkiosk.api.CaseSubmission;

/**
 * Makes the result document (办结证明) of a case granted by default (承诺超时默认), stating that it was granted by
 * default and when; empty when the platform cannot make one (no font): the decision stands without it.
 */
@FunctionalInterface
public interface DeemedResult {

    /** Makes no document: the decision is recorded without one (a clerk attaches it). */
    DeemedResult NONE = (s, number, acceptedOn, promisedDate, grantedOn) -> Optional.empty();

    /**
     * @param acceptedOn   the day the platform received the case
     * @param promisedDate the promised date that passed undecided
     * @param grantedOn    the day the default decision was recorded
     */
    Optional<byte[]> pdf(CaseSubmission s, String caseNumber, LocalDate acceptedOn, LocalDate promisedDate,
            LocalDate grantedOn);
}
