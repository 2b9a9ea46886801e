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

/**
 * The OpenAPI document and the server agree: every documented operation is served, and nothing else is; every
 * failure an operation documents (at least {@link ContractProbes#REQUIRED}) is provoked and answered with that status
 * and an ApiError body, and no probe gets a status its operation does not document.
 */
class OpenApiContractTest {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    private static PlatformServer server;
    private static List<Route> documented;
    private static JsonNode paths;
    private static ContractProbes probes;

    @BeforeAll
    static void start() throws Exception {
        server = PlatformServer.start(PlatformConfig.embedded()
                .withTokens(RunningPlatform.ENROLMENT, RunningPlatform.CLERK));
        documented = new ArrayList<>();
        try (InputStream in = OpenApiContractTest.class.getResourceAsStream("/openapi/govkiosk-platform.yaml")) {
            assertThat(in).as("OpenAPI document on the classpath").isNotNull();
            paths = new ObjectMapper(new YAMLFactory()).readTree(in).get("paths");
            paths.fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(method -> {
                if (METHODS.contains(method)) {
                    documented.add(new Route(method.toUpperCase(Locale.ROOT), path.getKey()));
                }
            }));
        }
        TestTerminal terminal = new TestTerminal(server.baseUri(), "T-CONTRACT", java.time.Clock.systemUTC())
                .registered(RunningPlatform.ENROLMENT);
        StaffClient.add(server, "probe-tech", org.govkiosk.platform.staff.Role.TECHNICIAN, "HALL-1");
        StaffClient.add(server, "probe-clerk", org.govkiosk.platform.staff.Role.CLERK, "HALL-1");
        StaffClient.add(server, "probe-super2", org.govkiosk.platform.staff.Role.SUPERVISOR, "HALL-2");
        probes = new ContractProbes(server.baseUri(), terminal, RunningPlatform.CLERK,
                ContractProbes.fileCompletedCase(terminal), StaffClient.token(server.baseUri(), "probe-tech"))
                .withPeople(StaffClient.token(server.baseUri(), "probe-clerk"),
                        StaffClient.token(server.baseUri(), "probe-super2"));
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
            String path = route.path().replace("{caseNumber}", "GK2025030300000000000")
                    .replace("{appealId}", "AP-none").replace("{number}", "1")
                    .replace("{login}", "x");
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

    @Test
    void everyDocumentedFailureIsAnsweredAsDocumented() throws Exception {
        List<String> problems = new ArrayList<>();
        int sent = 0;
        for (Route route : documented) {
            JsonNode op = paths.get(route.path()).get(route.method().toLowerCase(Locale.ROOT));
            JsonNode responses = op.get("responses");
            JsonNode security = op.get("security");
            String kind = security == null ? "terminal" : security.isEmpty() ? "public"
                    : security.toString().contains("clerkToken") ? "clerk" : "terminal";
            List<ContractProbes.Probe> mine = probes.probes(new ContractProbes.Operation(route,
                    op.has("requestBody"), kind));
            for (int status : ContractProbes.REQUIRED) {
                if (responses.has(Integer.toString(status))
                        && mine.stream().noneMatch(p -> p.expected() == status)) {
                    problems.add(route + " documents " + status + " but ContractProbes has no request for it");
                }
            }
            for (ContractProbes.Probe p : mine) {
                JsonNode documentedAnswer = responses.get(Integer.toString(p.expected()));
                if (documentedAnswer == null) {
                    problems.add(route + ": " + p.what() + " is answered " + p.expected()
                            + ", which the document does not list");
                    continue;
                }
                ContractProbes.Answer a = probes.send(p);
                sent++;
                if (a.status() != p.expected()) {
                    problems.add(route + ": " + p.what() + " answered " + a.status() + ", documented "
                            + p.expected() + ": " + a.body());
                } else if (isApiError(documentedAnswer)) {
                    String type = a.headers().getOrDefault("content-type", "");
                    JsonNode body = type.startsWith("application/json") ? new ObjectMapper().readTree(a.body()) : null;
                    if (body == null || !body.path("code").isTextual() || body.path("code").asText().isEmpty()
                            || !body.path("message").isTextual() || !body.path("retryable").isBoolean()) {
                        problems.add(route + ": " + p.what() + " answered " + type + " " + a.body()
                                + ", not the documented ApiError");
                    }
                }
            }
        }
        assertThat(problems).as(String.join("\n", problems)).isEmpty();
        assertThat(sent).as("probes sent").isGreaterThanOrEqualTo(documented.size() * 2);
    }

    @Test
    void anUnknownPathIs404AndAnUnservedMethod405AsTheIntroductionSays() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> unknown = http.send(HttpRequest.newBuilder(URI.create(server.baseUri()
                + "/api/v1/no-such-thing")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(new ObjectMapper().readTree(unknown.body()).path("code").asText()).isEqualTo("not-found");
        HttpResponse<String> method = http.send(HttpRequest.newBuilder(URI.create(server.baseUri()
                + "/api/v1/cases")).DELETE().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(method.statusCode()).isEqualTo(405);
        assertThat(new ObjectMapper().readTree(method.body()).path("code").asText()).isEqualTo("method-not-allowed");
    }

    /** Whether the document says this answer's body is an ApiError (by reference to a shared response, or inline). */
    private static boolean isApiError(JsonNode response) {
        return response.has("$ref") || response.path("content").path("application/json").path("schema")
                .path("$ref").asText().endsWith("/ApiError");
    }
}
