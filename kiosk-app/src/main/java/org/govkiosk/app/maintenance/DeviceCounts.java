package org.govkiosk.app.maintenance;

import java.time.Instant;
import java.util.Optional;
import org.govkiosk.device.DeviceStatusDetail;

/**
 * What one device has done since it was installed (or its counters were last reset): kept across restarts.
 *
 * @param paperChanges times the paper was refilled: PAPER_OUT or PAPER_NEAR_END followed by ONLINE
 * @param errors       failed prints, rejected cards and falls into OFFLINE
 * @param lastError    the last fault the device reported, and when
 */
public record DeviceCounts(long cardsRead, long codesScanned, long printed, long paperChanges, long errors,
        Optional<LastError> lastError) {

    public static final DeviceCounts ZERO = new DeviceCounts(0, 0, 0, 0, 0, Optional.empty());

    public record LastError(DeviceStatusDetail detail, Instant at) {
    }

    DeviceCounts cardRead() {
        return new DeviceCounts(cardsRead + 1, codesScanned, printed, paperChanges, errors, lastError);
    }

    DeviceCounts codeScanned() {
        return new DeviceCounts(cardsRead, codesScanned + 1, printed, paperChanges, errors, lastError);
    }

    DeviceCounts pagePrinted() {
        return new DeviceCounts(cardsRead, codesScanned, printed + 1, paperChanges, errors, lastError);
    }

    DeviceCounts paperChanged() {
        return new DeviceCounts(cardsRead, codesScanned, printed, paperChanges + 1, errors, lastError);
    }

    DeviceCounts error(DeviceStatusDetail detail, Instant at) {
        return new DeviceCounts(cardsRead, codesScanned, printed, paperChanges, errors + 1,
                Optional.of(new LastError(detail, at)));
    }

    /** A fault seen in the status (e.g. paper near end) that is not counted as an error but is the last one. */
    DeviceCounts noted(DeviceStatusDetail detail, Instant at) {
        return new DeviceCounts(cardsRead, codesScanned, printed, paperChanges, errors,
                Optional.of(new LastError(detail, at)));
    }
}
