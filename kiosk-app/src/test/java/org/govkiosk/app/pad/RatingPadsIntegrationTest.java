package org.govkiosk.app.pad;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.govkiosk.api.ApiJson;
import org.govkiosk.api.ApiPaths;
import org.govkiosk.api.RatingRequest;
import org.govkiosk.api.RatingRequestReceipt;
import org.govkiosk.testkit.Await;
import org.govkiosk.app.ui.pad.PadViewModel.Stage;
import org.govkiosk.platform.PlatformServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 7's proof: the reference platform and two pads on real SSE connections over loopback. The window asks,
 * pad A shows the case and clerk, a bad rating with a reason goes in (tapped twice, sent again) and the platform
 * holds it once; pad B, cut off while its window asks, shows the request once it is back.
 */
class RatingPadsIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private final HttpClient http = HttpClient.newHttpClient();
    private PlatformServer server;
    private PadRig padA;
    private PadRig padB;

    @BeforeEach
    void start() throws Exception {
        server = PlatformServer.startEmbedded();
        padA = new PadRig(server, "PAD-A", "W-01");
        padB = new PadRig(server, "PAD-B", "W-02");
        Await.until("both pads connected", WAIT,
                () -> padA.model.connectedProperty().get() && padB.model.connectedProperty().get());
    }

    @AfterEach
    void stop() {
        padA.close();
        padB.close();
        server.close();
    }

    private RatingRequestReceipt ask(String window, String caseNumber) throws Exception {
        HttpResponse<String> r = clerk("POST", ApiPaths.CLERK_RATING_REQUESTS, ApiJson.strict().writeValueAsString(
                new RatingRequest(PadRig.HALL, window, caseNumber, "1", "11440100MB2C12345X4440117001000",
                        "城乡居民养老保险参保登记", "CLERK-7", "李明")));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return ApiJson.lenient().readValue(r.body(), RatingRequestReceipt.class);
    }

    private HttpResponse<String> clerk(String method, String path, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.baseUri() + path))
                .header("Authorization", "Bearer " + server.clerkToken().orElseThrow())
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void eachPadShowsItsWindowsRatingLinkThePlatformSignedAndItLeadsAPhoneToTheWindowsContact() throws Exception {
        Await.until("pad A has its window's rating link", WAIT, () -> padA.model.ratingLinkProperty().get() != null);
        Await.until("pad B has its window's rating link", WAIT, () -> padB.model.ratingLinkProperty().get() != null);
        org.govkiosk.api.WindowRatingLink a = padA.model.ratingLinkProperty().get();
        assertThat(a.windowId()).isEqualTo("W-01");
        assertThat(padB.model.ratingLinkProperty().get().windowId()).isEqualTo("W-02");
        assertThat(a.url()).startsWith(server.baseUri() + ApiPaths.RATE_WINDOW_PAGE + "?t=");
        assertThat(padA.connection.ratingLink()).contains(a);
        HttpClient phone = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> idle = phone.send(HttpRequest.newBuilder(URI.create(a.url())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(idle.statusCode()).as("nothing served at W-01 yet").isEqualTo(200);
        ask("W-01", "GK20250303000999");
        HttpResponse<String> led = phone.send(HttpRequest.newBuilder(URI.create(a.url())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(led.statusCode()).as("to the window's contact").isEqualTo(303);
        assertThat(led.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l)
                .startsWith(ApiPaths.RATE_PAGE + "?t="));
    }

    @Test
    void theWindowAsksPadAShowsItAndABadRatingIsHeldOnce() throws Exception {
        RatingRequestReceipt receipt = ask("W-01", "GK20250303000123");
        assertThat(receipt.padsReached()).isEqualTo(1);

        Await.until("pad A asks for a rating", WAIT, () -> padA.model.stageProperty().get() == Stage.RATING);
        assertThat(padA.model.requestProperty().get().clerkName()).isEqualTo("李明");
        assertThat(padA.model.requestProperty().get().itemName()).isEqualTo("城乡居民养老保险参保登记");
        assertThat(padB.model.stageProperty().get()).as("another window's pad").isEqualTo(Stage.IDLE);

        padA.model.anonymousProperty().set(true); // 不公开评价
        padA.model.chooseLevel(1);
        padA.model.toggleReason("SERVICE_ATTITUDE");
        padA.model.submit();
        padA.model.submit();
        assertThat(padA.model.stageProperty().get()).isEqualTo(Stage.THANKS);
        assertThat(padA.submitted).hasSize(1);
        // The outbox sends again after a lost answer: the same key, the same rating.
        padA.send(padA.submitted.get(0));

        JsonNode bad = ApiJson.lenient().readTree(clerk("GET", ApiPaths.CLERK_BAD_RATINGS, null).body());
        assertThat(bad.get("ratings")).hasSize(1);
        JsonNode held = bad.get("ratings").get(0);
        assertThat(held.get("caseNumber").asText()).isEqualTo("GK20250303000123");
        assertThat(held.get("badReasons").get(0).asText()).isEqualTo("SERVICE_ATTITUDE");
        assertThat(held.get("windowId").asText()).isEqualTo("W-01");
        assertThat(held.get("clerkId").asText()).isEqualTo("CLERK-7");
        assertThat(held.get("channel").asText()).isEqualTo("WINDOW_PAD");
        assertThat(held.get("anonymous").asBoolean()).as("the citizen's 不公开评价 reached the platform").isTrue();

        HttpResponse<String> askAgain = clerk("POST", ApiPaths.CLERK_RATING_REQUESTS, ApiJson.strict()
                .writeValueAsString(new RatingRequest(PadRig.HALL, "W-01", "GK20250303000123", "1", "X", "Y", "C",
                        "N")));
        assertThat(askAgain.statusCode()).as("rated contacts are not asked again").isEqualTo(409);
    }

    @Test
    void aPadCutOffWhileItsWindowAsksShowsTheRequestWhenItIsBack() throws Exception {
        int connectsBefore = (int) padB.connectionChanges.stream().filter(c -> c).count();
        padB.connection.dropConnection();
        Await.until("pad B disconnected", WAIT, () -> !padB.model.connectedProperty().get());
        RatingRequestReceipt receipt = ask("W-02", "GK20250303000456");

        Await.until("pad B asks for a rating", WAIT, () -> padB.model.stageProperty().get() == Stage.RATING);
        assertThat(padB.model.requestProperty().get().requestId()).isEqualTo(receipt.requestId());
        assertThat(padB.connectionChanges.stream().filter(c -> c).count()).isGreaterThan(connectsBefore);
        assertThat(padA.model.stageProperty().get()).isEqualTo(Stage.IDLE);

        padB.model.chooseLevel(4);
        assertThat(padB.model.stageProperty().get()).isEqualTo(Stage.THANKS);
        JsonNode all = ApiJson.lenient().readTree(clerk("GET", ApiPaths.CLERK_BAD_RATINGS, null).body());
        assertThat(all.get("ratings")).as("a good rating is no work").isEmpty();
    }
}
