package org.govkiosk.platform.province;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.govkiosk.api.ApiJson;

/**
 * Sends one delivery to the province: signed ({@link ProvinceHmac}), with its idempotency key, bounded in time
 * (connect and whole-answer timeouts) and in size (an answer over {@link #MAX_ANSWER} bytes is garbage). An answer
 * counts only when its signature holds for this request: nothing leaves the outbox on an unverified word.
 */
final class ProvinceClient {

    static final String DELIVERIES = "/deliveries";
    static final int MAX_ANSWER = 64 * 1024;

    /** What an attempt came to. */
    sealed interface Outcome {
        /** Taken (or known already: {@code duplicate}). */
        record Delivered(boolean duplicate) implements Outcome {
        }

        /** Failed in a way a later attempt may mend (network, timeout, 5xx, 408, 429, garbage, unsigned answer). */
        record Retry(String why) implements Outcome {
        }

        /** Refused for good (another 4xx): a dead letter at once, for a person. */
        record Refused(String why) implements Outcome {
        }
    }

    private final HttpClient http;
    private final URI deliveries;
    private final ProvinceHmac ours;
    private final ProvinceHmac theirs;
    private final Duration requestTimeout;
    private final Clock clock;
    private final ObjectMapper json = ApiJson.lenient();

    ProvinceClient(ProvinceSettings settings, ProvinceHmac ours, ProvinceHmac theirs, Clock clock) {
        this.http = HttpClient.newBuilder().connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.deliveries = URI.create(settings.url().orElseThrow() + DELIVERIES);
        this.ours = ours;
        this.theirs = theirs;
        this.requestTimeout = settings.requestTimeout();
        this.clock = clock;
    }

    Outcome send(String idempotencyKey, byte[] body) {
        Map<String, String> signed = ours.sign("POST", deliveries.getRawPath(), body, clock.instant());
        HttpRequest.Builder b = HttpRequest.newBuilder(deliveries).timeout(requestTimeout)
                .header("Content-Type", "application/json; charset=utf-8").header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        signed.forEach(b::header);
        try {
            HttpResponse<InputStream> r = http.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
            byte[] answer;
            try (InputStream in = r.body()) {
                answer = in.readNBytes(MAX_ANSWER + 1);
            }
            int status = r.statusCode();
            if (answer.length > MAX_ANSWER) {
                return new Outcome.Retry("answer " + status + " over " + MAX_ANSWER + " bytes");
            }
            if (status == 408 || status == 429 || status >= 500) {
                return new Outcome.Retry("answered " + status);
            }
            if (!theirs.answerHolds(status, signed.get(ProvinceHmac.NONCE), answer,
                    r.headers().firstValue(ProvinceHmac.SIGNATURE).orElse(null))) {
                return new Outcome.Retry("answer " + status + " without a valid signature");
            }
            if (status == 200 || status == 201) {
                JsonNode ack = parse(answer);
                String state = ack == null ? "" : ack.path("status").asText("");
                if (!idempotencyKey.equals(ack == null ? null : ack.path("idempotencyKey").asText(null))) {
                    return new Outcome.Retry("answer " + status + " names another delivery or none");
                }
                if (state.equals("accepted") || state.equals("duplicate")) {
                    return new Outcome.Delivered(state.equals("duplicate"));
                }
                return new Outcome.Retry("answer " + status + " with status '" + cut(state) + "'");
            }
            JsonNode error = parse(answer);
            return new Outcome.Refused("refused " + status + (error == null ? "" : ": "
                    + cut(error.path("code").asText("") + " " + error.path("message").asText(""))));
        } catch (HttpTimeoutException e) {
            return new Outcome.Retry("no answer within " + requestTimeout.toSeconds() + " s");
        } catch (IOException e) {
            return new Outcome.Retry("network: " + e.getClass().getSimpleName() + " " + cut(String.valueOf(
                    e.getMessage())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome.Retry("interrupted");
        }
    }

    private JsonNode parse(byte[] answer) {
        try {
            JsonNode n = json.readTree(answer);
            return n != null && n.isObject() ? n : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static String cut(String s) {
        return s.length() > 200 ? s.substring(0, 200) : s;
    }
}
