package org.govkiosk.device.internal.codec.idcard;

import java.util.Arrays;
import java.util.Optional;

/** An answer frame as the host receives it: SW1 SW2 SW3 [payload]; SW3 is the result. */
public record SamResponse(int sw1, int sw2, int sw3, byte[] payload) {

    public SamResponse {
        payload = payload.clone();
    }

    /** The response in a frame; empty when the frame is too short to be one. */
    public static Optional<SamResponse> of(SamFrame frame) {
        byte[] b = frame.body();
        if (b.length < 3) {
            return Optional.empty();
        }
        return Optional.of(new SamResponse(b[0] & 0xFF, b[1] & 0xFF, b[2] & 0xFF, Arrays.copyOfRange(b, 3, b.length)));
    }

    /** The typed result; empty for an SW3 this protocol does not define. */
    public Optional<SamResult> result() {
        return SamResult.of(sw3);
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    public int payloadLength() {
        return payload.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SamResponse r && r.sw1 == sw1 && r.sw2 == sw2 && r.sw3 == sw3
                && Arrays.equals(r.payload, payload);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * (31 * sw1 + sw2) + sw3) + Arrays.hashCode(payload);
    }

    @Override
    public String toString() {
        // The payload holds personal data: its length only.
        return String.format("SamResponse[%02X %02X %02X, %d payload bytes]", sw1, sw2, sw3, payload.length);
    }
}
