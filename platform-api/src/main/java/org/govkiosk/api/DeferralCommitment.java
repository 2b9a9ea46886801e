package org.govkiosk.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * 容缺受理: the citizen's explicit acceptance, at the terminal, of the commitment (告知承诺) to hand in the deferred
 * materials by a deadline. Sent with the case and kept with it on the platform, which counts the deadline itself.
 *
 * @param textVersion the version of the commitment text the citizen read (the terminal's wording changes with it)
 * @param text        the commitment as shown and accepted: what is deferred, by when, what happens if it is missed
 * @param acceptedAt  when the citizen accepted it, by the terminal's clock
 * @param materials   the codes of the case's materials deferred under it (each WAIVED_BY_COMMITMENT in the case)
 * @param deadline    the deadline the text named, counted by the terminal on the working calendar
 */
public record DeferralCommitment(String textVersion, String text, Instant acceptedAt, List<String> materials,
        LocalDate deadline) {

    public DeferralCommitment {
        Check.text(textVersion, "textVersion", 64);
        Check.text(text, "text", 2000);
        Check.present(acceptedAt, "acceptedAt");
        materials = Check.list(materials, "materials");
        if (materials.isEmpty() || materials.size() > CaseTransition.MAX_MATERIALS) {
            throw new IllegalArgumentException("materials: 1 to " + CaseTransition.MAX_MATERIALS
                    + " deferred materials, was " + materials.size());
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < materials.size(); i++) {
            if (!seen.add(Check.text(materials.get(i), "materials[" + i + "]", 64))) {
                throw new IllegalArgumentException("materials: code " + materials.get(i) + " is named twice");
            }
        }
        Check.present(deadline, "deadline");
    }
}
