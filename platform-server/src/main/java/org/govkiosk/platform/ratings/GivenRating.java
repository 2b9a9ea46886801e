package org.govkiosk.platform.ratings;

import java.time.Instant;

/** A rating already stored for a contact: what the page shows instead of the form. */
record GivenRating(int level, boolean defaulted, Instant receivedAt) {
}
