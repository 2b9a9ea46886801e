package org.govkiosk.platform.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.govkiosk.api.ApiJson;
import org.govkiosk.api.Material;

/** Lists of materials kept as JSON text in one column (portable between H2 and PostgreSQL); none is NULL. */
final class MaterialsJson {

    private static final ObjectMapper JSON = ApiJson.lenient();
    private static final TypeReference<List<Material>> LIST = new TypeReference<>() { };

    private MaterialsJson() {
    }

    static String write(List<Material> materials) {
        if (materials.isEmpty()) {
            return null;
        }
        try {
            return JSON.writeValueAsString(materials);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write materials as JSON", e);
        }
    }

    static List<Material> read(String json) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        try {
            return JSON.readValue(json, LIST);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored materials are not readable JSON", e);
        }
    }
}
