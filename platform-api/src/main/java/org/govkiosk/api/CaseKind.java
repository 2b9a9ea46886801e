package org.govkiosk.api;

/** 五件制: the kinds of case. Province type codes differ and are mapped in configuration, never parsed. */
public enum CaseKind {
    /** 即办件: decided on the spot, the result can be printed now. */
    IMMEDIATE("即办件"),
    /** 承诺件: finished within the item's promised time limit. */
    PROMISED("承诺件"),
    /** 联办件: several departments, one lead. */
    JOINT("联办件"),
    /** 补办件: a resubmission after a request for supplementary materials. */
    SUPPLEMENT("补办件"),
    /** 退回件: refused with a written reason. */
    RETURNED("退回件");

    private final String label;

    CaseKind(String label) {
        this.label = label;
    }

    /** The Chinese name shown on screen and on paper. */
    public String label() {
        return label;
    }
}
