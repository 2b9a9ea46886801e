package org.govkiosk.device.internal.driver.ratingpad;

import java.util.Optional;
import org.govkiosk.device.internal.codec.ratingpad.PadCondition;

/**
 * What the maintenance screen shows about one rating pad. Request ids are case numbers, not personal data.
 *
 * @param ratings           ratings published
 * @param repeatedRatings   key presses for a request that was rated already (one rating per request)
 * @param bounces           key presses within the debounce window of an accepted one
 * @param keysWithoutRequest key presses naming no open request (idle pad, cancelled or timed-out request)
 * @param stuckKeyPresses   presses of a key the pad reported stuck
 * @param cancelled         requests cancelled for any reason (superseded, cleared, timed out, not shown, lost)
 * @param resends           commands sent again after a missing ACK or a retryable NAK
 * @param naks              NAKs received
 * @param frameErrors       damaged frames (CRC, ETX, length, unknown command, cut short)
 * @param garbageBytes      bytes that were not part of any frame
 * @param badPayloads       intact frames whose payload did not follow the protocol
 */
public record RatingPadStatistics(
        long ratings,
        long repeatedRatings,
        long bounces,
        long keysWithoutRequest,
        long stuckKeyPresses,
        long cancelled,
        long resends,
        long naks,
        long frameErrors,
        long garbageBytes,
        long badPayloads,
        PadCondition condition,
        Optional<String> openRequest) {
}
