package org.govkiosk.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.server.Request;
import org.govkiosk.platform.PlatformServer;
import org.govkiosk.platform.config.Exposure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link Bodies#read} on a real Jetty with the platform's HTTP settings (its default minimum request data rate,
 * 1024 B/s). Jetty checks that
 * rate at the start of every read, from the moment the handler's thread took the body's first bytes: a small body
 * whose handler thread is held up after its first read (a loaded machine) must not be refused 408 on a read that
 * would only have found the end of a body already whole.
 */
class BodiesDataRateTest {

    private static final int LIMIT = 4096;

    private Javalin app;
    private final Bodies bodies = new Bodies(Duration.ofSeconds(30));
    /** Whether the handler's thread is held up after it took the body's first bytes, as a loaded machine may. */
    private volatile boolean holdUp;

    @BeforeEach
    void start() {
        app = Javalin.create(c -> {
            c.showJavalinBanner = false;
            c.startupWatcherEnabled = false;
            c.jetty.modifyHttpConfiguration(http -> PlatformServer.applyHttpSettings(http, Exposure.defaults()));
        });
        app.post("/body", ctx -> {
            if (holdUp) {
                AtomicBoolean held = new AtomicBoolean();
                Request.getBaseRequest(ctx.req()).getHttpInput().addInterceptor(content -> {
                    if (content != null && content.hasContent() && !held.getAndSet(true)) {
                        pause(200); // 60 bytes in 200 ms is under 1024 B/s
                    }
                    return content;
                });
            }
            try {
                byte[] body = bodies.read(ctx, LIMIT);
                ctx.status(200).result(body.length + " bytes");
            } catch (ApiException e) {
                ctx.status(e.status()).result(e.getMessage());
            }
        });
        app.start("127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        app.stop();
    }

    @Test
    void aSmallBodyWholeIsReadWhenItsThreadIsHeldUpAfterItsFirstBytes() throws Exception {
        assertThat(Exposure.defaults().minRequestDataRate()).as("the rate the 200 ms hold-up falls under")
                .isEqualTo(1024);
        holdUp = true;
        HttpResponse<String> answer = post(new byte[60]);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("60 bytes");
    }

    @Test
    void aSmallBodyIsReadWhole() throws Exception {
        HttpResponse<String> answer = post("{\"a\":1}".getBytes(StandardCharsets.UTF_8));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("7 bytes");
    }

    @Test
    void aBodyThatStopsHalfwayIsStillRefusedAsTooSlow() throws Exception {
        // Declares 600 bytes, sends 60, then nothing: the data rate is not kept up, the read is refused 408.
        try (Socket socket = new Socket("127.0.0.1", app.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /body HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 600\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(new byte[60]);
            out.flush();
            Thread.sleep(300);
            out.write(new byte[1]); // a read after the rate has fallen behind
            out.flush();
            InputStream in = socket.getInputStream();
            String head = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
            assertThat(head).isEqualTo("HTTP/1.1 408");
        }
    }

    @Test
    void aChunkedBodyIsReadToItsEnd() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", app.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /body HTTP/1.1\r\nHost: x\r\nConnection: close\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + "5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            assertThat(answer).startsWith("HTTP/1.1 200").endsWith("11 bytes");
        }
    }

    private HttpResponse<String> post(byte[] body) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/body"))
                        .timeout(Duration.ofSeconds(10))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
