package org.govkiosk.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;

/** The JSON conventions of the API: ISO-8601 text for instants and dates, records as objects. */
public final class ApiJson {

    /** The earliest instant a request may carry: before it, no clock of a terminal or a clerk is right. */
    public static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
    /** The first instant a request may not carry: beyond four-digit years nothing is stored or shown. */
    public static final Instant END = Instant.parse("+10000-01-01T00:00:00Z");
    public static final LocalDate EARLIEST_DATE = LocalDate.of(1900, 1, 1);
    public static final LocalDate LATEST_DATE = LocalDate.of(9999, 12, 31);

    private ApiJson() {
    }

    /**
     * A value the strict reader refuses although it is well-formed JSON of the right type: a time out of range,
     * text with a NUL character or a lone surrogate. {@link #reason()} says why without the value (it may be
     * personal data).
     */
    public static final class RefusedValueException extends MismatchedInputException {

        private final String reason;

        RefusedValueException(JsonParser p, String reason, Class<?> type) {
            super(p, reason, type);
            this.reason = reason;
        }

        public String reason() {
            return reason;
        }
    }

    /**
     * For reading requests on the platform: unknown fields, duplicate keys, trailing garbage, nulls for numbers or
     * booleans and values of another JSON type ("5" or 2.5 for an integer, 1 for a boolean or a string) are
     * errors, and so are times out of range and text with NUL characters or lone surrogates, so a client's typo
     * (or an attacker's probe) is reported instead of silently taken.
     */
    public static ObjectMapper strict() {
        JsonMapper mapper = JsonMapper.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .build();
        for (LogicalType type : new LogicalType[] {LogicalType.Integer, LogicalType.Float, LogicalType.Boolean,
                LogicalType.Textual}) {
            mapper.coercionConfigFor(type)
                    .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        }
        // Text is text (the coercions above are for the other shapes only); an integer may be written as one.
        mapper.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.String, CoercionAction.TryConvert);
        mapper.coercionConfigFor(LogicalType.Float).setCoercion(CoercionInputShape.Integer, CoercionAction.TryConvert);
        SimpleModule bounds = new SimpleModule("govkiosk-strict-values")
                .addDeserializer(String.class, new CleanText())
                .addKeyDeserializer(String.class, new CleanKey())
                .addDeserializer(Instant.class, new BoundedInstant())
                .addDeserializer(LocalDate.class, new BoundedDate());
        return conventions(mapper).registerModule(bounds);
    }

    /** For reading responses on a terminal: fields a newer platform adds are ignored. */
    public static ObjectMapper lenient() {
        return conventions(new ObjectMapper()).disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    private static ObjectMapper conventions(ObjectMapper mapper) {
        return mapper
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);
    }

    /** Why a text may not be stored, or null: NUL characters and lone (unpaired) UTF-16 surrogates. */
    static String problem(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\u0000') {
                return "contains a NUL character";
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return "contains a lone surrogate (not valid Unicode text)";
            }
            if (Character.isLowSurrogate(c)) {
                return "contains a lone surrogate (not valid Unicode text)";
            }
        }
        return null;
    }

    private static final class CleanText extends StdScalarDeserializer<String> {

        CleanText() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String s = StringDeserializer.instance.deserialize(p, ctxt);
            String problem = s == null ? null : problem(s);
            if (problem != null) {
                throw new RefusedValueException(p, problem, String.class);
            }
            return s;
        }
    }

    private static final class CleanKey extends KeyDeserializer {

        @Override
        public Object deserializeKey(String key, DeserializationContext ctxt) throws IOException {
            String problem = problem(key);
            if (problem != null) {
                throw new RefusedValueException(ctxt.getParser(), "has a key that " + problem, String.class);
            }
            return key;
        }
    }

    private static final class BoundedInstant extends StdScalarDeserializer<Instant> {

        BoundedInstant() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            Instant at = InstantDeserializer.INSTANT.deserialize(p, ctxt);
            if (at != null && (at.isBefore(EARLIEST) || !at.isBefore(END))) {
                throw new RefusedValueException(p, "is out of range (from " + EARLIEST + " to before year 10000)",
                        Instant.class);
            }
            return at;
        }
    }

    private static final class BoundedDate extends StdScalarDeserializer<LocalDate> {

        BoundedDate() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            LocalDate date = LocalDateDeserializer.INSTANCE.deserialize(p, ctxt);
            if (date != null && (date.isBefore(EARLIEST_DATE) || date.isAfter(LATEST_DATE))) {
                throw new RefusedValueException(p, "is out of range (" + EARLIEST_DATE + " to " + LATEST_DATE + ")",
                        LocalDate.class);
            }
            return date;
        }
    }
}
