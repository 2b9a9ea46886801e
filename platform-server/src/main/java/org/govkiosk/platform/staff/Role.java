package org.govkiosk.platform.staff;

import java.util.Locale;
import java.util.Optional;

/**
 * What a staff member may do in their halls. A hall administrator manages the hall's accounts and may do what the
 * others do; a clerk works cases (accept, 补正, decide, return, certificates) and asks pads for ratings; a
 * supervisor reads the cases and works the bad-rating ledger and reports; a technician sees the fleet of terminals.
 */
public enum Role {
    HALL_ADMIN, CLERK, SUPERVISOR, TECHNICIAN;

    /** The role named {@code text} (any case), if there is one. */
    public static Optional<Role> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(text.strip().toUpperCase(Locale.ROOT).replace('-', '_')));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
