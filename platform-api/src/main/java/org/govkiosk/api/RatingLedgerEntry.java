package org.govkiosk.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One bad rating on the follow-up ledger (回访整改台账). An anonymous rating (不公开评价) is kept without the
 * citizen's identity: its caseNumber is null and no outcome SMS goes out.
 *
 * @param realName         false for 不公开评价
 * @param firstDeadline    10 working days from the day the rating was received (the on-time rate counts against it)
 * @param deadline         the deadline now (a later one after an extension)
 * @param overdue          not closed and the deadline is past
 * @param outcomeSmsQueued whether the outcome went to the citizen's phone
 * @param noticeNumber     the provincial 差评通报单 that named this rating; absent when none did
 * @param noticeDeadline   that notice's deadline (the deadline is never later than it)
 */
public record RatingLedgerEntry(String ratingId, String caseNumber, int level, boolean realName, String windowId,
        String clerkId, String ownerDepartment, String ownerClerk, Instant receivedAt, LocalDate firstDeadline,
        LocalDate deadline, LedgerState state, boolean overdue, Instant calledBackAt, String calledBackBy,
        String citizenSaid, String rectification, String outcome, Instant closedAt, boolean outcomeSmsQueued,
        List<LedgerEvent> history,
        @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
        String noticeNumber,
        @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
        LocalDate noticeDeadline) {

    public RatingLedgerEntry {
        history = List.copyOf(history);
    }

    /** An entry no provincial notice named. */
    public RatingLedgerEntry(String ratingId, String caseNumber, int level, boolean realName, String windowId,
            String clerkId, String ownerDepartment, String ownerClerk, Instant receivedAt, LocalDate firstDeadline,
            LocalDate deadline, LedgerState state, boolean overdue, Instant calledBackAt, String calledBackBy,
            String citizenSaid, String rectification, String outcome, Instant closedAt, boolean outcomeSmsQueued,
            List<LedgerEvent> history) {
        this(ratingId, caseNumber, level, realName, windowId, clerkId, ownerDepartment, ownerClerk, receivedAt,
                firstDeadline, deadline, state, overdue, calledBackAt, calledBackBy, citizenSaid, rectification, outcome,
                closedAt, outcomeSmsQueued, history, null, null);
    }
}
