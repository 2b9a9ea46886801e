package org.govkiosk.app.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.govkiosk.app.testkit.StubDevice;
import org.govkiosk.device.DeviceEvent;
import org.govkiosk.device.DeviceEventBus;
import org.govkiosk.device.DeviceFamily;
import org.govkiosk.device.DeviceStatusDetail;
import org.govkiosk.device.DeviceStatusInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OpsHttpServerTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private final StubDevice reader = new StubDevice("idcard-1", DeviceFamily.ID_CARD_READER);
    private final StubDevice printer = new StubDevice("receipt-1", DeviceFamily.RECEIPT_PRINTER);
    private final DeviceEventBus bus = new DeviceEventBus();
    private final TerminalMetrics metrics = new TerminalMetrics("t-1", List.of(reader, printer), bus);
    private OpsHttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private OpsHttpServer start(Optional<String> token) throws Exception {
        server = new OpsHttpServer(new InetSocketAddress("127.0.0.1", 0), token,
                () -> HealthReport.of("t-1", 42, List.of(reader, printer)), metrics::scrape);
        return server;
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void healthSaysWhetherTheTerminalServes() throws Exception {
        start(Optional.empty());
        HttpResponse<String> up = get("/health", null);
        assertThat(up.statusCode()).isEqualTo(200);
        assertThat(up.body()).contains("\"status\":\"UP\"", "\"id\":\"receipt-1\"", "\"uptimeSeconds\":42");

        printer.status = DeviceStatusInfo.degraded(DeviceStatusDetail.PAPER_NEAR_END);
        assertThat(get("/health", null).body()).contains("\"status\":\"DEGRADED\"", "PAPER_NEAR_END");

        reader.status = DeviceStatusInfo.offline(DeviceStatusDetail.DISCONNECTED);
        HttpResponse<String> down = get("/health", null);
        assertThat(down.statusCode()).as("no way left to identify a citizen").isEqualTo(503);
        assertThat(down.body()).contains("\"status\":\"DOWN\"");
    }

    @Test
    void metricsShowDevicesPaperAndWhatTheyDid() throws Exception {
        start(Optional.empty());
        printer.status = DeviceStatusInfo.degraded(DeviceStatusDetail.PAPER_NEAR_END);
        bus.publish(new DeviceEvent.PrintCompleted("receipt-1", Instant.now(), "J-1"));
        bus.publish(new DeviceEvent.PrintCompleted("receipt-1", Instant.now(), "J-2"));
        metrics.sessionEnded("TIMEOUT");

        String text = get("/metrics", null).body();
        assertThat(text).contains("govkiosk_device_up{device=\"idcard-1\",family=\"id-card-reader\",terminal=\"t-1\"} 1")
                .contains("govkiosk_printer_paper{device=\"receipt-1\",family=\"receipt-printer\",terminal=\"t-1\"} 1")
                .contains("govkiosk_device_events_total{device=\"receipt-1\",event=\"print_completed\",terminal=\"t-1\"} 2")
                .contains("govkiosk_sessions_ended_total{reason=\"timeout\",terminal=\"t-1\"} 1")
                .contains("jvm_memory_used_bytes", "process_files_open_files");
    }

    @Test
    void aTokenIsRequiredWhenConfigured() throws Exception {
        start(Optional.of("s3cret-token"));
        assertThat(get("/metrics", null).statusCode()).isEqualTo(401);
        assertThat(get("/metrics", "wrong").statusCode()).isEqualTo(401);
        assertThat(get("/metrics", "s3cret-token").statusCode()).isEqualTo(200);
        HttpResponse<String> post = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                + "/health")).POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(405);
    }

    @Test
    void aNetworkAddressWithoutATokenIsRefused() {
        assertThatThrownBy(() -> new OpsHttpServer(new InetSocketAddress("0.0.0.0", 0), Optional.empty(),
                () -> null, () -> "")).hasMessageContaining("needs a token");
    }
}
