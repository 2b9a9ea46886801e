package org.govkiosk.platform.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.govkiosk.api.ApiJson;

/** Lists of texts (reasons, material codes and names) kept as JSON text in one column, like {@link MaterialsJson}. */
final class TextsJson {

    private static final ObjectMapper JSON = ApiJson.lenient();
    private static final TypeReference<List<String>> LIST = new TypeReference<>() { };

    private TextsJson() {
    }

    static String write(List<String> texts) {
        try {
            return JSON.writeValueAsString(texts);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @param what what the texts are, for the message when the stored JSON cannot be read */
    static List<String> read(String json, String what) {
        try {
            return JSON.readValue(json, LIST);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable " + what + ": " + e.getOriginalMessage(), e);
        }
    }
}
