package org.govkiosk.platform.pads;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.govkiosk.api.PadRegistration;
import org.govkiosk.api.RatingChannel;
import org.govkiosk.api.RatingRequest;
import org.govkiosk.api.RatingSubmission;
import org.govkiosk.platform.TestTerminal;

/** Values of the pad tests. */
final class PadFixtures {

    static final String HALL = "HALL-1";

    private PadFixtures() {
    }

    static RatingRequest request(String window, String caseNumber, String seq) {
        return new RatingRequest(HALL, window, caseNumber, seq, "ITEM-001", "城乡居民养老保险参保登记", "CLERK-7", "李明");
    }

    static PadRegistration registration(TestTerminal pad, String window) {
        return new PadRegistration(pad.id, HALL, window);
    }

    /** A window rating as a pad sends it for {@link #request}; level ≤ 2 carries a reason. */
    static RatingSubmission padRating(TestTerminal pad, String key, String window, String caseNumber, String seq,
            int level) {
        return new RatingSubmission(key, caseNumber, seq, "ITEM-001", HALL, pad.id, window, "CLERK-7",
                RatingChannel.WINDOW_PAD, level, Map.of("SATISFACTION", level),
                level <= 2 ? List.of("SERVICE_ATTITUDE") : List.of(), level <= 2 ? "等了很久" : null, false,
                Instant.parse("2025-03-03T02:01:00Z"));
    }
}
