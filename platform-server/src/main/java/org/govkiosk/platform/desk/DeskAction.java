package org.govkiosk.platform.desk;

/** What a clerk does on the desk, as {@link DeskAuth#may} is asked about it (it maps the staff roles onto these). */
enum DeskAction {
    VIEW, ACCEPT, SUPPLEMENT, REVIEW, APPROVE, REFUSE, RETURN, DEFERRED_RECEIVED, ISSUE, RATING_REQUEST, LEDGER
}
