package org.govkiosk.api;

import java.util.List;
import java.util.Map;

/** Field checks for the records' constructors; the messages name the field, as error responses show them. */
final class Check {

    private Check() {
    }

    static String text(String value, String field, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is required");
        }
        return optionalText(value, field, maxLength);
    }

    static String optionalText(String value, String field, int maxLength) {
        if (value != null && value.length() > maxLength) {
            throw new IllegalArgumentException(field + " is longer than " + maxLength + " characters");
        }
        return value;
    }

    static <T> T present(T value, String field) {
        if (value == null) {
            throw new IllegalArgumentException(field + " is required");
        }
        return value;
    }

    static <T> List<T> list(List<T> values, String field) {
        if (values == null) {
            return List.of();
        }
        for (T v : values) {
            if (v == null) {
                throw new IllegalArgumentException(field + " must not contain null");
            }
        }
        return List.copyOf(values);
    }

    static <K extends Comparable<K>, V> Map<K, V> map(Map<K, V> values, String field) {
        if (values == null) {
            return Map.of();
        }
        values.forEach((k, v) -> {
            if (k == null || v == null) {
                throw new IllegalArgumentException(field + " must not contain null keys or values");
            }
        });
        // Sorted, so the JSON of equal maps is the same bytes in every JVM (idempotency compares bodies).
        return java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(values));
    }
}
