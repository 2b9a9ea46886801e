package org.govkiosk.device.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.govkiosk.device.DeviceException;
import org.govkiosk.device.DeviceStatusDetail;
import org.govkiosk.device.testkit.RecordingListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PipeTransportTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    private final PipeTransport[] pipe = PipeTransport.pair("test");
    private final PipeTransport host = pipe[0];
    private final PipeTransport device = pipe[1];
    private final RecordingListener atHost = new RecordingListener();
    private final RecordingListener atDevice = new RecordingListener();

    @AfterEach
    void closeBoth() {
        host.close();
        device.close();
    }

    @Test
    void bytesWrittenAtOneEndArriveAtTheOther() throws Exception {
        host.open(atHost);
        device.open(atDevice);

        host.write(ascii("PING"));
        device.write(ascii("PONG!"));

        assertThat(atDevice.awaitBytes(4, WAIT)).isEqualTo(ascii("PING"));
        assertThat(atHost.awaitBytes(5, WAIT)).isEqualTo(ascii("PONG!"));
    }

    @Test
    void manyChunksArriveInTheOrderTheyWereWritten() throws Exception {
        host.open(atHost);
        device.open(atDevice);
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < 1000; i++) {
            String chunk = i + ",";
            expected.append(chunk);
            host.write(ascii(chunk));
        }

        byte[] got = atDevice.awaitBytes(expected.length(), WAIT);

        assertThat(new String(got, StandardCharsets.US_ASCII)).isEqualTo(expected.toString());
    }

    @Test
    void aWrittenArrayChangedAfterwardsDoesNotChangeWhatArrives() throws Exception {
        host.open(atHost);
        device.open(atDevice);
        byte[] data = ascii("abc");

        host.write(data);
        data[0] = 'X';

        assertThat(atDevice.awaitBytes(3, WAIT)).isEqualTo(ascii("abc"));
    }

    @Test
    void unplugTellsBothEndsOnceAndClosesThem() throws Exception {
        host.open(atHost);
        device.open(atDevice);

        device.unplug();
        device.unplug();

        assertThat(atHost.awaitDisconnect(WAIT).code()).isEqualTo(DeviceException.Code.DISCONNECTED);
        assertThat(atDevice.awaitDisconnect(WAIT).detail()).isEqualTo(DeviceStatusDetail.DISCONNECTED);
        // unplug() tells on the calling thread, so by now every notification has happened.
        assertThat(atHost.disconnects()).hasSize(1);
        assertThat(atDevice.disconnects()).hasSize(1);
        assertThat(host.isOpen()).isFalse();
        assertThat(device.isOpen()).isFalse();
    }

    @Test
    void anUnpluggedEndCannotOpenUntilReplugged() throws Exception {
        host.open(atHost);
        device.open(atDevice);
        host.unplug();

        DeviceException e = catchThrowableOfType(DeviceException.class, () -> host.open(new RecordingListener()));
        assertThat(e.code()).isEqualTo(DeviceException.Code.PORT_NOT_FOUND);

        host.replug();
        RecordingListener hostAgain = new RecordingListener();
        RecordingListener deviceAgain = new RecordingListener();
        host.open(hostAgain);
        device.open(deviceAgain);
        host.write(ascii("again"));

        assertThat(deviceAgain.awaitBytes(5, WAIT)).isEqualTo(ascii("again"));
        assertThat(atDevice.bytes()).isEmpty();
    }

    @Test
    void writingToAClosedEndFailsWithNotConnected() throws Exception {
        DeviceException neverOpened = catchThrowableOfType(DeviceException.class, () -> host.write(ascii("x")));
        host.open(atHost);
        host.close();
        DeviceException closed = catchThrowableOfType(DeviceException.class, () -> host.write(ascii("x")));

        assertThat(neverOpened.code()).isEqualTo(DeviceException.Code.NOT_CONNECTED);
        assertThat(closed.code()).isEqualTo(DeviceException.Code.NOT_CONNECTED);
        assertThat(atHost.disconnects()).as("a local close is not a disconnect").isEmpty();
    }

    @Test
    void openingAnOpenEndAgainIsRefused() throws Exception {
        host.open(atHost);

        DeviceException e = catchThrowableOfType(DeviceException.class, () -> host.open(new RecordingListener()));

        assertThat(e.code()).isEqualTo(DeviceException.Code.PORT_IN_USE);
    }

    @Test
    void bytesSentToAClosedPeerAreLostLikeOnAWire() throws Exception {
        host.open(atHost);
        host.write(ascii("lost"));
        device.open(atDevice);
        host.write(ascii("kept"));

        assertThat(atDevice.awaitBytes(4, WAIT)).isEqualTo(ascii("kept"));
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
