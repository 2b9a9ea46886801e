package org.govkiosk.platform;

import org.govkiosk.platform.config.PlatformConfig;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.server.handler.StatisticsHandler;
import org.govkiosk.api.ApiPaths;
import org.govkiosk.testkit.Await;
import org.junit.jupiter.api.Test;

/**
 * A platform told to stop (SIGTERM runs {@link PlatformServer#closeGracefully}) lets a request in flight finish and
 * answer. Without a stop timeout Jetty dropped the connection under it.
 */
class GracefulStopTest {

    @Test
    void aRequestInFlightIsAnsweredWhileThePlatformStops() throws Exception {
        PlatformServer server = PlatformServer.start(PlatformConfig.embedded()
                .withTokens(RunningPlatform.ENROLMENT, RunningPlatform.CLERK));
        TestTerminal t = new TestTerminal(server.baseUri(), "T-STOP", java.time.Clock.systemUTC())
                .registered(RunningPlatform.ENROLMENT);
        byte[] bytes = TestTerminal.JSON.writeValueAsBytes(Fixtures.submission(t.id, "stop-1"));
        // Signed over the whole body: the platform cannot answer before it has read all of it (an unsigned request
        // was refused from its headers alone, at times before the test saw it in flight).
        byte[] head = t.signedPostHead(ApiPaths.CASES, bytes);
        CompletableFuture<Void> stopping;
        try (Socket socket = new Socket(server.baseUri().getHost(), server.port())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            // Headers and half the body: the request is dispatched and its handler waits for the rest.
            out.write(head);
            out.write(bytes, 0, bytes.length / 2);
            out.flush();
            StatisticsHandler stats = server.jetty().getChildHandlerByClass(StatisticsHandler.class);
            // Until Jetty has dispatched it: a request not yet begun is not waited for.
            Await.until("the request is in flight", Duration.ofSeconds(30), () -> stats.getRequestsActive() > 0);
            assertThat(stats.getRequestsActive()).as("the request is in flight").isEqualTo(1);

            CompletableFuture<Void> stop = CompletableFuture.runAsync(
                    () -> server.closeGracefully(PlatformServer.GRACEFUL_STOP));
            stopping = stop;
            // The stop has reached the point where it waits for requests in flight (not: half a second has passed).
            // Ours cannot end before the rest of its body is sent, so the stop cannot be done yet.
            Await.until("the graceful stop began", Duration.ofSeconds(30), () -> stats.isShutdown() || stop.isDone());
            assertThat(stopping).as("the stop waits for the request").isNotDone();
            out.write(bytes, bytes.length / 2, bytes.length - bytes.length / 2);
            out.flush();

            String status = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII)).readLine();
            assertThat(status).as("the in-flight request's answer: the case taken").startsWith("HTTP/1.1 201");
        }
        stopping.get(30, TimeUnit.SECONDS);
    }

    /**
     * Behind a balancer (drain-seconds) a stopping platform first fails its health check while it serves on: the
     * balancer's check marks it down and sends nothing more, and what came meanwhile is answered.
     */
    @Test
    void aDrainingPlatformFailsItsHealthCheckAndServesOn() throws Exception {
        PlatformServer server = PlatformServer.start(PlatformConfig.embedded()
                .withTokens(RunningPlatform.ENROLMENT, RunningPlatform.CLERK));
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        java.net.URI health = java.net.URI.create(server.baseUri() + ApiPaths.HEALTH);
        assertThat(http.send(java.net.http.HttpRequest.newBuilder(health).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        CompletableFuture<Void> stop = CompletableFuture.runAsync(
                () -> server.closeGracefully(Duration.ofSeconds(3), PlatformServer.GRACEFUL_STOP));
        Await.until("the health check fails", Duration.ofSeconds(10), () -> http.send(
                java.net.http.HttpRequest.newBuilder(health).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).statusCode() == 503);
        java.net.http.HttpResponse<String> check = http.send(java.net.http.HttpRequest.newBuilder(health).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(check.body()).contains("shutting-down");
        // Still serving: a terminal registers and submits a signed case during the drain.
        TestTerminal t = new TestTerminal(server.baseUri(), "T-DRAIN", java.time.Clock.systemUTC())
                .registered(RunningPlatform.ENROLMENT);
        assertThat(t.post(ApiPaths.CASES, Fixtures.submission(t.id, "drain-1")).statusCode()).isEqualTo(201);
        assertThat(stop).as("the drain lasts its time").isNotDone();
        stop.get(30, TimeUnit.SECONDS);
    }
}
