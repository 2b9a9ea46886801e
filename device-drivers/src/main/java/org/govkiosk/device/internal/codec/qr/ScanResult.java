package org.govkiosk.device.internal.codec.qr;

/** One result of {@link ScanFrameDecoder}: a scan, or a value saying why bytes were dropped. */
public sealed interface ScanResult {

    /**
     * A decoded scan. {@code symbology} is the AIM identifier without the ']' ("Q1" for QR), empty when none
     * was stripped.
     */
    record Scanned(String payload, String symbology) implements ScanResult {
        @Override
        public String toString() {
            // Payloads can be e-licence tokens or ID data: never print them.
            return "Scanned[symbology=" + symbology + ", length=" + payload.length() + "]";
        }
    }

    /** Bytes that made no scan; {@code length} is how many bytes the frame had when it was given up. */
    record FrameError(Reason reason, int length) implements ScanResult {
    }

    enum Reason {
        /** Longer than the configured maximum: the rest up to the next terminator is skipped. */
        TOO_LONG,
        /** Not valid text in the configured charset (or in either charset for AUTO). */
        MALFORMED_TEXT
    }
}
