package org.govkiosk.app.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.govkiosk.app.journey.JourneyRig;
import org.govkiosk.device.DeviceEvent;
import org.govkiosk.device.DeviceEventBus;
import org.govkiosk.device.DeviceStatusChanged;
import org.govkiosk.device.DeviceStatusDetail;
import org.govkiosk.device.DeviceStatusInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeviceCountersTest {

    private static final Instant T = Instant.parse("2026-11-22T03:00:00Z");

    @TempDir
    Path dir;

    private final DeviceEventBus bus = new DeviceEventBus();

    private void status(String id, DeviceStatusInfo from, DeviceStatusInfo to, Instant at) {
        bus.publish(new DeviceStatusChanged(id, from, to, at));
    }

    @Test
    void countsWhatTheDevicesDidFromTheirEvents() {
        try (DeviceCounters counters = DeviceCounters.open(dir.resolve("c.json"), bus)) {
            bus.publish(new DeviceEvent.IdCardRead("idcard-1", T, JourneyRig.card()));
            bus.publish(new DeviceEvent.IdCardRead("idcard-1", T, JourneyRig.card()));
            bus.publish(new DeviceEvent.QrScanned("qr-1", T, "x", DeviceEvent.ScanSource.SERIAL));
            bus.publish(new DeviceEvent.PrintCompleted("receipt-1", T, "j1"));
            bus.publish(new DeviceEvent.PrintFailed("receipt-1", T.plusSeconds(5), "j2", DeviceStatusDetail.PAPER_JAM,
                    true));

            assertThat(counters.counts("idcard-1").cardsRead()).isEqualTo(2);
            assertThat(counters.counts("qr-1").codesScanned()).isEqualTo(1);
            DeviceCounts printer = counters.counts("receipt-1");
            assertThat(printer.printed()).isEqualTo(1);
            assertThat(printer.errors()).isEqualTo(1);
            assertThat(printer.lastError()).contains(
                    new DeviceCounts.LastError(DeviceStatusDetail.PAPER_JAM, T.plusSeconds(5)));
            assertThat(counters.counts("never-used")).isEqualTo(DeviceCounts.ZERO);
        }
    }

    @Test
    void aPaperChangeIsPaperOutOrNearEndFollowedByOnline() {
        try (DeviceCounters counters = DeviceCounters.open(dir.resolve("c.json"), bus)) {
            DeviceStatusInfo nearEnd = DeviceStatusInfo.degraded(DeviceStatusDetail.PAPER_NEAR_END);
            DeviceStatusInfo out = DeviceStatusInfo.offline(DeviceStatusDetail.PAPER_OUT);
            status("r", DeviceStatusInfo.online(), nearEnd, T);
            status("r", nearEnd, out, T.plusSeconds(60));
            status("r", out, DeviceStatusInfo.online(), T.plusSeconds(120));
            // Cover open then closed is no paper change.
            DeviceStatusInfo cover = DeviceStatusInfo.offline(DeviceStatusDetail.COVER_OPEN);
            status("r", DeviceStatusInfo.online(), cover, T.plusSeconds(180));
            status("r", cover, DeviceStatusInfo.online(), T.plusSeconds(240));
            status("r", DeviceStatusInfo.online(), nearEnd, T.plusSeconds(300));
            status("r", nearEnd, DeviceStatusInfo.online(), T.plusSeconds(360));

            DeviceCounts c = counters.counts("r");
            assertThat(c.paperChanges()).isEqualTo(2);
            assertThat(c.errors()).as("paper out and cover open took it offline").isEqualTo(2);
            assertThat(c.lastError()).contains(
                    new DeviceCounts.LastError(DeviceStatusDetail.PAPER_NEAR_END, T.plusSeconds(300)));
        }
    }

    @Test
    void countsSurviveARestartAndTheFileIsReplacedWhole() throws Exception {
        Path file = dir.resolve("state").resolve("device-counters.json");
        try (DeviceCounters counters = DeviceCounters.open(file, bus)) {
            bus.publish(new DeviceEvent.PrintCompleted("receipt-1", T, "j1"));
            counters.flush();
            assertThat(file).exists();
            assertThat(dir.resolve("state").resolve("device-counters.json.tmp")).doesNotExist();
            bus.publish(new DeviceEvent.PrintCompleted("receipt-1", T, "j2"));
            bus.publish(new DeviceEvent.PrintFailed("receipt-1", T, "j3", DeviceStatusDetail.CUTTER_ERROR, false));
        }
        DeviceEventBus afterRestart = new DeviceEventBus();
        try (DeviceCounters counters = DeviceCounters.open(file, afterRestart)) {
            DeviceCounts c = counters.counts("receipt-1");
            assertThat(c.printed()).isEqualTo(2);
            assertThat(c.errors()).isEqualTo(1);
            assertThat(c.lastError()).contains(new DeviceCounts.LastError(DeviceStatusDetail.CUTTER_ERROR, T));
            afterRestart.publish(new DeviceEvent.PrintCompleted("receipt-1", T, "j4"));
            assertThat(counters.counts("receipt-1").printed()).isEqualTo(3);
        }
        // The old bus no longer reaches closed counters.
        bus.publish(new DeviceEvent.PrintCompleted("receipt-1", T, "j5"));
        try (DeviceCounters counters = DeviceCounters.open(file, new DeviceEventBus())) {
            assertThat(counters.counts("receipt-1").printed()).isEqualTo(3);
        }
    }

    @Test
    void aDamagedFileIsKeptAsideAndCountingStartsAgain() throws Exception {
        Path file = dir.resolve("device-counters.json");
        Files.writeString(file, "{\"devices\": {\"r\": {\"printed\": ");
        try (DeviceCounters counters = DeviceCounters.open(file, bus)) {
            assertThat(counters.all()).isEmpty();
            bus.publish(new DeviceEvent.PrintCompleted("r", T, "j"));
            assertThat(counters.all()).containsOnlyKeys("r");
        }
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList())
                    .anyMatch(n -> n.startsWith("device-counters.json.damaged-"));
        }
        assertThat(Files.readString(file)).contains("\"printed\" : 1");
    }

    @Test
    void listenersHearWhichDeviceChanged() {
        try (DeviceCounters counters = DeviceCounters.open(dir.resolve("c.json"), bus)) {
            java.util.List<String> heard = new java.util.ArrayList<>();
            counters.addListener(heard::add);
            bus.publish(new DeviceEvent.QrScanned("qr-1", T, "x", DeviceEvent.ScanSource.CAMERA));
            bus.publish(new DeviceEvent.SmartCardInserted("sc-1", T, "reader", "3B"));
            assertThat(heard).containsExactly("qr-1");
            assertThat(counters.all()).isEqualTo(Map.of("qr-1", DeviceCounts.ZERO.codeScanned()));
        }
    }
}
