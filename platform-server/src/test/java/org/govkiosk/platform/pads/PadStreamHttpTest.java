package org.govkiosk.platform.pads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.govkiosk.platform.pads.PadFixtures.registration;
import static org.govkiosk.platform.pads.PadFixtures.request;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.govkiosk.api.ApiPaths;
import org.govkiosk.api.ErrorCodes;
import org.govkiosk.api.PadErrorCodes;
import org.govkiosk.api.PadEvents;
import org.govkiosk.api.PadRegistration;
import org.govkiosk.api.PadRegistrationReceipt;
import org.govkiosk.api.RatingRequestClosed;
import org.govkiosk.api.RatingRequestEvent;
import org.govkiosk.api.RatingRequestReceipt;
import org.govkiosk.platform.RunningPlatform;
import org.govkiosk.platform.TestTerminal;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Pads on real SSE connections to a real platform on loopback: registration, delivery, replay, flood, expiry. */
class PadStreamHttpTest extends RunningPlatform {

    private static final Duration WAIT = Duration.ofSeconds(5);
    private final List<SseTestClient> streams = new ArrayList<>();
    private TestTerminal padA;
    private TestTerminal padB;

    @BeforeAll
    static void fastHeartbeat() {
        System.setProperty(PadSettings.HEARTBEAT_PROPERTY, "200");
    }

    @AfterAll
    static void normalHeartbeat() {
        System.clearProperty(PadSettings.HEARTBEAT_PROPERTY);
    }

    @BeforeEach
    void pads() throws Exception {
        padA = new TestTerminal(server.baseUri(), "PAD-A", clock).registered(ENROLMENT);
        padB = new TestTerminal(server.baseUri(), "PAD-B", clock).registered(ENROLMENT);
        assertThat(padA.post(ApiPaths.PADS, registration(padA, "W-01")).statusCode()).isEqualTo(200);
        assertThat(padB.post(ApiPaths.PADS, registration(padB, "W-02")).statusCode()).isEqualTo(200);
    }

    @org.junit.jupiter.api.AfterEach
    void closeStreams() throws Exception {
        for (SseTestClient s : streams) {
            s.close();
        }
    }

    private SseTestClient connect(TestTerminal pad, String lastEventId) throws Exception {
        SseTestClient s = SseTestClient.open(server.baseUri(), pad, lastEventId);
        streams.add(s);
        assertThat(s.status()).as(s.errorBody()).isEqualTo(200);
        s.next(PadEvents.HELLO, WAIT);
        return s;
    }

    private RatingRequestReceipt ask(String window, String caseNumber, String seq, int expectedStatus)
            throws Exception {
        HttpResponse<String> r = clerk("POST", ApiPaths.CLERK_RATING_REQUESTS,
                TestTerminal.JSON.writeValueAsString(request(window, caseNumber, seq)));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(expectedStatus);
        return TestTerminal.read(r, RatingRequestReceipt.class);
    }

    private static <T> T data(SseTestClient.Event e, Class<T> type) throws Exception {
        return TestTerminal.JSON.readValue(e.data(), type);
    }

    @Test
    void aRequestReachesOnlyThePadOfItsWindowWithCaseAndClerk() throws Exception {
        SseTestClient a = connect(padA, null);
        SseTestClient b = connect(padB, null);

        RatingRequestReceipt receipt = ask("W-01", "CASE-1", "1", 201);

        SseTestClient.Event e = a.next(PadEvents.RATING_REQUEST, WAIT);
        RatingRequestEvent shown = data(e, RatingRequestEvent.class);
        assertThat(shown.requestId()).isEqualTo(receipt.requestId());
        assertThat(e.id()).isEqualTo(Long.toString(receipt.eventId()));
        assertThat(shown.caseNumber()).isEqualTo("CASE-1");
        assertThat(shown.clerkName()).isEqualTo("李明");
        assertThat(shown.itemName()).isEqualTo("城乡居民养老保险参保登记");
        assertThat(shown.remainingAtSend()).isEqualTo(Duration.ofMinutes(5));
        assertThat(receipt.padsReached()).isEqualTo(1);
        assertThat(b.drain(Duration.ofMillis(300))).as("window W-02 hears nothing").isEmpty();
    }

    @Test
    void heartbeatsAreCommentLines() throws Exception {
        SseTestClient a = connect(padA, null);
        assertThat(a.next("comment", WAIT).data()).isEqualTo("heartbeat");
    }

    @Test
    void aPadThatWasOfflineGetsTheOpenRequestWhenItConnectsButNotAnExpiredOne() throws Exception {
        RatingRequestReceipt receipt = ask("W-01", "CASE-1", "1", 201);
        assertThat(receipt.padsReached()).isZero();

        SseTestClient a = connect(padA, null);
        assertThat(data(a.next(PadEvents.RATING_REQUEST, WAIT), RatingRequestEvent.class).requestId())
                .isEqualTo(receipt.requestId());

        ask("W-02", "CASE-2", "1", 201);
        clock.advance(Duration.ofMinutes(5));
        SseTestClient b = connect(padB, null);
        assertThat(b.drain(Duration.ofMillis(300))).as("expired after 5 minutes").isEmpty();
    }

