package org.govkiosk.device.transport;

import java.time.Duration;

/**
 * How one byte travels on a serial line: a start bit, the data bits, an optional parity bit and the stop bits.
 * What it takes on the wire at a baud rate is what a host must wait for before an answer to a request written
 * after a long job can come back: the request crosses the line behind the job.
 */
public record SerialFrame(int dataBits, Parity parity, int stopBits) {

    public enum Parity { NONE, EVEN, ODD }

    /** What {@link SerialTransport} opens every port with: 8 data bits, no parity, 1 stop bit (10 bits a byte). */
    public static final SerialFrame EIGHT_N_ONE = new SerialFrame(8, Parity.NONE, 1);

    public SerialFrame {
        if (dataBits < 5 || dataBits > 8) {
            throw new IllegalArgumentException("data bits must be 5..8, was " + dataBits);
        }
        if (stopBits < 1 || stopBits > 2) {
            throw new IllegalArgumentException("stop bits must be 1 or 2, was " + stopBits);
        }
        java.util.Objects.requireNonNull(parity, "parity");
    }

    /** Bits on the wire per byte: start + data + parity + stop. */
    public int bitsPerByte() {
        return 1 + dataBits + (parity == Parity.NONE ? 0 : 1) + stopBits;
    }

    /** The time {@code bytes} take on a line of {@code baud} (rounded up to whole microseconds); zero for baud 0. */
    public Duration transmitTime(long bytes, int baud) {
        if (baud <= 0 || bytes <= 0) {
            return Duration.ZERO;
        }
        long bits = bytes * bitsPerByte();
        long micros = (bits * 1_000_000L + baud - 1) / baud;
        return Duration.ofNanos(micros * 1_000L);
    }
}
