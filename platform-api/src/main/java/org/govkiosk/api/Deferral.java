package org.govkiosk.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A case accepted with deferred materials (容缺受理) as the platform keeps it: what is deferred, the deadline the
 * platform counted on its working calendar, the citizen's acceptance, and whether the materials came in time.
 *
 * @param materials   the names of the deferred materials
 * @param deadline    the last working day to hand them in (the platform's count)
 * @param acceptedAt  when the citizen accepted the commitment
 * @param textVersion the version of the commitment text accepted
 * @param receivedAt  when the deferred materials were received; null while they are outstanding
 * @param overdue     the deadline has passed and the materials are still outstanding (电子监察: the clerk sees it)
 */
public record Deferral(List<String> materials, LocalDate deadline, Instant acceptedAt, String textVersion,
        Instant receivedAt, boolean overdue) {

    public Deferral {
        materials = Check.list(materials, "materials");
        Check.present(deadline, "deadline");
        Check.present(acceptedAt, "acceptedAt");
        Check.text(textVersion, "textVersion", 64);
    }
}
