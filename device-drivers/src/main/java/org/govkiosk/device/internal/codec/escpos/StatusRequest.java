package org.govkiosk.device.internal.codec.escpos;

import java.util.Optional;

/** The four real-time status requests {@code DLE EOT n}; each is answered with one status byte. */
public enum StatusRequest {
    PRINTER(1),
    OFFLINE_CAUSE(2),
    ERROR_CAUSE(3),
    PAPER_SENSOR(4);

    private final int n;

    StatusRequest(int n) {
        this.n = n;
    }

    public int n() {
        return n;
    }

    /** The request bytes {@code 10 04 n}. */
    public byte[] command() {
        return new byte[] {0x10, 0x04, (byte) n};
    }

    public static Optional<StatusRequest> of(int n) {
        for (StatusRequest r : values()) {
            if (r.n == n) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
