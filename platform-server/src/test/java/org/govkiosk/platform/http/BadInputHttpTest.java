package org.govkiosk.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.govkiosk.api.ApiError;
import org.govkiosk.api.ApiPaths;
import org.govkiosk.api.ErrorCodes;
import org.govkiosk.platform.Fixtures;
import org.govkiosk.platform.config.PlatformConfig;
import org.govkiosk.platform.RunningPlatform;
import org.govkiosk.platform.TestTerminal;
import org.junit.jupiter.api.Test;

/** Bad input is answered with a clear 4xx JSON error, retryable false, and stores nothing. */
class BadInputHttpTest extends RunningPlatform {

    @Override
    protected PlatformConfig config() {
        return super.config().withLimits(16 * 1024, 64 * 1024);
    }

    private ApiError refused(String body, int status, String code) throws Exception {
        HttpResponse<String> r = terminal.send("POST", ApiPaths.CASES, body.getBytes(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/json"));
        ApiError e = TestTerminal.error(r);
        assertThat(e.code()).isEqualTo(code);
        assertThat(e.retryable()).isFalse();
        return e;
    }

    private String validJson() throws Exception {
        return TestTerminal.JSON.writeValueAsString(Fixtures.submission("T-001", "k1"));
    }

    @Test
    void garbageIsMalformedJson() throws Exception {
        refused("{\"idempotencyKey\": ", 400, ErrorCodes.MALFORMED_JSON);
        refused("\u0000\u0001binary", 400, ErrorCodes.MALFORMED_JSON);
        refused("", 400, ErrorCodes.MALFORMED_JSON);
        refused("[1,2]", 400, ErrorCodes.MALFORMED_JSON);
        refused(validJson() + " trailing", 400, ErrorCodes.MALFORMED_JSON);
        assertNothingStored();
    }

    @Test
    void unknownFieldIsNamed() throws Exception {
        ApiError e = refused(validJson().replace("{\"idempotencyKey\"", "{\"colour\":\"red\",\"idempotencyKey\""),
                400, ErrorCodes.UNKNOWN_FIELD);
        assertThat(e.message()).contains("colour");
        ApiError nested = refused(validJson().replace("\"idType\"", "\"extra\":1,\"idType\""), 400,
                ErrorCodes.UNKNOWN_FIELD);
        assertThat(nested.message()).contains("applicant.extra");
    }

    @Test
    void missingOrWrongFieldIsNamedWithoutEchoingTheValue() throws Exception {
        ApiError missing = refused(validJson().replace("\"itemCode\":\"ITEM-001\",", ""), 400,
                ErrorCodes.INVALID_FIELD);
        assertThat(missing.message()).contains("itemCode is required");
        ApiError id = refused(validJson().replace("\"idNumber\":\"" + Fixtures.ID_NUMBER + "\",", ""), 400,
                ErrorCodes.INVALID_FIELD);
        assertThat(id.message()).contains("applicant.idNumber is required");
        ApiError kind = refused(validJson().replace("\"PROMISED\"", "\"SOON\""), 400, ErrorCodes.INVALID_FIELD);
        assertThat(kind.message()).contains("kind").doesNotContain("SOON");
        ApiError date = refused(validJson().replace("2025-03-03T02:00:00Z", "yesterday"), 400,
                ErrorCodes.INVALID_FIELD);
        assertThat(date.message()).contains("submittedAt");
        assertNothingStored();
    }

    @Test
    void oversizedBodyIs413() throws Exception {
        String big = validJson().replace("\"本地\"", "\"" + "很".repeat(20_000) + "\"");
        refused(big, 413, ErrorCodes.BODY_TOO_LARGE);
        assertNothingStored();
    }

    @Test
    void oversizedBodyWithoutLengthIs413() throws Exception {
        byte[] big = validJson().replace("\"本地\"", "\"" + "x".repeat(40_000) + "\"").getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = terminal.sign("POST", ApiPaths.CASES, big).asMap();
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.baseUri() + ApiPaths.CASES))
                .header("Content-Type", "application/json")
                // A stream publisher of unknown length makes the client send the body chunked.
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big)));
        headers.forEach(b::header);
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(TestTerminal.error(r).code()).isEqualTo(ErrorCodes.BODY_TOO_LARGE);
    }

    @Test
    void wrongContentTypeIs415() throws Exception {
        byte[] body = validJson().getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = new java.util.HashMap<>(terminal.sign("POST", ApiPaths.CASES, body).asMap());
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.baseUri() + ApiPaths.CASES))
                .header("Content-Type", "text/xml").POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(b::header);
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(415);
        assertThat(TestTerminal.error(r).retryable()).isFalse();
    }

    @Test
    void unknownPathIs404AndWrongMethodIs405() throws Exception {
        HttpResponse<String> none = plain("GET", "/api/v1/nothing");
        assertThat(none.statusCode()).isEqualTo(404);
        assertThat(TestTerminal.error(none).code()).isEqualTo(ErrorCodes.NOT_FOUND);
        assertThat(TestTerminal.error(none).retryable()).isFalse();
        HttpResponse<String> wrong = plain("DELETE", ApiPaths.CASES);
        assertThat(wrong.statusCode()).isEqualTo(405);
        assertThat(TestTerminal.error(wrong).code()).isEqualTo(ErrorCodes.METHOD_NOT_ALLOWED);
    }

    private void assertNothingStored() throws Exception {
        assertThat(clerk("GET", ApiPaths.CLERK_CASES, null).body()).isEqualTo("{\"cases\":[]}");
    }
}
