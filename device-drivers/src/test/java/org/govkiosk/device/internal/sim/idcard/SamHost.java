package org.govkiosk.device.internal.sim.idcard;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.govkiosk.device.DeviceException;
import org.govkiosk.device.internal.codec.idcard.Decoded;
import org.govkiosk.device.internal.codec.idcard.IdCardFrameDecoder;
import org.govkiosk.device.internal.codec.idcard.IdCardFrameEncoder;
import org.govkiosk.device.internal.codec.idcard.SamCommand;
import org.govkiosk.device.transport.PipeTransport;
import org.govkiosk.device.transport.TransportListener;

/** The host end of a pipe to a simulator: sends raw frames, collects what the reader answers, decoded. */
final class SamHost implements AutoCloseable {

    private final PipeTransport host;
    private final IdCardFrameDecoder decoder = new IdCardFrameDecoder();
    private final BlockingQueue<Decoded> answers = new LinkedBlockingQueue<>();

    SamHost(SimulatedIdCardReader reader) throws DeviceException {
        PipeTransport[] pipe = PipeTransport.pair("sam-host-test");
        host = pipe[0];
        reader.attach(pipe[1]);
        host.open(new TransportListener() {
            @Override
            public void onData(byte[] data) {
                answers.addAll(decoder.feed(data));
            }

            @Override
            public void onDisconnected(DeviceException cause) {
            }
        });
    }

    Decoded ask(SamCommand command) throws Exception {
        return send(IdCardFrameEncoder.command(command));
    }

    Decoded send(byte[] frame) throws Exception {
        host.write(frame);
        Decoded d = answers.poll(5, TimeUnit.SECONDS);
        if (d == null) {
            throw new AssertionError("no answer from the simulator within 5 s");
        }
        return d;
    }

    void sendWithoutWaiting(byte[] frame) throws DeviceException {
        host.write(frame);
    }

    /** The next answer within {@code millis}, or null; only for checking that nothing is answered. */
    Decoded next(long millis) throws InterruptedException {
        return answers.poll(millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        host.close();
    }
}
