package org.govkiosk.device.internal.codec.ratingpad;

import java.util.Optional;

/** A payload read into its record, or why it could not be: a value, so bad bytes never throw. */
public sealed interface Parsed<T> {

    record Ok<T>(T value) implements Parsed<T> {
    }

    record Malformed<T>(String reason) implements Parsed<T> {
    }

    default Optional<T> toOptional() {
        return this instanceof Ok<T> ok ? Optional.of(ok.value()) : Optional.empty();
    }

    static <T> Parsed<T> ok(T value) {
        return new Ok<>(value);
    }

    static <T> Parsed<T> malformed(String reason) {
        return new Malformed<>(reason);
    }
}
