package org.govkiosk.device.internal.codec.ratingpad;

/**
 * The payload of STATUS: a flags byte (bit 0 a key is stuck, bit 1 the display failed; other bits are reserved
 * and ignored, so a newer pad's extra flags do not break an older host) and the stuck key's level (0 = none or
 * unknown).
 */
public record PadCondition(boolean keyStuck, int stuckKey, boolean displayFault) {

    public static final PadCondition OK = new PadCondition(false, 0, false);
    static final int KEY_STUCK = 0x01;
    static final int DISPLAY_FAULT = 0x02;

    public PadCondition {
        if (stuckKey < 0 || stuckKey > 5 || (!keyStuck && stuckKey != 0)) {
            throw new IllegalArgumentException("stuck key must be 0..5 and 0 unless a key is stuck, was " + stuckKey);
        }
    }

    public boolean isOk() {
        return !keyStuck && !displayFault;
    }

    public byte[] encode() {
        return new byte[] {(byte) ((keyStuck ? KEY_STUCK : 0) | (displayFault ? DISPLAY_FAULT : 0)), (byte) stuckKey};
    }

    public static Parsed<PadCondition> parse(byte[] payload) {
        if (payload.length != 2) {
            return Parsed.malformed("STATUS: payload is 2 bytes, got " + payload.length);
        }
        int flags = payload[0] & 0xFF;
        int key = payload[1] & 0xFF;
        boolean stuck = (flags & KEY_STUCK) != 0;
        if (key > 5 || (!stuck && key != 0)) {
            return Parsed.malformed("STATUS: stuck key " + key + (stuck ? " outside 0..5" : " without the key-stuck flag"));
        }
        return Parsed.ok(new PadCondition(stuck, key, (flags & DISPLAY_FAULT) != 0));
    }
}
