package org.govkiosk.device.internal.sim.smartcard;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The vsmartcard vpcd socket protocol: every message is a 2-byte big-endian length and that many bytes. From
 * vpcd, a 1-byte message is a control code ({@link #POWER_OFF}, {@link #POWER_ON}, {@link #RESET},
 * {@link #GET_ATR}); a longer one is a command APDU. The card answers GET_ATR with its ATR and an APDU with the
 * response APDU; power and reset get no answer. Pure: the decoder is a state machine fed chunks of any size.
 */
public final class VpcdCodec {

    public static final int POWER_OFF = 0x00;
    public static final int POWER_ON = 0x01;
    public static final int RESET = 0x02;
    public static final int GET_ATR = 0x04;
    public static final int MAX_PAYLOAD = 0xFFFF;

    /** What vpcd sent. */
    public sealed interface Message {
    }

    public record Control(int code) implements Message {
    }

    public record Apdu(byte[] command) implements Message {
        @Override
        public String toString() {
            return "Apdu[" + org.govkiosk.device.internal.codec.smartcard.Hex.of(command) + "]";
        }
    }

    private VpcdCodec() {
    }

    public static byte[] encode(byte[] payload) {
        if (payload.length > MAX_PAYLOAD) {
            throw new IllegalArgumentException("payload of " + payload.length + " bytes exceeds " + MAX_PAYLOAD);
        }
        byte[] out = new byte[payload.length + 2];
        out[0] = (byte) (payload.length >> 8);
        out[1] = (byte) payload.length;
        System.arraycopy(payload, 0, out, 2, payload.length);
        return out;
    }

    public static Message classify(byte[] payload) {
        return payload.length == 1 ? new Control(payload[0] & 0xFF) : new Apdu(payload);
    }

    /** Frames a byte stream by the length prefix, never by read size. */
    public static final class Decoder {
        private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

        public List<Message> feed(byte[] chunk, int length) {
            pending.write(chunk, 0, length);
            byte[] buf = pending.toByteArray();
            List<Message> out = new ArrayList<>();
            int i = 0;
            while (buf.length - i >= 2) {
                int n = ((buf[i] & 0xFF) << 8) | (buf[i + 1] & 0xFF);
                if (buf.length - i - 2 < n) {
                    break;
                }
                out.add(classify(Arrays.copyOfRange(buf, i + 2, i + 2 + n)));
                i += 2 + n;
            }
            pending.reset();
            pending.write(buf, i, buf.length - i);
            return out;
        }

        public List<Message> feed(byte[] chunk) {
            return feed(chunk, chunk.length);
        }

        /** Bytes of an unfinished message. */
        public int buffered() {
            return pending.size();
        }
    }
}
