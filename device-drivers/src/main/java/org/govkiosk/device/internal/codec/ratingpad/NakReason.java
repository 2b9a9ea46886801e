package org.govkiosk.device.internal.codec.ratingpad;

import java.util.Optional;

/** Why a NAK refused a frame; the one payload byte of a NAK. */
public enum NakReason {
    /** The frame arrived damaged (CRC, ETX); sent with SEQ 0. Resending helps. */
    CHECKSUM(0x01, true),
    /** The CMD byte is unknown to the receiver. Resending does not help. */
    UNKNOWN_COMMAND(0x02, false),
    /** The payload does not follow the command's layout. Resending does not help. */
    BAD_PAYLOAD(0x03, false),
    /** The receiver cannot take the command now (e.g. redrawing); resending shortly helps. */
    BUSY(0x04, true);

    private final int code;
    private final boolean retryable;

    NakReason(int code, boolean retryable) {
        this.code = code;
        this.retryable = retryable;
    }

    public int code() {
        return code;
    }

    public boolean retryable() {
        return retryable;
    }

    public byte[] encode() {
        return new byte[] {(byte) code};
    }

    public static Optional<NakReason> of(int code) {
        for (NakReason r : values()) {
            if (r.code == code) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    public static Parsed<NakReason> parse(byte[] payload) {
        if (payload.length != 1) {
            return Parsed.malformed("a NAK payload is 1 byte, got " + payload.length);
        }
        return of(payload[0] & 0xFF).<Parsed<NakReason>>map(Parsed::ok)
                .orElseGet(() -> Parsed.malformed(String.format("unknown NAK reason 0x%02X", payload[0] & 0xFF)));
    }
}
