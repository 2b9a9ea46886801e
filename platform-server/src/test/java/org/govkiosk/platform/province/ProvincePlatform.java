package org.govkiosk.platform.province;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.govkiosk.api.ApiPaths;
import org.govkiosk.api.Applicant;
import org.govkiosk.api.CaseKind;
import org.govkiosk.api.CaseReceipt;
import org.govkiosk.api.CaseSubmission;
import org.govkiosk.api.CryptoSuite;
import org.govkiosk.api.IdType;
import org.govkiosk.api.Material;
import org.govkiosk.api.RatingChannel;
import org.govkiosk.api.RatingReceipt;
import org.govkiosk.api.RatingSubmission;
import org.govkiosk.platform.PlatformServer;
import org.govkiosk.platform.RunningPlatform;
import org.govkiosk.platform.TestTerminal;
import org.govkiosk.platform.config.PlatformConfig;
import org.govkiosk.platform.ratings.RatingSettings;
import org.govkiosk.testkit.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A platform with the shipped catalog and calendar, linked to a {@link StandInProvince} on loopback (one shared key,
 * attempts and timeouts small, the sender run by the test), one registered terminal and the calls a clerk makes.
 */
abstract class ProvincePlatform {

    /** 城乡居民基本养老保险参保登记, handled by 示例市人力资源和社会保障局 in the shipped catalog. */
    static final String ITEM = "11449900MB2C1000014442113001000";
    static final String DEPARTMENT = "示例市人力资源和社会保障局";
    static final String PHONE = "13800138000";
    static final String ID_NUMBER = "11010519491231002X";
    static final byte[] KEY = "a shared key of the stand-in, 32B".getBytes(StandardCharsets.US_ASCII);

    protected final MutableClock clock = new MutableClock(Instant.parse("2025-04-01T02:00:00Z"));
    protected final HttpClient http = HttpClient.newHttpClient();
    protected StandInProvince province;
    protected PlatformServer server;
    protected PlatformConfig configUsed;
    protected TestTerminal terminal;

    protected PlatformConfig config() throws Exception {
        return PlatformConfig.embedded().withTokens(RunningPlatform.ENROLMENT, RunningPlatform.CLERK)
                .withDeadlines(PlatformConfig.Deadlines.beside(Path.of("../config")));
    }

    protected CryptoSuite suite() {
        return CryptoSuite.ED25519_AES;
    }

    /** Ten attempts, retried at once (no backoff wait: the tests run the sender by hand), 1 s answers. */
    protected ProvinceSettings settings() {
        return ProvinceSettings.linked(province.url(), "KEY-1", KEY).withAttempts(10, Duration.ZERO, Duration.ZERO)
                .withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(1)).withInterval(Duration.ofHours(1));
    }

    @BeforeEach
    void startPlatform() throws Exception {
        province = new StandInProvince(KEY, suite() == CryptoSuite.SM ? "HMAC-SM3" : "HMAC-SHA256", clock);
        configUsed = config().withCryptoSuite(suite());
        server = start(configUsed, settings());
        terminal = new TestTerminal(server.baseUri(), "T-001", clock, suite()).registered(RunningPlatform.ENROLMENT);
    }

    PlatformServer start(PlatformConfig config, ProvinceSettings settings) {
        return PlatformServer.start(config, RatingSettings.defaults().unscheduled(), Optional.empty(), settings, clock);
    }

    /** Stops the platform and starts another on the same database with {@code settings}. */
    void restart(ProvinceSettings settings) {
        if (server != null) {
            server.close();
            server = null;
        }
        server = start(configUsed, settings);
        terminal = terminal.at(server.baseUri());
    }

    @AfterEach
    void stopPlatform() {
        if (server != null) {
            server.close();
        }
        province.close();
    }

    static CaseSubmission submission(String terminalId, String key, String phone) {
        return new CaseSubmission(key, "local-" + key, terminalId, ITEM, "城乡居民基本养老保险参保登记",
                CaseKind.PROMISED, new Applicant(IdType.RESIDENT_ID, ID_NUMBER, "张三丰", phone, null),
                Map.of("grade", "500"),
                List.of(new Material("M1", "户口簿", Material.Status.PROVIDED, Material.Source.SCAN, "sha256:ab")),
                Instant.parse("2025-04-01T02:00:00Z"));
    }

    CaseReceipt fileCase(String key, String phone) throws Exception {
        HttpResponse<String> r = terminal.post(ApiPaths.CASES, submission(terminal.id, key, phone));
        if (r.statusCode() != 201) {
            throw new AssertionError("case refused: " + r.statusCode() + " " + r.body());
        }
        return TestTerminal.read(r, CaseReceipt.class);
    }

    /** Files a case and rates it at the terminal; the rating's receipt. */
    RatingReceipt rated(String key, int level, boolean anonymous) throws Exception {
        String caseNumber = fileCase(key, PHONE).caseNumber();
        RatingSubmission r = new RatingSubmission("rate-" + key, caseNumber, "1", ITEM, "HALL-1", terminal.id,
                "W-03", "C-07", RatingChannel.SELF_SERVICE_TERMINAL, level, Map.of("OVERALL", level),
                level <= 2 ? List.of("SERVICE_EFFICIENCY") : List.of(), null, anonymous, clock.instant());
        HttpResponse<String> sent = terminal.post(ApiPaths.RATINGS, r);
        if (sent.statusCode() != 201) {
            throw new AssertionError("rating refused: " + sent.statusCode() + " " + sent.body());
        }
        clock.advance(Duration.ofSeconds(1));
        return TestTerminal.read(sent, RatingReceipt.class);
    }

    HttpResponse<String> clerk(String method, String path, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.baseUri() + path))
                .header("Authorization", "Bearer " + RunningPlatform.CLERK).header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    String metrics() throws Exception {
        return clerk("GET", org.govkiosk.platform.ops.PlatformMetrics.PATH, null).body();
    }
}
