package org.govkiosk.device.internal.codec.idcard;

/**
 * Builds frames of the SAM serial protocol: preamble {@code AA AA AA 96 69}, a 2-byte big-endian length that
 * counts everything after the length field (body and checksum), the body, and an XOR checksum over the length
 * bytes and the body. Commands for the driver, responses for the simulator and the tests.
 */
public final class IdCardFrameEncoder {

    static final byte[] PREAMBLE = {(byte) 0xAA, (byte) 0xAA, (byte) 0xAA, (byte) 0x96, 0x69};
    /** Preamble plus the length field. */
    public static final int HEADER_LENGTH = PREAMBLE.length + 2;
    /** The largest body the 16-bit length field can describe (it also counts the checksum). */
    public static final int MAX_BODY = 0xFFFF - 1;

    private IdCardFrameEncoder() {
    }

    public static byte[] preamble() {
        return PREAMBLE.clone();
    }

    public static byte[] command(SamCommand command) {
        return command(command, new byte[0]);
    }

    public static byte[] command(SamCommand command, byte[] data) {
        byte[] body = new byte[2 + data.length];
        body[0] = (byte) command.code();
        body[1] = (byte) command.parameter();
        System.arraycopy(data, 0, body, 2, data.length);
        return frame(body);
    }

    public static byte[] response(SamResult result) {
        return response(result, new byte[0]);
    }

    /** A response as readers send it: SW1 SW2 = 00 00, SW3 the result. */
    public static byte[] response(SamResult result, byte[] payload) {
        return response(0, 0, result.code(), payload);
    }

    public static byte[] response(int sw1, int sw2, int sw3, byte[] payload) {
        byte[] body = new byte[3 + payload.length];
        body[0] = (byte) sw1;
        body[1] = (byte) sw2;
        body[2] = (byte) sw3;
        System.arraycopy(payload, 0, body, 3, payload.length);
        return frame(body);
    }

    /** Wraps a body (CMD PARA data, or SW1 SW2 SW3 payload) in preamble, length and checksum. */
    public static byte[] frame(byte[] body) {
        if (body.length > MAX_BODY) {
            throw new IllegalArgumentException("frame body of " + body.length + " bytes exceeds " + MAX_BODY);
        }
        int length = body.length + 1;
        byte[] out = new byte[HEADER_LENGTH + length];
        System.arraycopy(PREAMBLE, 0, out, 0, PREAMBLE.length);
        out[5] = (byte) (length >> 8);
        out[6] = (byte) length;
        System.arraycopy(body, 0, out, HEADER_LENGTH, body.length);
        out[out.length - 1] = (byte) xor(out, 5, out.length - 1);
        return out;
    }

    /** XOR of {@code bytes[from..to)}: the checksum runs from the first length byte to the last body byte. */
    static int xor(byte[] bytes, int from, int to) {
        int x = 0;
        for (int i = from; i < to; i++) {
            x ^= bytes[i];
        }
        return x & 0xFF;
    }
}
