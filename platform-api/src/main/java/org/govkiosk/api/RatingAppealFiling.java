package org.govkiosk.api;

import java.util.List;

/**
 * A clerk or a department explains and appeals a bad rating (申诉复核): a written explanation and evidence (photos
 * of the counter's records, screenshots; images bounded like a case's scanned pages).
 *
 * @param filedBy    who files it (a clerk's or a department officer's id); the reviewer must be someone else
 * @param department the department filing, if any
 * @param evidence   at most {@link #MAX_EVIDENCE} images (JPEG or PNG, each at most {@link Attachment#MAX_BYTES})
 */
public record RatingAppealFiling(String ratingId, String filedBy, String department, String explanation,
        List<Attachment> evidence) {

    public static final int MAX_EVIDENCE = 5;

    public RatingAppealFiling {
        Check.text(ratingId, "ratingId", 64);
        Check.text(filedBy, "filedBy", 64);
        Check.optionalText(department, "department", 100);
        Check.text(explanation, "explanation", 4000);
        evidence = Check.list(evidence, "evidence");
        if (evidence.size() > MAX_EVIDENCE) {
            throw new IllegalArgumentException("evidence holds at most " + MAX_EVIDENCE + " images, was "
                    + evidence.size());
        }
        for (Attachment a : evidence) {
            if (a.content() == null) {
                throw new IllegalArgumentException("evidence.content is required");
            }
        }
    }
}
