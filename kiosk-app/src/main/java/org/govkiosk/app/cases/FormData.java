package org.govkiosk.app.cases;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The item's form as the citizen filled it in, by field code. Values may be personal data: {@link #toString()}
 * shows only the field codes.
 */
public record FormData(Map<String, String> fields) {

    public FormData {
        Objects.requireNonNull(fields, "fields");
        fields.forEach((k, v) -> {
            if (k == null || k.isBlank() || v == null) {
                throw new IllegalArgumentException("form fields need a code and a value (field '" + k + "')");
            }
        });
        fields = Map.copyOf(fields);
    }

    public static FormData empty() {
        return new FormData(Map.of());
    }

    public FormData with(String field, String value) {
        Map<String, String> copy = new LinkedHashMap<>(fields);
        copy.put(field, value);
        return new FormData(copy);
    }

    @Override
    public String toString() {
        return "FormData" + fields.keySet();
    }
}
