package org.govkiosk.device.internal.codec.ratingpad;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One good frame: its sequence number (1..255; 0 only in a NAK of a damaged frame), command and payload. The
 * decoder does not know the direction; the payload records ({@link ShowRequest}, {@link KeyPress},
 * {@link PadCondition}, {@link NakReason}) give the typed views.
 */
public record PadFrame(int seq, PadCommand command, byte[] payload) implements Decoded {

    public PadFrame {
        Objects.requireNonNull(command, "command");
        if (seq < 0 || seq > 0xFF) {
            throw new IllegalArgumentException("SEQ must be 0..255, was " + seq);
        }
        payload = payload.clone();
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PadFrame f && f.seq == seq && f.command == command && Arrays.equals(f.payload, payload);
    }

    @Override
    public int hashCode() {
        return Objects.hash(seq, command, Arrays.hashCode(payload));
    }

    @Override
    public String toString() {
        // The payload may hold a clerk's name or a case number: the first bytes are enough to debug framing.
        return "PadFrame[seq=" + seq + ", " + command + ", " + payload.length + " bytes"
                + (payload.length == 0 ? "" : " " + HexFormat.of().formatHex(payload, 0, Math.min(4, payload.length)))
                + "]";
    }
}
