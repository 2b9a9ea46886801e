package org.govkiosk.platform.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.govkiosk.platform.store.Database;
import org.govkiosk.testkit.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The SMS gateway against a local HTTP server standing in for the operator's: the outbox records each message once,
 * the relay sends it on with the key, retries what a retry can mend, gives up on what it cannot, never sends one
 * twice when two relays run at once, and is bounded in time by a gateway that never answers. No log line holds a
 * number in full.
 */
class SmsGatewayTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PHONE = "13812345678";

    private final MutableClock clock = new MutableClock(Instant.parse("2025-04-01T02:00:00Z"));
    private final List<JsonNode> received = new CopyOnWriteArrayList<>();
    private final List<String> keys = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private volatile int failWith = 503;
    private final CountDownLatch release = new CountDownLatch(1);
    private HttpServer gateway;
    private Database db;
    private OutboxSmsGateway outbox;
    private ListAppender<ILoggingEvent> logs;

    @BeforeEach
    void start() throws Exception {
        gateway = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        gateway.createContext("/send", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            keys.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            int status = 200;
            if (failuresLeft.getAndDecrement() > 0) {
                status = failWith;
            } else {
                received.add(JSON.readTree(new String(body, StandardCharsets.UTF_8)));
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        gateway.createContext("/hang", exchange -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        gateway.setExecutor(Executors.newCachedThreadPool());
        gateway.start();
        db = Database.open("jdbc:h2:mem:sms-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", null, null);
        outbox = new OutboxSmsGateway(db, clock);
        logs = new ListAppender<>();
        logs.start();
        ((Logger) LoggerFactory.getLogger("org.govkiosk.platform.sms")).addAppender(logs);
    }

    @AfterEach
    void stop() {
        ((Logger) LoggerFactory.getLogger("org.govkiosk.platform.sms")).detachAppender(logs);
        release.countDown();
        gateway.stop(0);
        db.close();
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + gateway.getAddress().getPort() + path);
    }

    private HttpSmsGateway http(String path) {
        return new HttpSmsGateway(url(path), Optional.of("sms-key-123"), Duration.ofSeconds(2), Duration.ofSeconds(2));
    }

    private OutboxSmsGateway.Row row(String key) {
        return outbox.rows().stream().filter(r -> r.dedupeKey().equals(key)).findFirst().orElseThrow();
    }

    private static SmsMessage message(String key) {
        return new SmsMessage(key, PHONE, "【政务服务】请您评价：https://zwfw.example.gov.cn/rate?t=x", "rating-invitation");
    }

    @Test
    void theOutboxKeepsAMessageOnceAndTheRelaySendsItWithTheKey() throws Exception {
        outbox.send(message("m1"));
        outbox.send(message("m1"));
        outbox.send(message("m2"));
        assertThat(outbox.rows()).hasSize(2).allMatch(r -> r.state().equals("PENDING"));

        SmsRelay relay = new SmsRelay(outbox, http("/send"), 5);
        assertThat(relay.runOnce()).isEqualTo(2);
        assertThat(relay.runOnce()).isZero();
        assertThat(outbox.rows()).allMatch(r -> r.state().equals("SENT") && r.attempts() == 1);
        assertThat(received).hasSize(2);
        assertThat(received.get(0).path("to").asText()).isEqualTo(PHONE);
        assertThat(received.get(0).path("text").asText()).contains("rate?t=x");
        assertThat(received).extracting(n -> n.path("id").asText()).containsExactlyInAnyOrder("m1", "m2");
        assertThat(keys).containsOnly("Bearer sms-key-123");
        assertNoNumberInFullInTheLog();
    }

    @Test
    void aGatewayThatFailsIsTriedAgainUntilItAnswersAndAMessageItRefusesIsGivenUp() {
        outbox.send(message("m1"));
        SmsRelay relay = new SmsRelay(outbox, http("/send"), 3);
        failuresLeft.set(1);
        assertThat(relay.runOnce()).isZero();
        assertThat(row("m1").state()).isEqualTo("PENDING");
        assertThat(row("m1").attempts()).isEqualTo(1);
        assertThat(relay.runOnce()).isEqualTo(1);
        assertThat(row("m1").state()).isEqualTo("SENT");

        outbox.send(message("m2"));
        failWith = 400;
        failuresLeft.set(1);
        assertThat(relay.runOnce()).isZero();
        assertThat(row("m2").state()).as("a 400 says the message is wrong: no retry").isEqualTo("FAILED");

        outbox.send(message("m3"));
        failWith = 503;
        failuresLeft.set(10);
        for (int i = 0; i < 5; i++) {
            relay.runOnce();
        }
        assertThat(row("m3").state()).isEqualTo("FAILED");
        assertThat(row("m3").attempts()).as("given up after maxAttempts").isEqualTo(3);
        assertNoNumberInFullInTheLog();
    }

    @Test
    void twoRelaysAtOnceSendEveryMessageOnce() throws Exception {
        for (int i = 0; i < 40; i++) {
            outbox.send(message("m" + i));
        }
        SmsRelay a = new SmsRelay(outbox, http("/send"), 5);
        SmsRelay b = new SmsRelay(new OutboxSmsGateway(db, clock), http("/send"), 5);
        var pool = Executors.newFixedThreadPool(2);
        try {
            var fa = pool.submit(a::runOnce);
            var fb = pool.submit(b::runOnce);
            assertThat(fa.get() + fb.get()).isEqualTo(40);
        } finally {
            pool.shutdownNow();
        }
        assertThat(received).hasSize(40);
        assertThat(received).extracting(n -> n.path("id").asText()).doesNotHaveDuplicates();
    }

    @Test
    void aGatewayThatNeverAnswersCostsTheRequestTimeoutAndTheMessageStaysQueued() {
        HttpSmsGateway hanging = new HttpSmsGateway(url("/hang"), Optional.empty(), Duration.ofSeconds(1),
                Duration.ofSeconds(1));
        assertThatThrownBy(() -> hanging.send(message("h1"))).isInstanceOf(SmsException.class)
                .satisfies(e -> assertThat(((SmsException) e).retryable()).isTrue());
        outbox.send(message("h2"));
        assertThat(new SmsRelay(outbox, hanging, 5).runOnce()).isZero();
        assertThat(outbox.rows().get(0).state()).isEqualTo("PENDING");
    }

    @Test
    void settingsRefusePlainHttpOffLoopbackAndUnboundedTimeouts() {
        assertThatThrownBy(() -> new SmsSettings(Optional.of(URI.create("http://sms.example.gov.cn/send")),
                Optional.empty(), Duration.ofSeconds(5), Duration.ofSeconds(10), 5))
                .hasMessageContaining("https");
        assertThatThrownBy(() -> new SmsSettings(Optional.of(URI.create("https://sms.example.gov.cn/send")),
                Optional.empty(), Duration.ofSeconds(5), Duration.ofMinutes(10), 5))
                .hasMessageContaining("1 s to 120 s");
        assertThatThrownBy(() -> new SmsMessage("k", "not-a-number", "x", "p")).hasMessageContaining("phone");
        assertThat(message("m").toString()).contains("138****5678").doesNotContain(PHONE);
    }

    private void assertNoNumberInFullInTheLog() {
        assertThat(logs.list).isNotEmpty();
        assertThat(logs.list).extracting(ILoggingEvent::getFormattedMessage).noneMatch(m -> m.contains(PHONE));
        assertThat(logs.list).extracting(ILoggingEvent::getFormattedMessage).anyMatch(m -> m.contains("138****5678"));
    }
}
