package org.govkiosk.device.internal.codec.ratingpad;

/**
 * CRC-16/CCITT-FALSE (polynomial 0x1021, initial value 0xFFFF, no reflection, no final XOR): the check most
 * serial pad and display vendors put in their frames. Check value: {@code "123456789"} gives {@code 0x29B1}.
 */
public final class Crc16Ccitt {

    private static final int[] TABLE = new int[256];

    static {
        for (int i = 0; i < 256; i++) {
            int crc = i << 8;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 0x8000) != 0 ? (crc << 1) ^ 0x1021 : crc << 1;
            }
            TABLE[i] = crc & 0xFFFF;
        }
    }

    private Crc16Ccitt() {
    }

    /** The CRC of {@code bytes[from..to)}. */
    public static int of(byte[] bytes, int from, int to) {
        int crc = 0xFFFF;
        for (int i = from; i < to; i++) {
            crc = ((crc << 8) ^ TABLE[((crc >> 8) ^ bytes[i]) & 0xFF]) & 0xFFFF;
        }
        return crc;
    }

    public static int of(byte[] bytes) {
        return of(bytes, 0, bytes.length);
    }
}
