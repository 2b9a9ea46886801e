package org.govkiosk.device.internal.codec.smartcard;

import java.util.Arrays;
import java.util.Optional;

/**
 * Simple-TLV as on Chinese social security cards: one tag byte, one length byte (or 0xFF then two bytes),
 * then the value. Padding bytes 0x00 and 0xFF between records are skipped. A truncated record ends the search.
 */
public final class Tlv {

    private Tlv() {
    }

    public static Optional<byte[]> find(byte[] data, int tag) {
        int i = 0;
        while (i < data.length) {
            int t = data[i] & 0xFF;
            if (t == 0x00 || t == 0xFF) {
                i++;
                continue;
            }
            if (i + 1 >= data.length) {
                return Optional.empty();
            }
            int length = data[i + 1] & 0xFF;
            int start = i + 2;
            if (length == 0xFF) {
                if (i + 3 >= data.length) {
                    return Optional.empty();
                }
                length = ((data[i + 2] & 0xFF) << 8) | (data[i + 3] & 0xFF);
                start = i + 4;
            }
            if (start + length > data.length) {
                return Optional.empty();
            }
            if (t == tag) {
                return Optional.of(Arrays.copyOfRange(data, start, start + length));
            }
            i = start + length;
        }
        return Optional.empty();
    }

    /** One record, for building card files. */
    public static byte[] encode(int tag, byte[] value) {
        byte[] head = value.length < 0xFF ? new byte[] {(byte) tag, (byte) value.length}
                : new byte[] {(byte) tag, (byte) 0xFF, (byte) (value.length >> 8), (byte) value.length};
        byte[] out = Arrays.copyOf(head, head.length + value.length);
        System.arraycopy(value, 0, out, head.length, value.length);
        return out;
    }
}
