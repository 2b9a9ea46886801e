package org.govkiosk.platform.ratings;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.govkiosk.api.ApiPaths;
import org.govkiosk.api.Applicant;
import org.govkiosk.api.CaseKind;
import org.govkiosk.api.CaseReceipt;
import org.govkiosk.api.CaseSubmission;
import org.govkiosk.api.IdType;
import org.govkiosk.api.Material;
import org.govkiosk.platform.PlatformServer;
import org.govkiosk.platform.RunningPlatform;
import org.govkiosk.platform.TestTerminal;
import org.govkiosk.platform.config.PlatformConfig;
import org.govkiosk.testkit.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A platform with the shipped catalog (its rating-questions) and working calendar, the rating job run by the test
 * (its clock moved by hand), one registered terminal, and the calls a phone and a clerk make.
 */
abstract class PhonePlatform {

    /** 城乡居民基本养老保险参保登记: the catalog item with rating-questions. */
    static final String ITEM = "11449900MB2C1000014442113001000";
    static final String ITEM_NAME = "城乡居民基本养老保险参保登记";
    static final String PHONE = "13800138000";

    /** Tuesday 1 April 2025, 10:00 in Shanghai; 清明 (4-6 April) falls in the rating window of a case decided now. */
    protected final MutableClock clock = new MutableClock(Instant.parse("2025-04-01T02:00:00Z"));
    protected final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    protected PlatformServer server;
    /** The configuration the platform runs with (a second instance on the same database uses it too). */
    protected PlatformConfig configUsed;
    protected TestTerminal terminal;

    protected PlatformConfig config() throws Exception {
        return PlatformConfig.embedded().withTokens(RunningPlatform.ENROLMENT, RunningPlatform.CLERK)
                .withDeadlines(PlatformConfig.Deadlines.beside(Path.of("../config")));
    }

    @BeforeEach
    void startPlatform() throws Exception {
        configUsed = config();
        server = PlatformServer.start(configUsed, RatingSettings.defaults().unscheduled(), clock);
        terminal = new TestTerminal(server.baseUri(), "T-001", clock).registered(RunningPlatform.ENROLMENT);
    }

    @AfterEach
    void stopPlatform() {
        server.close();
    }

    static CaseSubmission submission(String terminalId, String key, String phone) {
        return new CaseSubmission(key, "local-" + key, terminalId, ITEM, ITEM_NAME, CaseKind.PROMISED,
                new Applicant(IdType.RESIDENT_ID, "11010519491231002X", "张三丰", phone, null),
                Map.of("grade", "500"),
                List.of(new Material("M1", "户口簿", Material.Status.PROVIDED, Material.Source.SCAN, "sha256:ab")),
                clock0());
    }

    private static Instant clock0() {
        return Instant.parse("2025-04-01T02:00:00Z");
    }

    /** Files a case at {@link #terminal}; its receipt (with the rating link). */
    CaseReceipt fileCase(String key, String phone) throws Exception {
        HttpResponse<String> r = terminal.post(ApiPaths.CASES, submission(terminal.id, key, phone));
        if (r.statusCode() != 201) {
            throw new AssertionError("case refused: " + r.statusCode() + " " + r.body());
        }
        return TestTerminal.read(r, CaseReceipt.class);
    }

    /** The clerk takes the case through 受理, 审核 to 办结. */
    void complete(String caseNumber) throws Exception {
        for (String state : List.of("ACCEPTED", "IN_REVIEW", "COMPLETED")) {
            HttpResponse<String> moved = clerk("POST", ApiPaths.clerkCaseTransitions(caseNumber),
                    "{\"to\":\"" + state + "\"}");
            if (moved.statusCode() != 200) {
                throw new AssertionError("transition to " + state + " refused: " + moved.body());
            }
        }
    }

    HttpResponse<String> clerk(String method, String path, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.baseUri() + path))
                .header("Authorization", "Bearer " + RunningPlatform.CLERK).header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> page(String url, String acceptLanguage) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).GET();
        if (acceptLanguage != null) {
            b.header("Accept-Language", acceptLanguage);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Posts the rating form as a browser does; {@code fields} are name, value pairs (names may repeat). */
    HttpResponse<String> submit(String token, String... fields) throws Exception {
        StringBuilder body = new StringBuilder("t=").append(URLEncoder.encode(token, StandardCharsets.UTF_8));
        for (int i = 0; i < fields.length; i += 2) {
            body.append('&').append(URLEncoder.encode(fields[i], StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(fields[i + 1], StandardCharsets.UTF_8));
        }
        return http.send(HttpRequest.newBuilder(URI.create(server.baseUri() + ApiPaths.RATE_PAGE))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static String token(String url) {
        int at = url.indexOf("?t=");
        if (at < 0) {
            throw new AssertionError("no token in " + url);
        }
        return java.net.URLDecoder.decode(url.substring(at + 3), StandardCharsets.UTF_8);
    }

    /** The outcome the page states (thanks, given, invalid, expired, unknown), or "form". */
    static String outcome(String html) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("data-outcome=\"([a-z]+)\"").matcher(html);
        return m.find() ? m.group(1) : html.contains("<form") ? "form" : "(none)";
    }
}
