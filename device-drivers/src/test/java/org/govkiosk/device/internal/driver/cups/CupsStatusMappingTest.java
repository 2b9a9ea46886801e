package org.govkiosk.device.internal.driver.cups;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.govkiosk.device.DeviceStatus;
import org.govkiosk.device.DeviceStatusDetail;
import org.govkiosk.device.DeviceStatusInfo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CupsStatusMappingTest {

    @ParameterizedTest(name = "{0} {1} {2} -> {3} {4}")
    @CsvSource(delimiter = ';', value = {
            "3; true; none; ONLINE; NONE",
            "4; true; cups-waiting-for-job-completed,connecting-to-device; ONLINE; NONE",
            "3; true; media-empty-error; OFFLINE; PAPER_OUT",
            "5; true; media-needed; OFFLINE; PAPER_OUT",
            "5; true; media-jam-error,media-empty-error; OFFLINE; PAPER_JAM",
            "5; true; paused; OFFLINE; PRINTER_OFFLINE",
            "3; true; offline-report; ONLINE; NONE",
            "3; true; offline-error; OFFLINE; PRINTER_OFFLINE",
            "5; true; none; OFFLINE; PRINTER_OFFLINE",
            "3; false; none; OFFLINE; PRINTER_OFFLINE",
            "3; true; door-open-error; OFFLINE; COVER_OPEN",
            "3; true; toner-low-warning; DEGRADED; PAPER_NEAR_END",
            "3; true; media-low-report,media-low-warning; DEGRADED; PAPER_NEAR_END",
            "3; true; media-empty-warning; DEGRADED; PAPER_NEAR_END",
            "5; true; toner-low-warning,paused; OFFLINE; PRINTER_OFFLINE",
            "3; true; some-vendor-thing-error; ONLINE; NONE"})
    void mapsStateAndReasons(int state, boolean accepting, String reasons, DeviceStatus status,
            DeviceStatusDetail detail) {
        DeviceStatusInfo info = CupsStatusMapping.toStatusInfo(
                new CupsPrinterState(state, accepting, List.of(reasons.split(","))));
        assertThat(info.status()).isEqualTo(status);
        assertThat(info.detail()).isEqualTo(detail);
    }
}
