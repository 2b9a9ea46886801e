package org.govkiosk.device;

import java.time.Instant;
import org.govkiosk.device.idcard.IdCardData;

/** What devices tell the services: typed results, never bytes. */
public sealed interface DeviceEvent {

    String deviceId();

    Instant at();

    /** An identity document was read once per placement on the reader. */
    record IdCardRead(String deviceId, Instant at, IdCardData card) implements DeviceEvent {
        @Override
        public String toString() {
            return "IdCardRead[deviceId=" + deviceId + ", at=" + at + ", card=" + card + "]";
        }
    }

    /**
     * A document was on the reader but is not accepted (unreadable, or its data fails the checks): the citizen is
     * told, the card is not used. The rejection carries no personal data beyond a masked number.
     */
    record IdCardRejected(String deviceId, Instant at, org.govkiosk.device.idcard.IdCardRejection rejection)
            implements DeviceEvent {
    }

    record SmartCardInserted(String deviceId, Instant at, String readerName, String atrHex) implements DeviceEvent {
    }

    /**
     * A smart card's fields as its profile (chosen by ATR) read them on insertion, e.g. a social security card's
     * {@code card-number}, {@code name}, {@code id-number}. Personal data: {@link #toString()} names fields only.
     */
    record SmartCardRead(String deviceId, Instant at, String readerName, String profileName,
            java.util.Map<String, String> fields) implements DeviceEvent {
        public SmartCardRead {
            fields = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields));
        }

        @Override
        public String toString() {
            return "SmartCardRead[deviceId=" + deviceId + ", at=" + at + ", profile=" + profileName
                    + ", fields=" + fields.keySet() + "]";
        }
    }

    record SmartCardRemoved(String deviceId, Instant at, String readerName) implements DeviceEvent {
    }

    /** A code scanned by a serial engine, a keyboard-wedge scanner or a camera. */
    record QrScanned(String deviceId, Instant at, String payload, ScanSource source) implements DeviceEvent {
        @Override
        public String toString() {
            // Payloads can carry personal data (e-licence codes): never print them whole.
            return "QrScanned[deviceId=" + deviceId + ", at=" + at + ", source=" + source
                    + ", length=" + payload.length() + "]";
        }
    }

    record RatingEntered(String deviceId, Instant at, String requestId, int level) implements DeviceEvent {
        public RatingEntered {
            if (level < 1 || level > 5) {
                throw new IllegalArgumentException("rating level must be 1..5, was " + level);
            }
        }
    }

    /** A rating request that will get no rating from this pad, and why; the platform applies its default. */
    record RatingCancelled(String deviceId, Instant at, String requestId, CancelReason reason) implements DeviceEvent {
    }

    enum CancelReason {
        /** A newer request was shown on the same pad: only the newest one stays open. */
        SUPERSEDED,
        /** {@link RatingPad#clear()} was called. */
        CLEARED,
        /** The citizen did not press a key within the request's timeout. */
        TIMED_OUT,
        /** The pad never showed it: refused, unanswered, or the pad was not usable. */
        NOT_SHOWN,
        /** The pad was lost (unplugged, silent, display failed, closed) while the request was open. */
        DEVICE_UNAVAILABLE
    }

    record PrintCompleted(String deviceId, Instant at, String jobId) implements DeviceEvent, PrintOutcome {
    }

    record PrintFailed(String deviceId, Instant at, String jobId, DeviceStatusDetail reason, boolean retryable)
            implements DeviceEvent, PrintOutcome {
    }

    enum ScanSource { SERIAL, KEYBOARD_WEDGE, CAMERA }
}
