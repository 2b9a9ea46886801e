package org.govkiosk.platform;

import org.govkiosk.platform.config.PlatformConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.govkiosk.platform.http.RouteTable.Route;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The OpenAPI document and the server agree: every documented operation is served, and nothing else is. */
class OpenApiContractTest {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    private static PlatformServer server;
    private static List<Route> documented;

    @BeforeAll
    static void start() throws Exception {
        server = PlatformServer.start(PlatformConfig.embedded()
                .withTokens(RunningPlatform.ENROLMENT, RunningPlatform.CLERK));
        documented = new ArrayList<>();
        try (InputStream in = OpenApiContractTest.class.getResourceAsStream("/openapi/govkiosk-platform.yaml")) {
            assertThat(in).as("OpenAPI document on the classpath").isNotNull();
            JsonNode paths = new ObjectMapper(new YAMLFactory()).readTree(in).get("paths");
            paths.fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(method -> {
                if (METHODS.contains(method)) {
                    documented.add(new Route(method.toUpperCase(Locale.ROOT), path.getKey()));
                }
            }));
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void documentListsTheOperationsTheIssueAsksFor() {
        assertThat(documented).hasSizeGreaterThanOrEqualTo(14);
    }

    @Test
    void everyDocumentedOperationIsServed() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (Route route : documented) {
            String path = route.path().replace("{caseNumber}", "GK2025030300000000000");
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(server.baseUri() + path))
                    .method(route.method(), HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
            // Unsigned and empty: refused (401, 400 ...) but never "no such route".
            assertThat(r.statusCode()).as(route + " answered " + r.body()).isNotIn(404, 405);
        }
    }

    @Test
    void everyServedRouteIsDocumented() {
        assertThat(documented).containsExactlyInAnyOrderElementsOf(server.routes());
    }
}
