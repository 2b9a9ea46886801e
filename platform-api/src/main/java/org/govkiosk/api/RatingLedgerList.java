package org.govkiosk.api;

import java.util.List;

/** The ledger's entries, oldest first. */
public record RatingLedgerList(List<RatingLedgerEntry> entries) {

    public RatingLedgerList {
        entries = List.copyOf(entries);
    }
}
