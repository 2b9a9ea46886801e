package org.govkiosk.platform.notices;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import org.govkiosk.api.ApiPaths;
import org.govkiosk.api.CaseReceipt;
import org.govkiosk.api.CaseSubmission;
import org.govkiosk.platform.Fixtures;
import org.govkiosk.platform.PlatformServer;
import org.govkiosk.platform.RunningPlatform;
import org.govkiosk.platform.TestTerminal;
import org.govkiosk.platform.config.PlatformConfig;
import org.govkiosk.platform.ratings.RatingSettings;
import org.govkiosk.platform.sms.SmsSettings;
import org.govkiosk.testkit.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The citizen's SMS notices over real HTTP, through the operator's HTTP gateway on loopback: every state a citizen
 * is told of sends exactly one message, with the case number and the item and nothing personal; a replayed request
 * or job run sends none again; a citizen who declined gets none; no log line holds the ID number or the phone.
 */
class CaseNoticesHttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PHONE = "13800138000";
    private static final String ITEM_NAME = "城乡居民养老保险参保登记";

    private final MutableClock clock = new MutableClock(Instant.parse("2025-03-03T02:00:00Z"));
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<JsonNode> received = new CopyOnWriteArrayList<>();
    private HttpServer gateway;
    private PlatformServer server;
    private TestTerminal terminal;
    private ListAppender<ILoggingEvent> logs;

    @BeforeEach
    void start() throws Exception {
        gateway = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        gateway.createContext("/send", exchange -> {
            received.add(JSON.readTree(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        gateway.setExecutor(Executors.newSingleThreadExecutor());
        gateway.start();
        logs = new ListAppender<>();
        logs.start();
        ((Logger) LoggerFactory.getLogger("org.govkiosk")).addAppender(logs);
        startPlatform(false);
    }

    /** @param autoDecide a complete 即办件 is accepted, reviewed and completed at intake */
    private void startPlatform(boolean autoDecide) throws Exception {
        SmsSettings sms = new SmsSettings(Optional.of(URI.create("http://127.0.0.1:" + gateway.getAddress().getPort()
                + "/send")), Optional.of("k"), Duration.ofSeconds(5), Duration.ofSeconds(5), 3);
        server = PlatformServer.start(PlatformConfig.embedded().withTokens(RunningPlatform.ENROLMENT,
                RunningPlatform.CLERK).withDecisions(new PlatformConfig.Decisions(autoDecide, "示例市政务服务管理局",
                        Optional.empty())),
                RatingSettings.defaults().withSms(sms).unscheduled(), clock);
        terminal = new TestTerminal(server.baseUri(), "T-001", clock).registered(RunningPlatform.ENROLMENT);
    }

    @AfterEach
    void stop() {
        ((Logger) LoggerFactory.getLogger("org.govkiosk")).detachAppender(logs);
        server.close();
        gateway.stop(0);
    }

    @Test
    void eachStateSendsExactlyOneNoticeAndAReplaySendsNone() throws Exception {
        String a = file(Fixtures.submission(terminal.id, "a"));
        assertThat(newMessages(a)).as("a case only received is no news").isEmpty();

        move(a, "{\"to\":\"ACCEPTED\"}", 200);
        assertThat(newMessages(a)).containsExactly("ACCEPTED");
        move(a, "{\"to\":\"ACCEPTED\"}", 409);
        assertThat(file(Fixtures.submission(terminal.id, "a"))).as("a resent case is the same case").isEqualTo(a);
        assertThat(newMessages(a)).as("a replayed transition or submission sends nothing again").isEmpty();
        move(a, "{\"to\":\"IN_REVIEW\"}", 200);
        assertThat(newMessages(a)).isEmpty();
        move(a, "{\"to\":\"COMPLETED\"}", 200);
        assertThat(newMessages(a)).containsExactly("COMPLETED");
        attachCertificate(a);
        assertThat(newMessages(a)).containsExactly("RESULT_READY");
        attachCertificate(a);
        assertThat(newMessages(a)).as("a replaced certificate is no new news").isEmpty();

        String b = file(Fixtures.submission(terminal.id, "b"));
        move(b, "{\"to\":\"NEEDS_SUPPLEMENT\",\"note\":\"请补交户口簿原件\"}", 200);
        assertThat(newMessages(b)).containsExactly("NEEDS_SUPPLEMENT");
        move(b, "{\"to\":\"NOT_ACCEPTED\",\"note\":\"不属于本机关职权范围\"}", 200);
        assertThat(newMessages(b)).containsExactly("NOT_ACCEPTED");

        String c = file(Fixtures.submission(terminal.id, "c"));
        HttpResponse<String> returned = clerk("POST", ApiPaths.clerkCaseReturn(c), "{\"department\":\"示例市人社局\","
                + "\"returnedBy\":\"窗口 01\",\"reasons\":[\"材料未盖章\"]}");
        assertThat(returned.statusCode()).as(returned.body()).isEqualTo(200);
        assertThat(newMessages(c)).containsExactly("RETURNED");

        assertThat(server.runCaseNotices()).as("nothing left to do").isEqualTo(new CaseNoticeJob.Run(0, 0, 0, 0));
        assertThat(received).hasSize(6).allSatisfy(m -> {
            assertThat(m.path("to").asText()).isEqualTo(PHONE);
            String text = m.path("text").asText();
            assertThat(text).startsWith("【政务服务】").contains(ITEM_NAME)
                    .doesNotContain(Fixtures.ID_NUMBER, "张三丰", "张", PHONE);
        });
        assertThat(received).filteredOn(m -> m.path("id").asText().endsWith(":RESULT_READY"))
                .extracting(m -> m.path("text").asText()).singleElement().asString().contains(a, "打印");
        assertNothingPersonalInTheLog();
    }

    @Test
    void aCitizenWhoDeclinedGetsNoNotice() throws Exception {
        CaseSubmission declined = Fixtures.submission(terminal.id, "d").withSmsOptOut(true);
        String d = file(declined);
        move(d, "{\"to\":\"ACCEPTED\"}", 200);
        assertThat(server.runCaseNotices()).isEqualTo(new CaseNoticeJob.Run(0, 1, 0, 0));
        move(d, "{\"to\":\"IN_REVIEW\"}", 200);
        move(d, "{\"to\":\"COMPLETED\"}", 200);
        attachCertificate(d);
        assertThat(server.runCaseNotices()).as("COMPLETED superseded by RESULT_READY, which is skipped")
                .isEqualTo(new CaseNoticeJob.Run(0, 1, 1, 0));
        assertThat(received).isEmpty();

        String e = file(Fixtures.submission(terminal.id, "e"));
        move(e, "{\"to\":\"ACCEPTED\"}", 200);
        assertThat(newMessages(e)).as("the same platform tells a citizen who did not decline").containsExactly(
                "ACCEPTED");
        assertNothingPersonalInTheLog();
    }

    @Test
    void noticesWaitingTogetherSendOnlyTheLast() throws Exception {
        String f = file(Fixtures.submission(terminal.id, "f"));
        move(f, "{\"to\":\"ACCEPTED\"}", 200);
        move(f, "{\"to\":\"IN_REVIEW\"}", 200);
        move(f, "{\"to\":\"COMPLETED\"}", 200);
        assertThat(server.runCaseNotices()).isEqualTo(new CaseNoticeJob.Run(1, 0, 1, 1));
        assertThat(received).extracting(m -> m.path("id").asText()).containsExactly("case-notice:" + f
                + ":COMPLETED");
    }

    @Test
    void anImmediateCaseDecidedAtIntakeSendsOneMessageNotThree() throws Exception {
        server.close();
        startPlatform(true);
        String i = file(Fixtures.submission(terminal.id, "i", org.govkiosk.api.CaseKind.IMMEDIATE, "本地"));
        // Accepted, decided and (with a CJK font) printable in one transaction: the last notice says it all.
        List<String> sent = newMessages(i);
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0)).isIn("COMPLETED", "RESULT_READY");
        assertThat(received.get(0).path("text").asText()).contains(i, "已办结");
    }

    private int seen;

    /** Runs the notice job (twice: the second run must send nothing); the notices of {@code n} sent since. */
    private List<String> newMessages(String n) {
        server.runCaseNotices();
        server.runCaseNotices();
        List<JsonNode> fresh = received.subList(seen, received.size());
        seen = received.size();
        return fresh.stream().map(m -> m.path("id").asText())
                .peek(id -> assertThat(id).as("a notice of another case").startsWith("case-notice:" + n + ":"))
                .map(id -> id.substring(id.lastIndexOf(':') + 1)).toList();
    }

    private String file(CaseSubmission s) throws Exception {
        HttpResponse<String> r = terminal.post(ApiPaths.CASES, s);
        assertThat(r.statusCode()).as(r.body()).isIn(200, 201);
        return TestTerminal.read(r, CaseReceipt.class).caseNumber();
    }

    private void move(String n, String json, int expected) throws Exception {
        HttpResponse<String> r = clerk("POST", ApiPaths.clerkCaseTransitions(n), json);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(expected);
    }

    private void attachCertificate(String n) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(server.baseUri()
                + ApiPaths.clerkCaseCertificate(n))).header("Authorization", "Bearer " + RunningPlatform.CLERK)
                .header("Content-Type", "application/pdf")
                .PUT(HttpRequest.BodyPublishers.ofString("%PDF-1.4 result")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(204);
    }

    private HttpResponse<String> clerk(String method, String path, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.baseUri() + path))
                .header("Authorization", "Bearer " + RunningPlatform.CLERK).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private void assertNothingPersonalInTheLog() {
        assertThat(logs.list).extracting(ILoggingEvent::getFormattedMessage)
                .anyMatch(m -> m.contains("138****8000"))
                .noneMatch(m -> m.contains(Fixtures.ID_NUMBER) || m.contains(PHONE) || m.contains("张三丰"));
    }
}
