package org.govkiosk.device.internal.codec.idcard;

import java.util.Arrays;
import java.util.Optional;

/** A command frame as the reader receives it: CMD PARA [data]. */
public record SamRequest(int code, int parameter, byte[] data) {

    public SamRequest {
        data = data.clone();
    }

    /** The request in a frame; empty when the frame is too short to be one. */
    public static Optional<SamRequest> of(SamFrame frame) {
        byte[] b = frame.body();
        if (b.length < 2) {
            return Optional.empty();
        }
        return Optional.of(new SamRequest(b[0] & 0xFF, b[1] & 0xFF, Arrays.copyOfRange(b, 2, b.length)));
    }

    public Optional<SamCommand> command() {
        return SamCommand.of(code, parameter);
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SamRequest r && r.code == code && r.parameter == parameter && Arrays.equals(r.data, data);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * code + parameter) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return String.format("SamRequest[%02X %02X, %d data bytes]", code, parameter, data.length);
    }
}
