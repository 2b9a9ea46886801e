package org.govkiosk.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.govkiosk.api.ApiPaths;
import org.govkiosk.api.DeviceState;
import org.govkiosk.api.Heartbeat;
import org.govkiosk.api.SignedHeaders;
import org.govkiosk.api.TerminalRegistration;
import org.govkiosk.api.TerminalStatusList;
import org.govkiosk.api.TerminalKeys;
import org.govkiosk.platform.config.PlatformConfig;
import org.govkiosk.platform.fleet.FleetRoutes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two platform instances on one PostgreSQL answer alike, whichever of them a load balancer picks: the login
 * lockout counts the failures made at either, a fleet session logged out at one is dead at the other, a terminal
 * registered at one is known (with its key and hall) at the other, a signed request seen by one is a replay at the
 * other, and a heartbeat received by one is in the fleet state the other shows.
 */
class SharedStateAcrossInstancesTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private PlatformConfig config;

    @BeforeEach
    void database() throws Exception {
        assumeTrue(PostgresCluster.unavailableReason().isEmpty(),
                () -> "skipped: " + PostgresCluster.unavailableReason().orElse(""));
        config = PlatformConfig.embedded()
                .withTokens(RunningPlatform.ENROLMENT, RunningPlatform.CLERK)
                .withDatabase(PostgresCluster.shared().createDatabase(), PostgresCluster.USER, null);
    }

    @Test
    void wrongTokensAtEitherInstanceAddUpToOneLockoutOnBoth() throws Exception {
        try (PlatformServer a = PlatformServer.start(config); PlatformServer b = PlatformServer.start(config)) {
            int max = config.exposure().maxFailedLogins();
            for (int i = 0; i < max - 1; i++) {
                assertThat(clerk(i % 2 == 0 ? a : b, "wrong-" + i).statusCode()).as("try %d", i).isEqualTo(401);
            }
            // The right token resets the count, at the other instance than the last failure.
            assertThat(clerk(a, RunningPlatform.CLERK).statusCode()).isEqualTo(200);
            for (int i = 0; i < max; i++) {
                assertThat(clerk(i % 2 == 0 ? b : a, "wrong-" + i).statusCode()).as("try %d", i).isEqualTo(401);
            }
            for (PlatformServer s : List.of(a, b)) {
                HttpResponse<String> locked = clerk(s, RunningPlatform.CLERK);
                assertThat(locked.statusCode()).as(locked.body()).isEqualTo(429);
                assertThat(locked.headers().firstValue("Retry-After")).isPresent();
            }
        }
    }

    @Test
    void wrongPasswordsSpreadOverTwoInstancesLockTheAccountAtBoth() throws Exception {
        try (PlatformServer a = PlatformServer.start(config); PlatformServer b = PlatformServer.start(config)) {
            StaffClient.add(a, "clerk1", org.govkiosk.platform.staff.Role.CLERK, "HALL-1");
            int max = config.exposure().maxFailedLogins();
            for (int i = 0; i < max; i++) {
                HttpResponse<String> wrong = StaffClient.api((i % 2 == 0 ? a : b).baseUri(), "clerk1", "wrong-" + i);
                assertThat(wrong.statusCode()).as("try %d: %s", i, wrong.body()).isEqualTo(401);
            }
            for (PlatformServer s : List.of(a, b)) {
                HttpResponse<String> locked = StaffClient.api(s.baseUri(), "clerk1", StaffClient.PASSWORD);
                assertThat(locked.statusCode()).as(locked.body()).isEqualTo(429);
                assertThat(locked.headers().firstValue("Retry-After")).isPresent();
            }
        }
    }

    @Test
    void anAccountMadeAtOneInstanceSignsInAtTheOtherWhoseAuditNamesTheAdministrator() throws Exception {
        try (PlatformServer a = PlatformServer.start(config); PlatformServer b = PlatformServer.start(config)) {
            StaffClient.add(a, "admin1", org.govkiosk.platform.staff.Role.HALL_ADMIN, "HALL-1", "HALL-2");
            String admin = StaffClient.token(a.baseUri(), "admin1");
            HttpResponse<String> made = StaffClient.call(a.baseUri(), admin, "POST", ApiPaths.STAFF_ACCOUNTS,
                    "{\"login\":\"clerk7\",\"name\":\"赵六\",\"role\":\"CLERK\",\"halls\":[\"HALL-2\"],"
                            + "\"password\":\"a long enough pass\"}");
            assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
            assertThat(StaffClient.token(b.baseUri(), "clerk7", "a long enough pass")).startsWith("gks_");
            HttpResponse<String> audit = StaffClient.call(b.baseUri(), StaffClient.token(b.baseUri(), "admin1"),
                    "GET", ApiPaths.STAFF_AUDIT, null);
            assertThat(audit.statusCode()).as(audit.body()).isEqualTo(200);
            assertThat(audit.body()).contains("\"action\":\"account created\"", "\"login\":\"admin1\"",
                    "\"target\":\"clerk7\"", "\"name\":\"赵六\"");
            assertThat(StaffClient.call(b.baseUri(), admin, "GET", ApiPaths.STAFF_ACCOUNTS, null).body())
                    .contains("clerk7", "admin1");
        }
    }

    @Test
    void aStaffSessionSignedOutAtOneInstanceIsDeadAtTheOther() throws Exception {
        try (PlatformServer a = PlatformServer.start(config); PlatformServer b = PlatformServer.start(config)) {
            StaffClient.add(a, "tech1", org.govkiosk.platform.staff.Role.TECHNICIAN, "HALL-1");
            String cookie = StaffClient.cookie(a.baseUri(), "tech1");
            assertThat(page(a, cookie)).isEqualTo(200);
            assertThat(page(b, cookie)).isEqualTo(200);
            String csrf = StaffClient.csrf(b.baseUri(), cookie);
            HttpResponse<String> out = http.send(HttpRequest.newBuilder(URI.create(b.baseUri() + "/staff/logout"))
                    .header("Cookie", cookie).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("csrf=" + csrf)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(out.statusCode()).as(out.body()).isEqualTo(303);
            assertThat(page(a, cookie)).isEqualTo(401);
            assertThat(page(b, cookie)).isEqualTo(401);
        }
    }

    @Test
    void registrationNoncesAndHeartbeatsAreTheSameAtBothInstances() throws Exception {
        try (PlatformServer a = PlatformServer.start(config); PlatformServer b = PlatformServer.start(config)) {
            TestTerminal onA = new TestTerminal(a.baseUri(), "T-SHARED", Clock.systemUTC())
                    .registered(RunningPlatform.ENROLMENT, "HALL-7");
            TestTerminal onB = onA.at(b.baseUri());
            // Registered at A: B knows the key (a signed case is stored) and the hall (a second key is refused).
            HttpResponse<String> stored = onB.post(ApiPaths.CASES, Fixtures.submission(onA.id, "k-shared-1"));
            assertThat(stored.statusCode()).as(stored.body()).isEqualTo(201);
            TestTerminal impostor = new TestTerminal(b.baseUri(), "T-SHARED", Clock.systemUTC());
            HttpResponse<String> rekey = impostor.unsigned("POST", ApiPaths.TERMINALS, TestTerminal.JSON
                    .writeValueAsBytes(new TerminalRegistration("T-SHARED", "HALL-7",
                            TerminalKeys.encodePublic(impostor.keys.getPublic()), RunningPlatform.ENROLMENT, "KX-1",
                            "1.0")));
            assertThat(rekey.statusCode()).as(rekey.body()).isEqualTo(409);
            // A request signed once and seen by A is a replay at B.
            byte[] body = TestTerminal.JSON.writeValueAsBytes(new Heartbeat("T-SHARED", Instant.now(), "1.2.0", 3,
                    List.of(new DeviceState("receipt-printer", "RECEIPT_PRINTER", "DEGRADED", "PAPER_OUT"))));
            SignedHeaders signed = onA.sign("POST", ApiPaths.HEARTBEATS, body);
            Map<String, String> headers = signed.asMap();
            assertThat(onA.sendWith("POST", ApiPaths.HEARTBEATS, body, headers).statusCode()).isEqualTo(200);
            HttpResponse<String> replay = onB.sendWith("POST", ApiPaths.HEARTBEATS, body, headers);
            assertThat(replay.statusCode()).as(replay.body()).isEqualTo(401);
            assertThat(replay.body()).contains(org.govkiosk.api.ErrorCodes.REPLAYED_NONCE);
            // The heartbeat A received is the fleet state B shows.
            HttpResponse<String> fleet = clerkGet(b, ApiPaths.CLERK_TERMINALS);
            TerminalStatusList list = TestTerminal.read(fleet, TerminalStatusList.class);
            assertThat(list.terminals()).singleElement().satisfies(t -> {
                assertThat(t.hallCode()).isEqualTo("HALL-7");
                assertThat(t.lastHeartbeatAt()).isNotNull();
                assertThat(t.outboxPending()).isEqualTo(3);
            });
        }
    }

    private HttpResponse<String> clerk(PlatformServer s, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(s.baseUri() + ApiPaths.CLERK_TERMINALS))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> clerkGet(PlatformServer s, String path) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(s.baseUri() + path))
                .header("Authorization", "Bearer " + RunningPlatform.CLERK).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return r;
    }

    private int page(PlatformServer s, String cookie) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(s.baseUri() + FleetRoutes.PAGE)).header("Cookie", cookie)
                .GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
