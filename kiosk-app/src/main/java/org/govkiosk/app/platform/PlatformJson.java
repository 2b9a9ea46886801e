package org.govkiosk.app.platform;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.govkiosk.api.ApiJson;
import org.govkiosk.api.RatingSubmission;

/**
 * The terminal's JSON: the API's lenient reader, and a writer that leaves out derived getters of the API records
 * ({@code RatingSubmission.isBad()} would go out as a {@code "bad"} field, which the platform's strict reader
 * refuses as unknown).
 */
final class PlatformJson {

    @JsonIgnoreProperties({"bad"})
    private abstract static class RatingSubmissionMixin {
    }

    private PlatformJson() {
    }

    static ObjectMapper mapper() {
        return ApiJson.lenient().addMixIn(RatingSubmission.class, RatingSubmissionMixin.class);
    }
}
