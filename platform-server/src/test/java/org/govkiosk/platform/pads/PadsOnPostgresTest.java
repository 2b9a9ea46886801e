package org.govkiosk.platform.pads;

import org.govkiosk.testkit.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.govkiosk.api.ApiPaths;
import org.govkiosk.api.BadRatingList;
import org.govkiosk.api.FollowUpState;
import org.govkiosk.api.NationalRatingPage;
import org.govkiosk.api.PadEvents;
import org.govkiosk.api.RatingFollowUp;
import org.govkiosk.api.RatingRequestClosed;
import org.govkiosk.api.RatingRequestReceipt;
import org.govkiosk.platform.config.PlatformConfig;
import org.govkiosk.platform.PlatformServer;
import org.govkiosk.platform.RunningPlatform;
import org.govkiosk.platform.PostgresCluster;
import org.govkiosk.platform.TestTerminal;
import org.junit.jupiter.api.Test;

/** The pads' SQL on a real PostgreSQL: request, supersede, replay, rate, work list, follow-up, national page. */
class PadsOnPostgresTest {

    private static final Duration WAIT = Duration.ofSeconds(5);
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theWholePadFlowRunsOnPostgres() throws Exception {
        assumeTrue(PostgresCluster.unavailableReason().isEmpty(),
                () -> "skipped: " + PostgresCluster.unavailableReason().orElse(""));
        PostgresCluster pg = PostgresCluster.shared();
        PlatformConfig config = PlatformConfig.embedded()
                .withTokens(RunningPlatform.ENROLMENT, RunningPlatform.CLERK)
                .withDatabase(pg.createDatabase(), PostgresCluster.USER, null);
        // The platform's and the pad's time, moved by the test: the national page's settle time is skipped over.
        MutableClock clock = new MutableClock(Instant.now());
        try (PlatformServer server = PlatformServer.start(config, clock)) {
            TestTerminal pad = new TestTerminal(server.baseUri(), "PAD-PG", clock)
                    .registered(RunningPlatform.ENROLMENT);
            assertThat(pad.post(ApiPaths.PADS, PadFixtures.registration(pad, "W-01")).statusCode()).isEqualTo(200);
            RatingRequestReceipt first = ask(server, "CASE-1");
            String firstId;
            try (SseTestClient s = SseTestClient.open(server.baseUri(), pad, null)) {
                s.next(PadEvents.HELLO, WAIT);
                firstId = s.next(PadEvents.RATING_REQUEST, WAIT).id();
            }
            RatingRequestReceipt second = ask(server, "CASE-2");
            assertThat(second.supersededRequestId()).isEqualTo(first.requestId());
            try (SseTestClient s = SseTestClient.open(server.baseUri(), pad, firstId)) {
                s.next(PadEvents.HELLO, WAIT);
                assertThat(s.next(PadEvents.RATING_REQUEST_CLOSED, WAIT).data()).contains("SUPERSEDED");
                s.next(PadEvents.RATING_REQUEST, WAIT);
                HttpResponse<String> rated = pad.post(ApiPaths.RATINGS,
                        PadFixtures.padRating(pad, "k1", "W-01", "CASE-2", "1", 1));
                assertThat(rated.statusCode()).as(rated.body()).isEqualTo(201);
                assertThat(TestTerminal.JSON.readValue(s.next(PadEvents.RATING_REQUEST_CLOSED, WAIT).data(),
                        RatingRequestClosed.class).reason()).isEqualTo(RatingRequestClosed.Reason.RATED);
            }
            BadRatingList bad = TestTerminal.JSON.readValue(clerk(server, "GET", ApiPaths.CLERK_BAD_RATINGS, null),
                    BadRatingList.class);
            assertThat(bad.ratings()).singleElement().satisfies(r -> assertThat(r.caseNumber()).isEqualTo("CASE-2"));
            String followed = clerk(server, "POST", ApiPaths.CLERK_RATING_FOLLOW_UPS, TestTerminal.JSON
                    .writeValueAsString(new RatingFollowUp(bad.ratings().get(0).ratingId(),
                            FollowUpState.IN_PROGRESS, "已电话回访")));
            assertThat(followed).contains("IN_PROGRESS");
            clock.advance(PadSettings.defaults().nationalSettle().plusMillis(100));
            NationalRatingPage page = TestTerminal.JSON.readValue(clerk(server, "GET",
                    ApiPaths.CLERK_NATIONAL_RATINGS, null), NationalRatingPage.class);
            assertThat(page.ratings()).singleElement().satisfies(r -> {
                assertThat(r.itemName()).isEqualTo("城乡居民养老保险参保登记");
                assertThat(r.channelCode()).isEqualTo("4");
            });
        }
    }

    private RatingRequestReceipt ask(PlatformServer server, String caseNumber) throws Exception {
        return TestTerminal.JSON.readValue(clerk(server, "POST", ApiPaths.CLERK_RATING_REQUESTS,
                TestTerminal.JSON.writeValueAsString(PadFixtures.request("W-01", caseNumber, "1"))),
                RatingRequestReceipt.class);
    }

    private String clerk(PlatformServer server, String method, String path, String json) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(server.baseUri() + path))
                .header("Authorization", "Bearer " + RunningPlatform.CLERK)
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isBetween(200, 201);
        return r.body();
    }
}
