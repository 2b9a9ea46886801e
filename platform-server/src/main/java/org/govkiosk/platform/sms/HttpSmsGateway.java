package org.govkiosk.platform.sms;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * An operator's SMS gateway over HTTP: {@code POST url} with {@code {"to", "text", "id"}} as JSON and
 * {@code Authorization: Bearer KEY}; any 2xx is accepted. Connecting and the whole answer are bounded in time, so
 * a gateway that hangs holds nothing. A 4xx other than 408 and 429 says the message itself is wrong: not retried.
 */
public final class HttpSmsGateway implements SmsGateway {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI url;
    private final Optional<String> key;
    private final Duration requestTimeout;
    private final HttpClient http;

    public HttpSmsGateway(URI url, Optional<String> key, Duration connectTimeout, Duration requestTimeout) {
        this.url = url;
        this.key = key;
        this.requestTimeout = requestTimeout;
        this.http = HttpClient.newBuilder().connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public static HttpSmsGateway of(SmsSettings settings) {
        return new HttpSmsGateway(settings.url().orElseThrow(() -> new IllegalArgumentException("no sms-url")),
                settings.key(), settings.connectTimeout(), settings.requestTimeout());
    }

    @Override
    public void send(SmsMessage m) {
        String body;
        try {
            body = JSON.writeValueAsString(Map.of("to", m.phone(), "text", m.text(), "id", m.dedupeKey()));
        } catch (JsonProcessingException e) {
            throw new SmsException("cannot write the SMS as JSON", false, e);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(requestTimeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        key.ifPresent(k -> request.header("Authorization", "Bearer " + k));
        HttpResponse<Void> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            throw new SmsException("the SMS gateway " + url.getHost() + " did not answer: " + e, true, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SmsException("interrupted while sending an SMS", true, e);
        }
        int status = response.statusCode();
        if (status / 100 != 2) {
            boolean retryable = status >= 500 || status == 408 || status == 429;
            throw new SmsException("the SMS gateway answered " + status, retryable, null);
        }
    }
}