    @Test
    void reconnectingWithLastEventIdGetsWhatItMissed() throws Exception {
        SseTestClient a = connect(padA, null);
        RatingRequestReceipt first = ask("W-01", "CASE-1", "1", 201);
        String seen = a.next(PadEvents.RATING_REQUEST, WAIT).id();
        a.close();

        RatingRequestReceipt second = ask("W-01", "CASE-2", "1", 201);
        assertThat(second.supersededRequestId()).isEqualTo(first.requestId());

        SseTestClient again = connect(padA, seen);
        SseTestClient.Event closed = again.next(PadEvents.RATING_REQUEST_CLOSED, WAIT);
        assertThat(data(closed, RatingRequestClosed.class))
                .isEqualTo(new RatingRequestClosed(first.requestId(), RatingRequestClosed.Reason.SUPERSEDED));
        SseTestClient.Event next = again.next(PadEvents.RATING_REQUEST, WAIT);
        assertThat(data(next, RatingRequestEvent.class).requestId()).isEqualTo(second.requestId());
        assertThat(Long.parseLong(next.id())).isGreaterThan(Long.parseLong(closed.id()));

        SseTestClient upToDate = connect(padA, next.id());
        assertThat(upToDate.drain(Duration.ofMillis(300))).as("nothing missed").isEmpty();
    }

    @Test
    void aFloodOfRequestsLeavesOnlyTheNewestOpen() throws Exception {
        SseTestClient a = connect(padA, null);
        RatingRequestReceipt last = null;
        for (int i = 0; i < 40; i++) {
            last = ask("W-01", "CASE-F" + i, "1", 201);
        }
        List<SseTestClient.Event> live = a.drain(Duration.ofSeconds(1));
        assertThat(live).hasSize(40 + 39);
        assertThat(live.get(live.size() - 1).name()).isEqualTo(PadEvents.RATING_REQUEST);
        assertThat(data(live.get(live.size() - 1), RatingRequestEvent.class).requestId())
                .isEqualTo(last.requestId());
        assertThat(live.stream().map(e -> Long.parseLong(e.id())).toList()).isSorted();

        SseTestClient fresh = connect(padA, null);
        List<SseTestClient.Event> replay = fresh.drain(Duration.ofMillis(300));
        assertThat(replay).singleElement().extracting(SseTestClient.Event::id)
                .isEqualTo(Long.toString(last.eventId()));
    }

    @Test
    void theSameContactAskedTwiceIsOneRequest() throws Exception {
        RatingRequestReceipt first = ask("W-01", "CASE-1", "1", 201);
        RatingRequestReceipt again = ask("W-01", "CASE-1", "1", 200);
        assertThat(again.duplicate()).isTrue();
        assertThat(again.requestId()).isEqualTo(first.requestId());
        RatingRequestReceipt nextContact = ask("W-01", "CASE-1", "2", 201);
        assertThat(nextContact.supersededRequestId()).isEqualTo(first.requestId());
    }

    @Test
    void aPadMustBeAnEnrolledTerminalOfTheHallBoundToAWindow() throws Exception {
        TestTerminal unbound = new TestTerminal(server.baseUri(), "PAD-C", clock).registered(ENROLMENT);
        SseTestClient s = SseTestClient.open(server.baseUri(), unbound, null);
        assertThat(s.status()).isEqualTo(403);
        assertThat(s.errorBody()).contains(PadErrorCodes.PAD_NOT_REGISTERED);

        HttpResponse<String> otherHall = unbound.post(ApiPaths.PADS, new PadRegistration("PAD-C", "HALL-9", "W-1"));
        assertThat(otherHall.statusCode()).isEqualTo(403);
        assertThat(TestTerminal.error(otherHall).code()).isEqualTo(PadErrorCodes.HALL_MISMATCH);

        HttpResponse<String> forAnother = unbound.post(ApiPaths.PADS, registration(padA, "W-09"));
        assertThat(forAnother.statusCode()).isEqualTo(403);
        assertThat(TestTerminal.error(forAnother).code()).isEqualTo(ErrorCodes.TERMINAL_MISMATCH);

        HttpResponse<String> unsigned = plain("GET", ApiPaths.PAD_EVENTS);
        assertThat(unsigned.statusCode()).isEqualTo(401);

        SseTestClient wrongAccept = SseTestClient.open(server.baseUri(), padA, null, "application/json");
        assertThat(wrongAccept.status()).isEqualTo(406);
    }

    @Test
    void aPadMovedToAnotherWindowIsCutOffFromTheOldOne() throws Exception {
        SseTestClient a = connect(padA, null);
        HttpResponse<String> moved = padA.post(ApiPaths.PADS, registration(padA, "W-05"));
        PadRegistrationReceipt receipt = TestTerminal.read(moved, PadRegistrationReceipt.class);
        assertThat(receipt.previousWindowId()).isEqualTo("W-01");

        assertThat(ask("W-01", "CASE-1", "1", 201).padsReached()).isZero();
        SseTestClient atNewWindow = connect(padA, null);
        ask("W-05", "CASE-5", "1", 201);
        assertThat(data(atNewWindow.next(PadEvents.RATING_REQUEST, WAIT), RatingRequestEvent.class).windowId())
                .isEqualTo("W-05");
        assertThat(a.drain(Duration.ofMillis(200))).isEmpty();
    }

    @Test
    void clerkRequestsNeedTheClerkTokenAndAWholeBody() throws Exception {
        HttpResponse<String> noToken = http.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(server.baseUri() + ApiPaths.CLERK_RATING_REQUESTS))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                        TestTerminal.JSON.writeValueAsString(request("W-01", "CASE-1", "1"))))
                .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(noToken.statusCode()).isEqualTo(401);

        HttpResponse<String> noClerk = clerk("POST", ApiPaths.CLERK_RATING_REQUESTS,
                "{\"hallCode\":\"HALL-1\",\"windowId\":\"W-01\",\"caseNumber\":\"C\",\"serviceSequence\":\"1\","
                        + "\"itemCode\":\"I\",\"itemName\":\"N\",\"clerkId\":\"K\"}");
        assertThat(noClerk.statusCode()).isEqualTo(400);
        assertThat(TestTerminal.error(noClerk).message()).contains("clerkName");
    }
}
