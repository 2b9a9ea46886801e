package org.govkiosk.device.internal.codec.idcard;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * One good frame, as the bytes between the length field and the checksum: for a command CMD PARA [data], for a
 * response SW1 SW2 SW3 [payload]. The decoder does not know the direction; {@link SamRequest#of} and
 * {@link SamResponse#of} give the typed views.
 */
public record SamFrame(byte[] body) implements Decoded {

    public SamFrame {
        body = body.clone();
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    public int length() {
        return body.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SamFrame f && Arrays.equals(f.body, body);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(body);
    }

    @Override
    public String toString() {
        // Payloads carry personal data: show the header bytes only.
        return "SamFrame[" + HexFormat.of().formatHex(body, 0, Math.min(3, body.length)) + ", " + body.length
                + " bytes]";
    }
}
