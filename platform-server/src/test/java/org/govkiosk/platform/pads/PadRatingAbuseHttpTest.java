package org.govkiosk.platform.pads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.govkiosk.platform.pads.PadFixtures.padRating;
import static org.govkiosk.platform.pads.PadFixtures.registration;
import static org.govkiosk.platform.pads.PadFixtures.request;

import java.net.http.HttpResponse;
import java.time.Duration;
import org.govkiosk.api.ApiPaths;
import org.govkiosk.api.ErrorCodes;
import org.govkiosk.api.PadEvents;
import org.govkiosk.api.PadErrorCodes;
import org.govkiosk.api.RatingReceipt;
import org.govkiosk.api.RatingRequestClosed;
import org.govkiosk.api.RatingRequestEvent;
import org.govkiosk.api.RatingSubmission;
import org.govkiosk.api.SignedHeaders;
import org.govkiosk.platform.RunningPlatform;
import org.govkiosk.platform.TestTerminal;
import org.junit.jupiter.api.Test;

/**
 * Ratings from pads through the existing rating endpoint: stored once whatever is resent, replayed or tapped
 * twice, and the other pads of the window drop the request once it is rated.
 */
class PadRatingAbuseHttpTest extends RunningPlatform {

    private static final Duration WAIT = Duration.ofSeconds(5);

    @Test
    void aRatedRequestClosesOnEveryPadOfTheWindowAndCannotBeAskedAgain() throws Exception {
        TestTerminal padA = pad("PAD-A", "W-01");
        TestTerminal padA2 = pad("PAD-A2", "W-01");
        try (SseTestClient a = SseTestClient.open(server.baseUri(), padA, null);
                SseTestClient a2 = SseTestClient.open(server.baseUri(), padA2, null)) {
            a.next(PadEvents.HELLO, WAIT);
            a2.next(PadEvents.HELLO, WAIT);
            clerk("POST", ApiPaths.CLERK_RATING_REQUESTS, TestTerminal.JSON.writeValueAsString(
                    request("W-01", "CASE-1", "1")));
            RatingRequestEvent shown = TestTerminal.JSON.readValue(a.next(PadEvents.RATING_REQUEST, WAIT).data(),
                    RatingRequestEvent.class);
            a2.next(PadEvents.RATING_REQUEST, WAIT);

            HttpResponse<String> rated = padA.post(ApiPaths.RATINGS, padRating(padA, "k1", "W-01", "CASE-1", "1", 1));
            assertThat(rated.statusCode()).as(rated.body()).isEqualTo(201);

            RatingRequestClosed closed = TestTerminal.JSON.readValue(
                    a2.next(PadEvents.RATING_REQUEST_CLOSED, WAIT).data(), RatingRequestClosed.class);
            assertThat(closed).isEqualTo(new RatingRequestClosed(shown.requestId(), RatingRequestClosed.Reason.RATED));
        }
        HttpResponse<String> again = clerk("POST", ApiPaths.CLERK_RATING_REQUESTS,
                TestTerminal.JSON.writeValueAsString(request("W-01", "CASE-1", "1")));
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(TestTerminal.error(again).code()).isEqualTo(ErrorCodes.ALREADY_RATED);

        try (SseTestClient late = SseTestClient.open(server.baseUri(), pad("PAD-A3", "W-01"), null)) {
            late.next(PadEvents.HELLO, WAIT);
            assertThat(late.drain(Duration.ofMillis(300))).as("a rated request is not sent").isEmpty();
        }
    }

    @Test
    void repeatedTapsResendsAndReplaysStoreTheRatingOnce() throws Exception {
        TestTerminal padA = pad("PAD-A", "W-01");
        clerk("POST", ApiPaths.CLERK_RATING_REQUESTS, TestTerminal.JSON.writeValueAsString(
                request("W-01", "CASE-1", "1")));
        RatingSubmission rating = padRating(padA, "k1", "W-01", "CASE-1", "1", 2);

        // Repeated taps / outbox resend: the same key and body answer the first receipt.
        HttpResponse<String> first = padA.post(ApiPaths.RATINGS, rating);
        HttpResponse<String> resend = padA.post(ApiPaths.RATINGS, rating);
        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(resend.statusCode()).isEqualTo(200);
        assertThat(TestTerminal.read(resend, RatingReceipt.class).ratingId())
                .isEqualTo(TestTerminal.read(first, RatingReceipt.class).ratingId());

        // A second rating of the same contact under a fresh key (a second tap that made a new rating).
        HttpResponse<String> secondRating = padA.post(ApiPaths.RATINGS,
                padRating(padA, "k2", "W-01", "CASE-1", "1", 5));
        assertThat(secondRating.statusCode()).isEqualTo(409);
        assertThat(TestTerminal.error(secondRating).code()).isEqualTo(ErrorCodes.ALREADY_RATED);

        // A captured request sent again byte for byte, signature and nonce included.
        byte[] body = TestTerminal.JSON.writeValueAsBytes(padRating(padA, "k3", "W-01", "CASE-1", "2", 5));
        SignedHeaders signed = padA.sign("POST", ApiPaths.RATINGS, body);
        padA.sendWith("POST", ApiPaths.RATINGS, body, signed.asMap());
        HttpResponse<String> replay = padA.sendWith("POST", ApiPaths.RATINGS, body, signed.asMap());
        assertThat(replay.statusCode()).isEqualTo(401);
        assertThat(TestTerminal.error(replay).code()).isEqualTo(ErrorCodes.REPLAYED_NONCE);

        HttpResponse<String> bad = clerk("GET", ApiPaths.CLERK_BAD_RATINGS, null);
        assertThat(TestTerminal.JSON.readTree(bad.body()).get("ratings")).hasSize(1);
    }

    @Test
    void aPadCannotRateACaseItWasNeverAskedAbout() throws Exception {
        TestTerminal padA = pad("PAD-A", "W-01");
        TestTerminal padB = pad("PAD-B", "W-02");
        clerk("POST", ApiPaths.CLERK_RATING_REQUESTS, TestTerminal.JSON.writeValueAsString(
                request("W-01", "CASE-7", "1")));

        HttpResponse<String> unknown = padA.post(ApiPaths.RATINGS, padRating(padA, "u1", "W-01", "CASE-404", "1", 1));
        assertThat(unknown.statusCode()).as(unknown.body()).isEqualTo(409);
        assertThat(TestTerminal.error(unknown).code()).isEqualTo(PadErrorCodes.UNKNOWN_RATING_REQUEST);
        assertThat(TestTerminal.error(unknown).retryable()).isFalse();

        HttpResponse<String> otherWindow = padB.post(ApiPaths.RATINGS,
                padRating(padB, "u2", "W-02", "CASE-7", "1", 5));
        assertThat(otherWindow.statusCode()).as("window 2 was not asked about window 1's case").isEqualTo(409);

        HttpResponse<String> bad = clerk("GET", ApiPaths.CLERK_BAD_RATINGS, null);
        assertThat(TestTerminal.JSON.readTree(bad.body()).get("ratings")).as("nothing stored").isEmpty();
        assertThat(padA.post(ApiPaths.RATINGS, padRating(padA, "u3", "W-01", "CASE-7", "1", 4)).statusCode())
                .isEqualTo(201);
    }

    private TestTerminal pad(String id, String window) throws Exception {
        TestTerminal pad = new TestTerminal(server.baseUri(), id, clock).registered(ENROLMENT);
        assertThat(pad.post(ApiPaths.PADS, registration(pad, window)).statusCode()).isEqualTo(200);
        return pad;
    }
}
