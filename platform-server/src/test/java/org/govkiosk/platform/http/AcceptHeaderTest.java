package org.govkiosk.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Accept read by the standard rules: q-values, wildcards, the most specific range deciding. */
class AcceptHeaderTest {

    private static final String SSE = "text/event-stream";

    @Test
    void theExactTypeOrAWildcardAccepts() {
        assertThat(AcceptHeader.accepts("text/event-stream", SSE)).isTrue();
        assertThat(AcceptHeader.accepts("text/event-stream, */*;q=0.1", SSE)).isTrue();
        assertThat(AcceptHeader.accepts("application/json, text/*;q=0.5", SSE)).isTrue();
        assertThat(AcceptHeader.accepts("*/*", SSE)).isTrue();
        assertThat(AcceptHeader.accepts("TEXT/Event-Stream ; charset=utf-8", SSE)).isTrue();
    }

    @Test
    void noHeaderAcceptsAnything() {
        assertThat(AcceptHeader.accepts(null, SSE)).isTrue();
        assertThat(AcceptHeader.accepts("  ", SSE)).isTrue();
    }

    @Test
    void otherTypesOrAZeroWeightRefuse() {
        assertThat(AcceptHeader.accepts("application/json", SSE)).isFalse();
        assertThat(AcceptHeader.accepts("text/html, application/*", SSE)).isFalse();
        assertThat(AcceptHeader.accepts("text/event-stream;q=0, */*", SSE)).as("the exact range decides").isFalse();
        assertThat(AcceptHeader.accepts("text/*;q=0.000, */*;q=1", SSE)).isFalse();
        assertThat(AcceptHeader.accepts("*/*;q=0", SSE)).isFalse();
    }

    @Test
    void theMostSpecificRangeDecidesWhateverTheOrder() {
        assertThat(AcceptHeader.weight("*/*;q=0.1, text/*;q=0.3, text/event-stream;q=0.7", SSE)).isEqualTo(0.7);
        assertThat(AcceptHeader.weight("text/event-stream;q=0.7, text/*;q=0.3, */*;q=0.1", SSE)).isEqualTo(0.7);
        assertThat(AcceptHeader.weight("text/*;q=0.3, */*;q=0.1", SSE)).isEqualTo(0.3);
    }

    @Test
    void malformedElementsAreIgnored() {
        assertThat(AcceptHeader.accepts("text/event-stream;q=2", SSE)).as("a weight above 1 is no weight").isFalse();
        assertThat(AcceptHeader.accepts("garbage, text/event-stream;q=abc, */*;q=0.2", SSE)).isTrue();
        assertThat(AcceptHeader.accepts("garbage", SSE)).isFalse();
        assertThat(AcceptHeader.accepts("/, text/, ;q=1", SSE)).isFalse();
    }
}
