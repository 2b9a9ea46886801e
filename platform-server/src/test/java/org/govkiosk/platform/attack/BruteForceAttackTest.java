package org.govkiosk.platform.attack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.govkiosk.api.ApiPaths;
import org.govkiosk.api.ErrorCodes;
import org.govkiosk.platform.config.Exposure;
import org.govkiosk.platform.RunningPlatform;
import org.govkiosk.platform.TestTerminal;
import org.junit.jupiter.api.Test;

/**
 * Guessing the clerk token (issue 14, trust boundaries): through the staff sign-in form and as a Bearer token on the
 * clerk routes. After {@link Exposure#DEFAULT_MAX_FAILED_LOGINS} wrong tokens the client is locked out (429,
 * Retry-After) for {@link Exposure#DEFAULT_LOGIN_LOCKOUT}, the right token included; other clients are not; the
 * lockout ends when the platform's clock has passed it (a clock the test moves, no waiting).
 */
class BruteForceAttackTest extends RunningPlatform {

    private static final int GUESSES = 200;

    private HttpResponse<String> login(String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.baseUri() + "/staff/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("login=clerk1&password="
                        + URLEncoder.encode(token, StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> bearer(String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.baseUri() + ApiPaths.CLERK_TERMINALS))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A clerk call from another client address (127.0.0.2) with the right token: the status line. */
    private String bearerFromElsewhere() throws Exception {
        try (Socket s = new Socket(InetAddress.getByName("127.0.0.1"), server.baseUri().getPort(),
                InetAddress.getByName("127.0.0.2"), 0)) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write(("GET " + ApiPaths.CLERK_TERMINALS + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Authorization: Bearer " + CLERK + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            return new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII)).readLine();
        }
    }

    private record Run(int wrong401, int locked429, double perSecond) {
    }

    private Run guess(GuessCall call) throws Exception {
        int unauthorized = 0;
        int locked = 0;
        long t0 = System.nanoTime();
        for (int i = 0; i < GUESSES; i++) {
            int status = call.status("guess-" + i);
            if (status == 401) {
                unauthorized++;
            } else if (status == 429) {
                locked++;
            }
        }
        return new Run(unauthorized, locked, GUESSES / ((System.nanoTime() - t0) / 1e9));
    }

    private interface GuessCall {
        int status(String token) throws Exception;
    }

    @Test
    void staffPasswordGuessesAreLockedOutUntilTheLockoutHasPassed() throws Exception {
        org.govkiosk.platform.StaffClient.add(server, "clerk1", org.govkiosk.platform.staff.Role.CLERK, "HALL-1");
        Run run = guess(t -> login(t).statusCode());
        System.out.printf("staff sign-in brute force: %d guesses at %.0f/s: %d answered 401, %d locked out (429)%n",
                GUESSES, run.perSecond(), run.wrong401(), run.locked429());
        assertThat(run.wrong401()).as("wrong tokens judged before the lockout")
                .isEqualTo(Exposure.DEFAULT_MAX_FAILED_LOGINS);
        assertThat(run.locked429()).isEqualTo(GUESSES - Exposure.DEFAULT_MAX_FAILED_LOGINS);

        HttpResponse<String> right = login(org.govkiosk.platform.StaffClient.PASSWORD);
        assertThat(right.statusCode()).as("the right password is refused too while locked out").isEqualTo(429);
        long retryAfter = Long.parseLong(right.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, Exposure.DEFAULT_LOGIN_LOCKOUT.toSeconds());
        assertThat(right.body()).contains("次数过多");

        clock.advance(Duration.ofSeconds(retryAfter));
        assertThat(login(org.govkiosk.platform.StaffClient.PASSWORD).statusCode()).as("after the lockout")
                .isEqualTo(303);
    }

    @Test
    void bearerGuessesOnClerkRoutesAreLockedOutForThatClientOnly() throws Exception {
        Run run = guess(t -> bearer(t).statusCode());
        System.out.printf("clerk Bearer brute force: %d guesses at %.0f/s: %d answered 401, %d locked out (429)%n",
                GUESSES, run.perSecond(), run.wrong401(), run.locked429());
        assertThat(run.wrong401()).isEqualTo(Exposure.DEFAULT_MAX_FAILED_LOGINS);
        assertThat(run.locked429()).isEqualTo(GUESSES - Exposure.DEFAULT_MAX_FAILED_LOGINS);

        HttpResponse<String> right = bearer(CLERK);
        assertThat(right.statusCode()).isEqualTo(429);
        assertThat(TestTerminal.error(right).code()).isEqualTo(ErrorCodes.TOO_MANY_ATTEMPTS);
        long retryAfter = Long.parseLong(right.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, Exposure.DEFAULT_LOGIN_LOCKOUT.toSeconds());
        assertThat(bearerFromElsewhere()).as("a clerk at another address").startsWith("HTTP/1.1 200");

        clock.advance(Duration.ofSeconds(retryAfter - 1));
        assertThat(bearer(CLERK).statusCode()).as("a second before the lockout ends").isEqualTo(429);
        clock.advance(Duration.ofSeconds(1));
        assertThat(bearer(CLERK).statusCode()).as("after the lockout").isEqualTo(200);
    }

    @Test
    void enrolmentTokenGuessesAreLockedOutToo() throws Exception {
        TestTerminal guesser = new TestTerminal(server.baseUri(), "T-GUESS", clock);
        int refused = 0;
        int locked = 0;
        for (int i = 0; i < GUESSES; i++) {
            int status = guesser.unsigned("POST", ApiPaths.TERMINALS, TestTerminal.JSON.writeValueAsBytes(
                    new org.govkiosk.api.TerminalRegistration(guesser.id, "HALL-1",
                            org.govkiosk.api.TerminalKeys.encodePublic(guesser.keys.getPublic()), "guess-" + i,
                            "KX-1", "1.0"))).statusCode();
            refused += status == 403 ? 1 : 0;
            locked += status == 429 ? 1 : 0;
        }
        assertThat(refused).as("wrong enrolment tokens judged").isEqualTo(Exposure.DEFAULT_MAX_FAILED_LOGINS);
        assertThat(locked).isEqualTo(GUESSES - Exposure.DEFAULT_MAX_FAILED_LOGINS);
    }
}
