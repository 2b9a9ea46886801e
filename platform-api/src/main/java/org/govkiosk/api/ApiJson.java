package org.govkiosk.api;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** The JSON conventions of the API: ISO-8601 text for instants and dates, records as objects. */
public final class ApiJson {

    private ApiJson() {
    }

    /**
     * For reading requests on the platform: unknown fields, trailing garbage and nulls for numbers or booleans
     * are errors, so a client's typo is reported instead of silently dropped.
     */
    public static ObjectMapper strict() {
        return base()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    /** For reading responses on a terminal: fields a newer platform adds are ignored. */
    public static ObjectMapper lenient() {
        return base().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    private static ObjectMapper base() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);
    }
}
