package org.govkiosk.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.govkiosk.app.testkit.StubDevice;
import org.govkiosk.device.DeviceEventBus;
import org.govkiosk.device.DeviceFamily;
import org.govkiosk.device.DeviceStatusChanged;
import org.govkiosk.device.DeviceStatusInfo;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The board shows each device as it is, whatever order its status changes were delivered in. */
class DeviceStatusBoardTest {

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void aChangeDeliveredLateDoesNotLeaveAWorkingReaderShownAsUnusable() {
        StubDevice reader = new StubDevice("idcard-1", DeviceFamily.ID_CARD_READER);
        DeviceEventBus bus = new DeviceEventBus();
        DeviceStatusBoard board = new DeviceStatusBoard(List.of(reader), bus);
        DeviceStatusInfo starting = DeviceStatusInfo.of(org.govkiosk.device.DeviceStatus.INITIALIZING,
                org.govkiosk.device.DeviceStatusDetail.NONE);
        // The driver went starting → online on two threads; the online change was delivered first, the older after.
        reader.status = DeviceStatusInfo.online();
        bus.publish(new DeviceStatusChanged("idcard-1", starting, DeviceStatusInfo.online(), Instant.now()));
        bus.publish(new DeviceStatusChanged("idcard-1", DeviceStatusInfo.uninitialized(), starting, Instant.now()));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(board.isUsable(DeviceFamily.ID_CARD_READER)).isTrue();
        assertThat(board.rows().get(0).status().status()).isEqualTo(DeviceStatusInfo.online().status());
    }
}
