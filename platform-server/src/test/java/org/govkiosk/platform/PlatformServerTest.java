package org.govkiosk.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The embedded server as the kiosk demo starts it. */
class PlatformServerTest {

    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void embeddedServerAnswersHealthOnLoopbackWithFreshTokens() throws Exception {
        try (PlatformServer server = PlatformServer.startEmbedded();
                PlatformServer second = PlatformServer.startEmbedded()) {
            assertThat(server.baseUri().getHost()).isEqualTo("127.0.0.1");
            assertThat(server.port()).isPositive().isNotEqualTo(second.port());
            assertThat(server.enrolmentToken()).isPresent();
            assertThat(server.clerkToken()).isPresent().isNotEqualTo(second.clerkToken());
            HttpResponse<String> response = client.send(
                    HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/v1/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("\"status\":\"UP\"");
        }
    }

    @Test
    void healthRefusesPost() throws Exception {
        try (PlatformServer server = PlatformServer.startEmbedded()) {
            HttpResponse<String> response = client.send(
                    HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/v1/health"))
                            .POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(405);
            assertThat(response.body()).contains("\"retryable\":false");
        }
    }
}
