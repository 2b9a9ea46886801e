package org.govkiosk.app.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.govkiosk.api.ApiJson;

/**
 * The terminal's JSON: the API's lenient reader (fields a newer platform adds are ignored). Writing needs nothing
 * extra: the API records keep derived getters out of their JSON themselves.
 */
final class PlatformJson {

    private PlatformJson() {
    }

    static ObjectMapper mapper() {
        return ApiJson.lenient();
    }
}
