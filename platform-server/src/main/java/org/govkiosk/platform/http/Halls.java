package org.govkiosk.platform.http;

import org.govkiosk.api.ErrorCodes;
import org.govkiosk.platform.store.CaseStore;
import org.govkiosk.platform.store.NotFoundException;
import org.govkiosk.platform.store.TerminalStore;

/**
 * A terminal acts only within the hall it was registered in (with its one-time code): it reads, searches, rates,
 * supplements and issues only that hall's cases. A case of another hall is answered as if it did not exist (404
 * not-found), so a terminal cannot learn which case numbers exist elsewhere; a body that names another hall than
 * the terminal's is a 403 other-hall.
 *
 * <p>通办 (a citizen's own case following them to any terminal once they prove who they are there) needs a proof
 * the platform can check, such as a signed, case-bound receipt token; the API has none yet, so there is no
 * cross-hall access at all.
 */
public final class Halls {

    private final TerminalStore terminals;
    private final CaseStore cases;

    public Halls(TerminalStore terminals, CaseStore cases) {
        this.terminals = terminals;
        this.cases = cases;
    }

    /** The hall of a terminal whose signature was verified (so it is registered). */
    public String of(String terminal) {
        return terminals.hallOf(terminal).orElseThrow(() -> new IllegalStateException(
                "signing terminal " + terminal + " has no hall"));
    }

    /** @throws NotFoundException (404 not-found) if there is no such case in the terminal's hall */
    public void requireOwnCase(String terminal, String caseNumber) {
        String hall = of(terminal);
        if (!cases.hallOf(caseNumber).filter(hall::equals).isPresent()) {
            throw new NotFoundException(ErrorCodes.NOT_FOUND, "no case with this number in this terminal's hall");
        }
    }

    /** @throws ApiException 403 other-hall if the body names another hall than the terminal's */
    public void requireOwnHall(String terminal, String hallCodeInBody) {
        if (!of(terminal).equals(hallCodeInBody)) {
            throw ApiException.client(403, ErrorCodes.OTHER_HALL,
                    "hallCode in the body is not the hall the signing terminal is registered in");
        }
    }
}
