package org.govkiosk.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class PlatformServerTest {

    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void answersHealthOverRealHttp() throws Exception {
        try (PlatformServer server = PlatformServer.startEmbedded()) {
            HttpResponse<String> response = client.send(
                    HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/v1/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("\"status\":\"UP\"");
        }
    }

    @Test
    void unknownPathSaysWhetherRetryHelps() throws Exception {
        try (PlatformServer server = PlatformServer.startEmbedded()) {
            HttpResponse<String> response = client.send(
                    HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/v1/nothing")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(response.body()).contains("\"retryable\":false");
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
        }
    }
}
