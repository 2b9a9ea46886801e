package org.govkiosk.platform;

import org.govkiosk.platform.config.PlatformConfig;
import org.govkiosk.testkit.MutableClock;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Base of the HTTP tests: a real platform on a free loopback port, a moveable clock, one registered terminal. */
public abstract class RunningPlatform {

    public static final String ENROLMENT = "enrol-Xq7vN2pL9sK4wR8tY3mB6c";
    public static final String CLERK = "clerk-Hd5jF8gZ2nQ6vW9xC4bT7k";

    protected final MutableClock clock = new MutableClock(Instant.parse("2025-03-03T02:00:00Z"));
    protected final HttpClient http = HttpClient.newHttpClient();
    protected PlatformServer server;
    protected TestTerminal terminal;

    protected PlatformConfig config() {
        return PlatformConfig.embedded().withTokens(ENROLMENT, CLERK);
    }

    @BeforeEach
    void startPlatform() throws Exception {
        server = PlatformServer.start(config(), clock);
        terminal = newTerminal().registered(ENROLMENT);
    }

    /** The terminal of the tests, before it registers (an SM2 one for a platform of the sm suite). */
    protected TestTerminal newTerminal() {
        return new TestTerminal(server.baseUri(), "T-001", clock);
    }

    @AfterEach
    void stopPlatform() {
        server.close();
    }

    /** The platform's Jetty, for tests that watch its connections and threads. */
    protected org.eclipse.jetty.server.Server jetty() {
        return server.jetty();
    }

    /** Files a case at {@link #terminal} (a rating needs a case of the terminal's hall); returns its number. */
    protected String fileCase(String key) throws Exception {
        HttpResponse<String> r = terminal.post(org.govkiosk.api.ApiPaths.CASES, Fixtures.submission(terminal.id, key));
        if (r.statusCode() != 201) {
            throw new AssertionError("case refused: " + r.statusCode() + " " + r.body());
        }
        return TestTerminal.read(r, org.govkiosk.api.CaseReceipt.class).caseNumber();
    }

    protected HttpResponse<String> clerk(String method, String path, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.baseUri() + path))
                .header("Authorization", "Bearer " + CLERK).header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    protected HttpResponse<String> plain(String method, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.baseUri() + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }
}
