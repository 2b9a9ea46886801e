package org.govkiosk.platform.pads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.govkiosk.platform.pads.PadFixtures.registration;
import static org.govkiosk.platform.pads.PadFixtures.request;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.govkiosk.api.ApiPaths;
import org.govkiosk.api.PadErrorCodes;
import org.govkiosk.api.PadEvents;
import org.govkiosk.api.RatingRequestEvent;
import org.govkiosk.api.RatingRequestReceipt;
import org.govkiosk.platform.RunningPlatform;
import org.govkiosk.platform.TestTerminal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The pad stream's Accept is negotiated by the standard rules, HEAD is checked as GET, and a pad whose stream
 * answered 200 counts in padsReached at once, also on a platform that has just started.
 */
class PadStreamNegotiationHttpTest extends RunningPlatform {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private final List<SseTestClient> streams = new ArrayList<>();
    private TestTerminal pad;

    @BeforeEach
    void pad() throws Exception {
        pad = new TestTerminal(server.baseUri(), "PAD-A", clock).registered(ENROLMENT);
        assertThat(pad.post(ApiPaths.PADS, registration(pad, "W-01")).statusCode()).isEqualTo(200);
    }

    @AfterEach
    void closeStreams() throws Exception {
        for (SseTestClient s : streams) {
            s.close();
        }
    }

    private SseTestClient open(String accept) throws Exception {
        SseTestClient s = SseTestClient.open(server.baseUri(), pad, null, accept);
        streams.add(s);
        return s;
    }

    @Test
    void anAcceptWithWeightsAndWildcardsThatTakesTheStreamGetsIt() throws Exception {
        for (String accept : List.of("text/event-stream, */*;q=0.1", "text/*", "*/*", "application/json;q=0.9, "
                + "text/event-stream;q=0.5")) {
            SseTestClient s = open(accept);
            assertThat(s.status()).as(accept + ": " + s.errorBody()).isEqualTo(200);
            assertThat(s.next(PadEvents.HELLO, WAIT).data()).as(accept).contains("W-01");
        }
    }

    @Test
    void anAcceptThatRefusesTheStreamIs406() throws Exception {
        for (String accept : List.of("application/json", "text/event-stream;q=0, */*", "text/html, image/*")) {
            SseTestClient s = open(accept);
            assertThat(s.status()).as(accept).isEqualTo(406);
            assertThat(s.errorBody()).as(accept).contains(PadErrorCodes.NOT_ACCEPTABLE);
        }
    }

    @Test
    void aPadReachedAsSoonAsItsStreamAnsweredCountsInPadsReached() throws Exception {
        // No waiting for hello: the 200 alone says the pad is connected.
        SseTestClient s = open("text/event-stream");
        assertThat(s.status()).isEqualTo(200);
        HttpResponse<String> r = clerk("POST", ApiPaths.CLERK_RATING_REQUESTS,
                TestTerminal.JSON.writeValueAsString(request("W-01", "CASE-1", "1")));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        RatingRequestReceipt receipt = TestTerminal.read(r, RatingRequestReceipt.class);

        s.next(PadEvents.HELLO, WAIT);
        RatingRequestEvent got = TestTerminal.JSON.readValue(s.next(PadEvents.RATING_REQUEST, WAIT).data(),
                RatingRequestEvent.class);
        assertThat(got.requestId()).isEqualTo(receipt.requestId());
        assertThat(receipt.padsReached()).as("the pad received it").isEqualTo(1);
    }

    @Test
    void headOfTheStreamIsCheckedAsGetAndOpensNothing() throws Exception {
        String path = ApiPaths.PAD_EVENTS;
        HttpResponse<String> unsigned = http.send(HttpRequest.newBuilder(URI.create(server.baseUri() + path))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(unsigned.statusCode()).isEqualTo(401);

        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.baseUri() + path))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).header("Accept", "text/event-stream");
        pad.sign("HEAD", path, new byte[0]).asMap().forEach(b::header);
        HttpResponse<String> signed = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signed.statusCode()).isEqualTo(200);
        assertThat(signed.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("text/event-stream"));
        assertThat(signed.body()).isEmpty();

        HttpResponse<String> r = clerk("POST", ApiPaths.CLERK_RATING_REQUESTS,
                TestTerminal.JSON.writeValueAsString(request("W-01", "CASE-2", "1")));
        assertThat(TestTerminal.read(r, RatingRequestReceipt.class).padsReached()).as("HEAD joined no window")
                .isZero();
    }
}
