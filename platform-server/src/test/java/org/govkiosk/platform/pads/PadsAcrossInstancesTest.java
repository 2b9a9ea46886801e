package org.govkiosk.platform.pads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.govkiosk.api.ApiPaths;
import org.govkiosk.api.PadEvents;
import org.govkiosk.api.RatingRequestClosed;
import org.govkiosk.api.RatingRequestEvent;
import org.govkiosk.api.RatingRequestReceipt;
import org.govkiosk.platform.PlatformServer;
import org.govkiosk.platform.PostgresCluster;
import org.govkiosk.platform.RunningPlatform;
import org.govkiosk.platform.TestTerminal;
import org.govkiosk.platform.config.PlatformConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two platform instances on one PostgreSQL, as a province runs them behind a load balancer: a rating request posted
 * to one reaches a pad streaming from the other (LISTEN/NOTIFY), and a pad whose instance stops reconnects to the
 * other and gets what it missed (Last-Event-ID replay from the database).
 */
class PadsAcrossInstancesTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private final HttpClient http = HttpClient.newHttpClient();
    private PlatformConfig config;
    private String dbUrl;

    @BeforeEach
    void database() throws Exception {
        assumeTrue(PostgresCluster.unavailableReason().isEmpty(),
                () -> "skipped: " + PostgresCluster.unavailableReason().orElse(""));
        dbUrl = PostgresCluster.shared().createDatabase();
        config = PlatformConfig.embedded()
                .withTokens(RunningPlatform.ENROLMENT, RunningPlatform.CLERK)
                .withDatabase(dbUrl, PostgresCluster.USER, null);
    }

    @Test
    void aRequestToOneInstanceReachesAPadOnTheOtherAndAReconnectMissesNothing() throws Exception {
        try (PlatformServer a = PlatformServer.start(config, Clock.systemUTC())) {
            TestTerminal pad = new TestTerminal(a.baseUri(), "PAD-X1", Clock.systemUTC())
                    .registered(RunningPlatform.ENROLMENT);
            assertThat(pad.post(ApiPaths.PADS, PadFixtures.registration(pad, "W-01")).statusCode()).isEqualTo(200);
            String seen;
            try (PlatformServer b = PlatformServer.start(config, Clock.systemUTC());
                    SseTestClient onB = SseTestClient.open(b.baseUri(), pad, null)) {
                assertThat(onB.status()).as(onB.errorBody()).isEqualTo(200);
                onB.next(PadEvents.HELLO, WAIT);
                RatingRequestReceipt first = ask(a, "CASE-1");
                // The pad streams from B: A counts it all the same.
                assertThat(first.padsReached()).isEqualTo(1);
                SseTestClient.Event e = onB.next(PadEvents.RATING_REQUEST, WAIT);
                assertThat(e.id()).isEqualTo(Long.toString(first.eventId()));
                assertThat(TestTerminal.JSON.readValue(e.data(), RatingRequestEvent.class).requestId())
                        .isEqualTo(first.requestId());
                seen = e.id();
            }
            // B is gone; meanwhile the window's next contact is asked on A: CASE-1 is superseded by CASE-2.
            RatingRequestReceipt second = ask(a, "CASE-2");
            try (SseTestClient onA = SseTestClient.open(a.baseUri(), pad, seen)) {
                onA.next(PadEvents.HELLO, WAIT);
                SseTestClient.Event closed = onA.next(PadEvents.RATING_REQUEST_CLOSED, WAIT);
                assertThat(TestTerminal.JSON.readValue(closed.data(), RatingRequestClosed.class).reason())
                        .isEqualTo(RatingRequestClosed.Reason.SUPERSEDED);
                SseTestClient.Event request = onA.next(PadEvents.RATING_REQUEST, WAIT);
                assertThat(request.id()).isEqualTo(Long.toString(second.eventId()));
                // The contact is rated through a third instance: the pad on A drops the request.
                try (PlatformServer c = PlatformServer.start(config, Clock.systemUTC())) {
                    TestTerminal padViaC = pad.at(c.baseUri());
                    HttpResponse<String> rated = padViaC.post(ApiPaths.RATINGS,
                            PadFixtures.padRating(pad, "k-x1", "W-01", "CASE-2", "1", 4));
                    assertThat(rated.statusCode()).as(rated.body()).isEqualTo(201);
                    SseTestClient.Event done = onA.next(PadEvents.RATING_REQUEST_CLOSED, WAIT);
                    assertThat(TestTerminal.JSON.readValue(done.data(), RatingRequestClosed.class).reason())
                            .isEqualTo(RatingRequestClosed.Reason.RATED);
                    assertThat(Long.parseLong(done.id())).isGreaterThan(second.eventId());
                }
            }
        }
    }

    /**
     * Requests for one window posted to both instances at once: the pad on either sees every event once, ids rising,
     * and the request left open is the last one given (the database's window lock orders the instances).
     */
    @Test
    void requestsRacingOnTwoInstancesReachBothPadsInOneOrder() throws Exception {
        try (PlatformServer a = PlatformServer.start(config, Clock.systemUTC());
                PlatformServer b = PlatformServer.start(config, Clock.systemUTC())) {
            TestTerminal padA = bound(a, "PAD-R1");
            TestTerminal padB = bound(b, "PAD-R2");
            int perInstance = 10;
            List<RatingRequestReceipt> receipts = Collections.synchronizedList(new ArrayList<>());
            try (SseTestClient onA = SseTestClient.open(a.baseUri(), padA, null);
                    SseTestClient onB = SseTestClient.open(b.baseUri(), padB, null)) {
                onA.next(PadEvents.HELLO, WAIT);
                onB.next(PadEvents.HELLO, WAIT);
                ExecutorService pool = Executors.newFixedThreadPool(2);
                try {
                    List<Future<?>> runs = new ArrayList<>();
                    for (PlatformServer target : List.of(a, b)) {
                        runs.add(pool.submit(() -> {
                            for (int i = 0; i < perInstance; i++) {
                                receipts.add(ask(target, "W-02", "CASE-" + target.baseUri().getPort() + "-" + i));
                            }
                            return null;
                        }));
                    }
                    for (Future<?> f : runs) {
                        f.get();
                    }
                } finally {
                    pool.shutdownNow();
                }
                long last = receipts.stream().mapToLong(RatingRequestReceipt::eventId).max().orElseThrow();
                for (SseTestClient pad : List.of(onA, onB)) {
                    List<Long> ids = new ArrayList<>();
                    List<String> requests = new ArrayList<>();
                    while (ids.isEmpty() || ids.get(ids.size() - 1) < last) {
                        SseTestClient.Event next = pad.nextEvent(WAIT);
                        ids.add(Long.parseLong(next.id()));
                        if (next.name().equals(PadEvents.RATING_REQUEST)) {
                            requests.add(TestTerminal.JSON.readValue(next.data(), RatingRequestEvent.class)
                                    .requestId());
                        }
                    }
                    assertThat(ids).isSorted().doesNotHaveDuplicates();
                    assertThat(receipts).allSatisfy(r -> assertThat(r.padsReached()).isEqualTo(2));
                    assertThat(requests).containsExactlyInAnyOrderElementsOf(
                            receipts.stream().map(RatingRequestReceipt::requestId).toList());
                }
            }
        }
    }

    /** A pad moved to another window at one instance: its stream at the other ends; it reconnects as the new one's. */
    @Test
    void aPadMovedAtOneInstanceLosesItsOldWindowsStreamAtTheOther() throws Exception {
        try (PlatformServer a = PlatformServer.start(config, Clock.systemUTC());
                PlatformServer b = PlatformServer.start(config, Clock.systemUTC())) {
            TestTerminal pad = bound(a, "PAD-M1");
            try (SseTestClient onB = SseTestClient.open(b.baseUri(), pad, null)) {
                onB.next(PadEvents.HELLO, WAIT);
                HttpResponse<String> moved = pad.post(ApiPaths.PADS, PadFixtures.registration(pad, "W-03"));
                assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
                assertThat(moved.body()).contains("\"previousWindowId\":\"W-02\"");
                org.govkiosk.testkit.Await.until("the old stream at B ended", WAIT, onB::ended);
            }
            // Asked for the new window at B, the pad hears it wherever it streams now.
            try (SseTestClient onA = SseTestClient.open(a.baseUri(), pad, null)) {
                onA.next(PadEvents.HELLO, WAIT);
                RatingRequestReceipt asked = ask(b, "W-03", "CASE-M1");
                assertThat(onA.next(PadEvents.RATING_REQUEST, WAIT).id()).isEqualTo(Long.toString(asked.eventId()));
            }
        }
    }

    /**
     * The database drops the instances' listening connections (a restart of PostgreSQL, a network cut, an
     * administrator): each listens again on a new one and sends its pads what they missed in between.
     */
    @Test
    void anInstanceWhoseListeningConnectionDiesListensAgainAndMissesNothing() throws Exception {
        try (PlatformServer a = PlatformServer.start(config, Clock.systemUTC());
                PlatformServer b = PlatformServer.start(config, Clock.systemUTC())) {
            TestTerminal pad = bound(a, "PAD-L1");
            try (SseTestClient onB = SseTestClient.open(b.baseUri(), pad, null)) {
                onB.next(PadEvents.HELLO, WAIT);
                assertThat(dropListeners()).isEqualTo(2);
                RatingRequestReceipt first = ask(a, "W-02", "CASE-L1");
                assertThat(onB.next(PadEvents.RATING_REQUEST, WAIT).id()).isEqualTo(Long.toString(first.eventId()));
                RatingRequestReceipt second = ask(a, "W-02", "CASE-L2");
                assertThat(onB.next(PadEvents.RATING_REQUEST_CLOSED, WAIT).data()).contains(first.requestId());
                assertThat(onB.next(PadEvents.RATING_REQUEST, WAIT).id()).isEqualTo(Long.toString(second.eventId()));
            }
        }
    }

    /** Ends every connection of this database that listens for notifications; returns how many. */
    private int dropListeners() throws Exception {
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(dbUrl, PostgresCluster.USER, "");
                java.sql.Statement s = c.createStatement();
                java.sql.ResultSet rs = s.executeQuery("SELECT COUNT(*) FILTER (WHERE pg_terminate_backend(pid))"
                        + " FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN%'")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private TestTerminal bound(PlatformServer server, String id) throws Exception {
        TestTerminal pad = new TestTerminal(server.baseUri(), id, Clock.systemUTC())
                .registered(RunningPlatform.ENROLMENT);
        assertThat(pad.post(ApiPaths.PADS, PadFixtures.registration(pad, "W-02")).statusCode()).isEqualTo(200);
        return pad;
    }

    private RatingRequestReceipt ask(PlatformServer server, String caseNumber) throws Exception {
        return ask(server, "W-01", caseNumber);
    }

    private RatingRequestReceipt ask(PlatformServer server, String window, String caseNumber) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(server.baseUri()
                        + ApiPaths.CLERK_RATING_REQUESTS))
                .header("Authorization", "Bearer " + RunningPlatform.CLERK)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(TestTerminal.JSON.writeValueAsString(
                        PadFixtures.request(window, caseNumber, "1")))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return TestTerminal.JSON.readValue(r.body(), RatingRequestReceipt.class);
    }
}
