package org.govkiosk.device.internal.codec.escpos;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

/**
 * A printer's state as read from its status bytes: the union of the conditions the answers reported and which
 * requests were answered (a condition of an unanswered request is unknown, not absent).
 */
public record PrinterStatus(Set<PrinterCondition> conditions, Set<StatusRequest> answered) {

    public PrinterStatus {
        conditions = Set.copyOf(conditions);
        answered = Set.copyOf(answered);
    }

    public static PrinterStatus of(Collection<StatusAnswer.Valid> answers) {
        Set<PrinterCondition> all = EnumSet.noneOf(PrinterCondition.class);
        Set<StatusRequest> asked = EnumSet.noneOf(StatusRequest.class);
        for (StatusAnswer.Valid a : answers) {
            all.addAll(a.conditions());
            asked.add(a.request());
        }
        return new PrinterStatus(all, asked);
    }

    public boolean has(PrinterCondition condition) {
        return conditions.contains(condition);
    }

    public boolean online() {
        return !has(PrinterCondition.OFFLINE) && !has(PrinterCondition.WAITING_FOR_RECOVERY);
    }

    public boolean coverOpen() {
        return has(PrinterCondition.COVER_OPEN);
    }

    /** Either sensor: the paper-end stop of n=2 or the roll sensor of n=4. */
    public boolean paperOut() {
        return has(PrinterCondition.PAPER_OUT) || has(PrinterCondition.PAPER_END_STOP);
    }

    public boolean paperNearEnd() {
        return has(PrinterCondition.PAPER_NEAR_END);
    }

    public boolean feedButtonPressed() {
        return has(PrinterCondition.FEED_BUTTON_PRESSED);
    }

    public boolean drawerPinHigh() {
        return has(PrinterCondition.DRAWER_PIN_HIGH);
    }

    public boolean cutterError() {
        return has(PrinterCondition.CUTTER_ERROR);
    }

    public boolean unrecoverableError() {
        return has(PrinterCondition.UNRECOVERABLE_ERROR);
    }

    public boolean autoRecoverableError() {
        return has(PrinterCondition.AUTO_RECOVERABLE_ERROR);
    }

    /** Any error bit, whatever its cause. */
    public boolean error() {
        return has(PrinterCondition.ERROR) || has(PrinterCondition.RECOVERABLE_ERROR) || cutterError()
                || unrecoverableError() || autoRecoverableError();
    }
}
