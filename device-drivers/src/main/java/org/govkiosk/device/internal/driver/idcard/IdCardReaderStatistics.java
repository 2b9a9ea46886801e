package org.govkiosk.device.internal.driver.idcard;

import java.time.Instant;
import java.util.Optional;
import org.govkiosk.device.internal.codec.idcard.SamId;
import org.govkiosk.device.idcard.IdCardRejection;

/**
 * What the maintenance screen shows about one ID card reader. Holds no personal data: rejections carry masked
 * numbers only.
 *
 * @param cardOnReader     a card was handled and has not been taken off yet
 * @param frameErrors      damaged answers (checksum, length, cut short); each was followed by a resync
 * @param garbageBytes     bytes that were not part of any frame
 * @param responseTimeouts commands that went unanswered within the response timeout
 */
public record IdCardReaderStatistics(
        long cardsRead,
        long cardsRejected,
        long frameErrors,
        long garbageBytes,
        long responseTimeouts,
        boolean cardOnReader,
        Optional<SamId> samId,
        Optional<LastRejection> lastRejection) {

    /** The most recent card that was not accepted, and when. */
    public record LastRejection(IdCardRejection rejection, Instant at) {
    }
}
