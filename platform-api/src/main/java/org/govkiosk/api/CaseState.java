package org.govkiosk.api;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a case stands: 申报 → 受理 (or 不予受理 / 补正) → 审核 → 办结 → 出证. The allowed moves live here so the
 * platform and any client agree on them.
 */
public enum CaseState {
    /** 申报: received by the platform, not yet looked at. */
    SUBMITTED("已申报"),
    /** 受理. */
    ACCEPTED("已受理"),
    /** 不予受理: refused, always with a written reason. */
    NOT_ACCEPTED("不予受理"),
    /** 补正: materials missing; the citizen gets one written list of everything missing. */
    NEEDS_SUPPLEMENT("待补正"),
    /** 审核. */
    IN_REVIEW("审核中"),
    /** 办结. */
    COMPLETED("已办结"),
    /** 出证: the certificate or result was handed out. */
    CERTIFICATE_ISSUED("已出证"),
    /**
     * 退回件: returned by the department with its reasons in writing (the 退回通知); the citizen may apply again.
     * Entered only through the clerk's return endpoint, which records the reasons ({@link CaseReturn}).
     */
    RETURNED("已退回");

    private final String label;

    CaseState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The states this one may move to. */
    public Set<CaseState> next() {
        return switch (this) {
            case SUBMITTED -> EnumSet.of(ACCEPTED, NOT_ACCEPTED, NEEDS_SUPPLEMENT, RETURNED);
            // Once the citizen has brought what was missing, the case is accepted or refused (or returned).
            case NEEDS_SUPPLEMENT -> EnumSet.of(ACCEPTED, NOT_ACCEPTED, RETURNED);
            // A case under review may still be returned (退回) with the reasons in writing.
            case ACCEPTED -> EnumSet.of(IN_REVIEW, RETURNED);
            case IN_REVIEW -> EnumSet.of(COMPLETED, RETURNED);
            case COMPLETED -> EnumSet.of(CERTIFICATE_ISSUED);
            case NOT_ACCEPTED, CERTIFICATE_ISSUED, RETURNED -> EnumSet.noneOf(CaseState.class);
        };
    }

    public boolean canMoveTo(CaseState target) {
        return next().contains(target);
    }

    /** A state the case never leaves: no deadline runs any more. */
    public boolean isFinal() {
        return next().isEmpty();
    }

    /** The platform needs a written reason to enter this state (不予受理, 补正, 退回). */
    public boolean needsReason() {
        return this == NOT_ACCEPTED || this == NEEDS_SUPPLEMENT || this == RETURNED;
    }
}
