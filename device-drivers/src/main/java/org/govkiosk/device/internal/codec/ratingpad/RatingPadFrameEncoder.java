package org.govkiosk.device.internal.codec.ratingpad;

/**
 * Builds rating pad frames: {@code STX | LEN(2, big-endian) | SEQ | CMD | PAYLOAD | CRC(2, big-endian) | ETX}.
 * LEN counts SEQ, CMD and the payload; the CRC-16/CCITT-FALSE runs over LEN, SEQ, CMD and the payload. Commands
 * for the driver, events and answers for the simulator and the tests.
 */
public final class RatingPadFrameEncoder {

    public static final int STX = 0x02;
    public static final int ETX = 0x03;
    /** STX and the two LEN bytes. */
    public static final int HEADER_LENGTH = 3;
    /** The two CRC bytes and ETX. */
    public static final int TRAILER_LENGTH = 3;
    /** The largest payload a frame may carry; a SHOW_REQUEST needs at most 836 bytes. */
    public static final int MAX_PAYLOAD = 1024;

    private RatingPadFrameEncoder() {
    }

    public static byte[] frame(int seq, PadCommand command, byte[] payload) {
        return frame(seq, command.code(), payload);
    }

    /** Any CMD byte, also ones the protocol does not have (for tests of the decoder and the pad). */
    public static byte[] frame(int seq, int commandCode, byte[] payload) {
        if (seq < 0 || seq > 0xFF) {
            throw new IllegalArgumentException("SEQ must be 0..255, was " + seq);
        }
        if (payload.length > MAX_PAYLOAD) {
            throw new IllegalArgumentException("payload of " + payload.length + " bytes exceeds " + MAX_PAYLOAD);
        }
        int length = payload.length + 2;
        byte[] out = new byte[HEADER_LENGTH + length + TRAILER_LENGTH];
        out[0] = STX;
        out[1] = (byte) (length >> 8);
        out[2] = (byte) length;
        out[3] = (byte) seq;
        out[4] = (byte) commandCode;
        System.arraycopy(payload, 0, out, 5, payload.length);
        int crcAt = HEADER_LENGTH + length;
        int crc = Crc16Ccitt.of(out, 1, crcAt);
        out[crcAt] = (byte) (crc >> 8);
        out[crcAt + 1] = (byte) crc;
        out[crcAt + 2] = ETX;
        return out;
    }

    public static byte[] frame(PadFrame frame) {
        return frame(frame.seq(), frame.command(), frame.payload());
    }

    public static byte[] show(int seq, ShowRequest request) {
        return frame(seq, PadCommand.SHOW_REQUEST, request.encode());
    }

    public static byte[] clear(int seq) {
        return frame(seq, PadCommand.CLEAR, new byte[0]);
    }

    public static byte[] statusQuery(int seq) {
        return frame(seq, PadCommand.STATUS_QUERY, new byte[0]);
    }

    public static byte[] ack(int seq) {
        return frame(seq, PadCommand.ACK, new byte[0]);
    }

    public static byte[] nak(int seq, NakReason reason) {
        return frame(seq, PadCommand.NAK, reason.encode());
    }

    public static byte[] keyPressed(int seq, KeyPress press) {
        return frame(seq, PadCommand.KEY_PRESSED, press.encode());
    }

    public static byte[] status(int seq, PadCondition condition) {
        return frame(seq, PadCommand.STATUS, condition.encode());
    }

    public static byte[] heartbeat(int seq) {
        return frame(seq, PadCommand.HEARTBEAT, new byte[0]);
    }

    /** The next SEQ after {@code seq}: 1..255, skipping 0, which marks a NAK of a damaged frame. */
    public static int nextSeq(int seq) {
        return seq >= 0xFF ? 1 : seq + 1;
    }
}
