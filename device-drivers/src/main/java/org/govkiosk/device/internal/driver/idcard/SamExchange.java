package org.govkiosk.device.internal.driver.idcard;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.govkiosk.device.DeviceException;
import org.govkiosk.device.DeviceStatusDetail;
import org.govkiosk.device.internal.codec.idcard.Decoded;
import org.govkiosk.device.internal.codec.idcard.FrameError;
import org.govkiosk.device.internal.codec.idcard.IdCardFrameDecoder;
import org.govkiosk.device.internal.codec.idcard.IdCardFrameEncoder;
import org.govkiosk.device.internal.codec.idcard.SamCommand;
import org.govkiosk.device.internal.codec.idcard.SamFrame;
import org.govkiosk.device.internal.codec.idcard.SamResponse;
import org.govkiosk.device.internal.codec.idcard.SamResult;
import org.govkiosk.device.transport.Transport;

/**
 * One command, one answer, over a transport: the decoder fed from the reader thread, a small inbox, a response
 * timeout, and one retry when an answer is missing or damaged. Counts what went wrong for the maintenance screen.
 */
final class SamExchange {

    static final int ATTEMPTS = 2;
    private static final int INBOX = 16;

    private final Transport transport;
    private final Duration timeout;
    private final IdCardFrameDecoder decoder = new IdCardFrameDecoder();
    private final BlockingQueue<Decoded> inbox = new LinkedBlockingQueue<>(INBOX);
    final AtomicLong frameErrors = new AtomicLong();
    final AtomicLong garbageBytes = new AtomicLong();
    final AtomicLong timeouts = new AtomicLong();
    final AtomicLong strayAnswers = new AtomicLong();

    SamExchange(Transport transport, Duration timeout) {
        this.transport = transport;
        this.timeout = timeout;
    }

    /** Bytes from the reader thread. */
    void onBytes(byte[] data) {
        List<Decoded> out;
        synchronized (decoder) {
            out = decoder.feed(data);
        }
        for (Decoded d : out) {
            if (d instanceof FrameError e) {
                if (e.kind() == FrameError.Kind.GARBAGE) {
                    garbageBytes.addAndGet(e.bytes());
                    continue;
                }
                frameErrors.incrementAndGet();
            }
            while (!inbox.offer(d)) {
                inbox.poll(); // nobody is waiting for the oldest: drop it
            }
        }
    }

    /** Forgets a half-received frame and unread answers (link lost, answer timed out). */
    void reset() {
        resetCounting();
    }

    /** As {@link #reset()}; returns how many bytes of a half-received frame it dropped. */
    private int resetCounting() {
        int dropped;
        synchronized (decoder) {
            dropped = decoder.reset().map(e -> {
                frameErrors.incrementAndGet();
                return e.bytes();
            }).orElse(0);
        }
        inbox.clear();
        return dropped;
    }

    /**
     * Sends {@code command} and returns its answer, whose result is a known {@link SamResult} other than a link
     * error. Throws after {@link #ATTEMPTS} missing, damaged or unintelligible answers.
     */
    SamResponse exchange(SamCommand command) throws DeviceException {
        DeviceException failure = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            inbox.clear();
            transport.write(IdCardFrameEncoder.command(command));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (true) {
                Decoded d = next(deadline);
                if (d == null) {
                    timeouts.incrementAndGet();
                    int came = resetCounting();
                    // Part of an answer is not no answer: a technician looks at the cable, not at the reader's power.
                    failure = came > 0
                            ? new DeviceException(DeviceException.Code.PROTOCOL_ERROR,
                                    DeviceStatusDetail.COMMUNICATION_ERROR, "truncated answer to " + command + ": "
                                    + came + " bytes came, then nothing within " + timeout.toMillis() + " ms")
                            : new DeviceException(DeviceException.Code.TIMEOUT, DeviceStatusDetail.NO_DATA_TIMEOUT,
                                    "no answer to " + command + " within " + timeout.toMillis() + " ms");
                    break;
                }
                if (d instanceof FrameError e) {
                    failure = new DeviceException(DeviceException.Code.PROTOCOL_ERROR,
                            DeviceStatusDetail.COMMUNICATION_ERROR, "damaged answer to " + command + ": " + e.kind());
                    break;
                }
                Optional<SamResponse> response = SamResponse.of((SamFrame) d);
                if (response.isEmpty() || !command.accepts(response.get())) {
                    strayAnswers.incrementAndGet(); // e.g. the late answer to a command that timed out
                    continue;
                }
                Optional<SamResult> result = response.get().result();
                if (result.isEmpty()) {
                    failure = new DeviceException(DeviceException.Code.PROTOCOL_ERROR,
                            DeviceStatusDetail.PROTOCOL_ERROR, String.format("unknown result 0x%02X to %s",
                            response.get().sw3(), command));
                    break;
                }
                if (result.get().category() == SamResult.Category.LINK) {
                    failure = new DeviceException(DeviceException.Code.PROTOCOL_ERROR,
                            DeviceStatusDetail.COMMUNICATION_ERROR, "the reader received a damaged " + command
                            + ": " + result.get());
                    break;
                }
                return response.get();
            }
        }
        throw failure;
    }

    private Decoded next(long deadline) throws DeviceException {
        try {
            long left = deadline - System.nanoTime();
            return left > 0 ? inbox.poll(left, TimeUnit.NANOSECONDS) : null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeviceException(DeviceException.Code.IO_ERROR, DeviceStatusDetail.COMMUNICATION_ERROR,
                    "interrupted while waiting for the reader", e);
        }
    }
}
