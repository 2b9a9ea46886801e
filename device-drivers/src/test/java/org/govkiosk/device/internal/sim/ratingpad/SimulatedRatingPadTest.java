package org.govkiosk.device.internal.sim.ratingpad;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.govkiosk.device.internal.codec.ratingpad.Decoded;
import org.govkiosk.device.internal.codec.ratingpad.KeyPress;
import org.govkiosk.device.internal.codec.ratingpad.NakReason;
import org.govkiosk.device.internal.codec.ratingpad.PadCommand;
import org.govkiosk.device.internal.codec.ratingpad.PadCondition;
import org.govkiosk.device.internal.codec.ratingpad.PadFrame;
import org.govkiosk.device.internal.codec.ratingpad.RatingPadFrameDecoder;
import org.govkiosk.device.internal.codec.ratingpad.RatingPadFrameEncoder;
import org.govkiosk.device.internal.codec.ratingpad.ShowRequest;
import org.govkiosk.device.internal.codec.ratingpad.TextCharset;
import org.govkiosk.testkit.Await;
import org.govkiosk.device.testkit.RecordingListener;
import org.govkiosk.device.transport.PipeTransport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The simulated pad seen from the host's side of the wire: raw frames in, raw frames out. */
class SimulatedRatingPadTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final PipeTransport[] pipe = PipeTransport.pair("sim-pad");
    private final RecordingListener host = new RecordingListener();
    private final SimulatedRatingPad pad = new SimulatedRatingPad(Duration.ZERO);

    SimulatedRatingPadTest() throws Exception {
        pad.attach(pipe[1]);
        pipe[0].open(host);
    }

    @AfterEach
    void close() {
        pipe[0].close();
        pad.close();
    }

    private List<PadFrame> framesAtHost(int count) {
        List<PadFrame> frames = new ArrayList<>();
        Await.until(count + " frames at the host", WAIT, () -> {
            frames.clear();
            for (Decoded d : new RatingPadFrameDecoder().feed(host.bytes())) {
                if (d instanceof PadFrame f) {
                    frames.add(f);
                }
            }
            return frames.size() >= count;
        }, () -> frames);
        return frames;
    }

    @Test
    void answersTheStatusQueryWithItsSeqAndAcksAShow() throws Exception {
        ShowRequest show = new ShowRequest("A-1", "社保卡补办", "王芳", "3号窗口", 30, TextCharset.GB18030);
        pipe[0].write(RatingPadFrameEncoder.statusQuery(17));
        pipe[0].write(RatingPadFrameEncoder.show(18, show));

        List<PadFrame> frames = framesAtHost(2);

        assertThat(frames.get(0)).isEqualTo(new PadFrame(17, PadCommand.STATUS, PadCondition.OK.encode()));
        assertThat(frames.get(1)).isEqualTo(new PadFrame(18, PadCommand.ACK, new byte[0]));
        assertThat(pad.screen()).contains(show);
        assertThat(pad.command("screen")).isEqualTo("showing A-1 item=社保卡补办 clerk=王芳 window=3号窗口 timeout=30s");
    }

    @Test
    void naksWhatItCannotUse() throws Exception {
        pipe[0].write(RatingPadFrameEncoder.frame(5, PadCommand.SHOW_REQUEST, new byte[] {9}));
        pipe[0].write(RatingPadFrameEncoder.frame(6, 0x7E, new byte[0]));
        byte[] damaged = RatingPadFrameEncoder.clear(7);
        damaged[damaged.length - 2] ^= 0x40;
        pipe[0].write(damaged);

        List<PadFrame> frames = framesAtHost(3);

        assertThat(frames).containsExactly(
                new PadFrame(5, PadCommand.NAK, NakReason.BAD_PAYLOAD.encode()),
                new PadFrame(6, PadCommand.NAK, NakReason.UNKNOWN_COMMAND.encode()),
                new PadFrame(0, PadCommand.NAK, NakReason.CHECKSUM.encode()));
    }

    @Test
    void aKeyPressIsResentOnADamagedFrameNakUntilAcked() throws Exception {
        assertThat(pad.command("press 4")).isEqualTo("ok pressed 4 for -");
        PadFrame key = framesAtHost(1).get(0);
        assertThat(KeyPress.parse(key.payload()).toOptional()).contains(new KeyPress("-", 4));

        pipe[0].write(RatingPadFrameEncoder.nak(0, NakReason.CHECKSUM));
        assertThat(framesAtHost(2).get(1)).isEqualTo(key);
        pipe[0].write(RatingPadFrameEncoder.ack(key.seq()));
        Await.until("the ACK taken", WAIT, () -> pad.keyAcks() == 1);
        pipe[0].write(RatingPadFrameEncoder.nak(0, NakReason.CHECKSUM));
        pipe[0].write(RatingPadFrameEncoder.statusQuery(9));

        assertThat(framesAtHost(3).get(2).command()).as("nothing left to resend").isEqualTo(PadCommand.STATUS);
    }

    @Test
    void aSecondPressBeforeTheFirstAckLeavesEachPressSettledByItsOwnAck() throws Exception {
        pad.press(5);
        pad.press(5); // pressed again before the host's ACK of the first arrived
        List<PadFrame> keys = framesAtHost(2);
        assertThat(keys.get(0).seq()).isNotEqualTo(keys.get(1).seq());

        pipe[0].write(RatingPadFrameEncoder.nak(0, NakReason.CHECKSUM));
        assertThat(framesAtHost(4).subList(2, 4)).as("both unacknowledged presses resent, oldest first")
                .containsExactly(keys.get(0), keys.get(1));
        pipe[0].write(RatingPadFrameEncoder.ack(keys.get(0).seq()));
        pipe[0].write(RatingPadFrameEncoder.ack(keys.get(1).seq()));
        Await.until("both ACKs taken", WAIT, () -> pad.keyAcks() == 2, pad::keyAcks);
        pipe[0].write(RatingPadFrameEncoder.ack(keys.get(1).seq()));
        pipe[0].write(RatingPadFrameEncoder.statusQuery(9));
        assertThat(framesAtHost(5).get(4).command()).isEqualTo(PadCommand.STATUS);
        assertThat(pad.keyAcks()).as("an ACK repeated settles nothing more").isEqualTo(2);
    }

    @Test
    void consoleCommandsAndFaults() {
        assertThat(pad.command("press 6")).isEqualTo("error 'press' needs a level from 1 to 5");
        assertThat(pad.command("screen")).isEqualTo("idle");
        assertThat(pad.command("fault key-stuck")).startsWith("ok");
        assertThat(pad.condition()).isEqualTo(new PadCondition(true, 5, false));
        assertThat(framesAtHost(1).get(0)).as("a changed condition is reported at once")
                .isEqualTo(new PadFrame(1, PadCommand.STATUS, new PadCondition(true, 5, false).encode()));
        assertThat(pad.command("faults")).contains("bounce", "display-fault", "key-stuck", "no-ack", "unplug");
    }

    @Test
    void sendsHeartbeatsWhenAsked() throws Exception {
        PipeTransport[] other = PipeTransport.pair("beat");
        RecordingListener listener = new RecordingListener();
        try (SimulatedRatingPad beating = new SimulatedRatingPad(Duration.ofMillis(20))) {
            beating.attach(other[1]);
            other[0].open(listener);

            byte[] two = listener.awaitBytes(16, WAIT);

            assertThat(new RatingPadFrameDecoder().feed(two)).hasSizeGreaterThanOrEqualTo(2)
                    .allSatisfy(d -> assertThat(((PadFrame) d).command()).isEqualTo(PadCommand.HEARTBEAT));
        } finally {
            other[0].close();
        }
    }
}
