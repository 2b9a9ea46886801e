package org.govkiosk.platform.http;

import org.govkiosk.testkit.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.govkiosk.api.ApiError;
import org.govkiosk.api.ApiPaths;
import org.govkiosk.api.ErrorCodes;
import org.govkiosk.api.Heartbeat;
import org.govkiosk.api.SignatureHeaders;
import org.govkiosk.api.TerminalKeys;
import org.govkiosk.api.TerminalRegistration;
import org.govkiosk.platform.Fixtures;
import org.govkiosk.platform.RunningPlatform;
import org.govkiosk.platform.TestTerminal;
import org.junit.jupiter.api.Test;

/** Request signing as the server applies it, over real HTTP. */
class SignedRequestsHttpTest extends RunningPlatform {

    private byte[] heartbeat() throws Exception {
        return TestTerminal.JSON.writeValueAsBytes(new Heartbeat("T-001", clock.instant(), "1.0", 0, List.of()));
    }

    private static void assertRefused(HttpResponse<String> r, int status, String code) throws Exception {
        assertRefused(r, status, code, false);
    }

    private static void assertRefused(HttpResponse<String> r, int status, String code, boolean retryable)
            throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        ApiError e = TestTerminal.error(r);
        assertThat(e.code()).isEqualTo(code);
        assertThat(e.retryable()).as("retryable of " + code).isEqualTo(retryable);
    }

    @Test
    void signedRequestIsServed() throws Exception {
        assertThat(terminal.send("POST", ApiPaths.HEARTBEATS, heartbeat()).statusCode()).isEqualTo(200);
    }

    @Test
    void unsignedRequestIsRefused() throws Exception {
        assertRefused(terminal.unsigned("POST", ApiPaths.HEARTBEATS, heartbeat()), 401, ErrorCodes.UNSIGNED);
        assertRefused(terminal.unsigned("GET", ApiPaths.caseByNumber("X"), new byte[0]), 401, ErrorCodes.UNSIGNED);
    }

    @Test
    void tamperingWithBodyPathOrAnyHeaderIsRefused() throws Exception {
        byte[] body = heartbeat();
        var signed = terminal.sign("POST", ApiPaths.HEARTBEATS, body);
        byte[] changed = new String(body, StandardCharsets.UTF_8).replace("\"1.0\"", "\"6.6\"")
                .getBytes(StandardCharsets.UTF_8);
        assertRefused(terminal.sendWith("POST", ApiPaths.HEARTBEATS, changed, signed.asMap()), 401,
                ErrorCodes.BAD_SIGNATURE);
        var forCases = terminal.sign("POST", ApiPaths.CASE_SEARCH, body);
        assertRefused(terminal.sendWith("POST", ApiPaths.HEARTBEATS, body, forCases.asMap()), 401,
                ErrorCodes.BAD_SIGNATURE);
        for (String header : List.of(SignatureHeaders.TIMESTAMP, SignatureHeaders.NONCE, SignatureHeaders.SIGNATURE)) {
            Map<String, String> h = new HashMap<>(terminal.sign("POST", ApiPaths.HEARTBEATS, body).asMap());
            String v = h.get(header);
            h.put(header, header.equals(SignatureHeaders.TIMESTAMP) ? Long.toString(Long.parseLong(v) - 1)
                    : (v.charAt(0) == 'A' ? "B" : "A") + v.substring(1));
            assertRefused(terminal.sendWith("POST", ApiPaths.HEARTBEATS, body, h), 401, ErrorCodes.BAD_SIGNATURE);
        }
    }

    @Test
    void replayedRequestIsRefused() throws Exception {
        byte[] body = heartbeat();
        Map<String, String> headers = terminal.sign("POST", ApiPaths.HEARTBEATS, body).asMap();
        assertThat(terminal.sendWith("POST", ApiPaths.HEARTBEATS, body, headers).statusCode()).isEqualTo(200);
        assertRefused(terminal.sendWith("POST", ApiPaths.HEARTBEATS, body, headers), 401, ErrorCodes.REPLAYED_NONCE);
    }

    @Test
    void requestFromAClockMoreThanFiveMinutesOffIsRefusedUntilTheClockIsFixed() throws Exception {
        MutableClock slow = new MutableClock(clock.instant().minus(Duration.ofMinutes(6)));
        TestTerminal skewed = new TestTerminal(server.baseUri(), "T-002", slow).registered(ENROLMENT);
        byte[] body = TestTerminal.JSON.writeValueAsBytes(new Heartbeat("T-002", slow.instant(), null, 0, List.of()));
        // Retryable: the terminal re-signs each attempt, so once its clock is set right the same request passes.
        assertRefused(skewed.send("POST", ApiPaths.HEARTBEATS, body), 401, ErrorCodes.STALE_TIMESTAMP, true);
        slow.advance(Duration.ofMinutes(6));
        assertThat(skewed.send("POST", ApiPaths.HEARTBEATS, body).statusCode()).isEqualTo(200);
    }

    @Test
    void anUnregisteredTerminalIsRefusedUntilItRegisters() throws Exception {
        TestTerminal stranger = new TestTerminal(server.baseUri(), "T-404", clock);
        byte[] body = TestTerminal.JSON.writeValueAsBytes(Fixtures.submission("T-404", "k-stranger"));
        // Retryable: registration fixes it, and the citizen's case must not be dead-lettered meanwhile.
        assertRefused(stranger.send("POST", ApiPaths.CASES, body), 401, ErrorCodes.UNKNOWN_TERMINAL, true);
        assertRefused(stranger.get(ApiPaths.caseByNumber("X")), 401, ErrorCodes.UNKNOWN_TERMINAL, true);
        stranger.registered(ENROLMENT);
        assertThat(stranger.send("POST", ApiPaths.CASES, body).statusCode()).isEqualTo(201);
    }

    @Test
    void aRequestSignedWithAnotherKeyThanTheRegisteredOneIsRefusedForGood() throws Exception {
        TestTerminal impostor = new TestTerminal(server.baseUri(), "T-001", clock);
        assertRefused(impostor.send("POST", ApiPaths.HEARTBEATS, heartbeat()), 401, ErrorCodes.BAD_SIGNATURE, false);
    }

    @Test
    void aTerminalCannotSpeakForAnother() throws Exception {
        new TestTerminal(server.baseUri(), "T-002", clock).registered(ENROLMENT);
        assertRefused(terminal.post(ApiPaths.CASES, Fixtures.submission("T-002", "k1")), 403,
                ErrorCodes.TERMINAL_MISMATCH);
    }

    @Test
    void registrationNeedsTheEnrolmentTokenAndKeepsTheFirstKey() throws Exception {
        TestTerminal t = new TestTerminal(server.baseUri(), "T-003", clock);
        byte[] wrongToken = TestTerminal.JSON.writeValueAsBytes(new TerminalRegistration("T-003", "HALL-1",
                TerminalKeys.encodePublic(t.keys.getPublic()), "guess", null, null));
        assertRefused(t.unsigned("POST", ApiPaths.TERMINALS, wrongToken), 403, ErrorCodes.ENROLMENT_REFUSED);
        t.registered(ENROLMENT);
        t.registered(ENROLMENT); // idempotent
        byte[] otherKey = TestTerminal.JSON.writeValueAsBytes(new TerminalRegistration("T-003", "HALL-1",
                TerminalKeys.encodePublic(TerminalKeys.generate().getPublic()), ENROLMENT, null, null));
        assertRefused(t.unsigned("POST", ApiPaths.TERMINALS, otherKey), 409, ErrorCodes.TERMINAL_KEY_CONFLICT);
        byte[] badKey = TestTerminal.JSON.writeValueAsBytes(new TerminalRegistration("T-004", "HALL-1",
                "bm90IGEga2V5", ENROLMENT, null, null));
        assertRefused(t.unsigned("POST", ApiPaths.TERMINALS, badKey), 400, ErrorCodes.INVALID_FIELD);
    }
}
