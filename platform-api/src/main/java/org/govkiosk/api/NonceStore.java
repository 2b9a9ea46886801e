package org.govkiosk.api;

import java.time.Instant;

/** Remembers the nonces of accepted requests long enough to refuse a replay within the timestamp window. */
public interface NonceStore {

    /**
     * Records a nonce. Returns {@code false} if this terminal used it before (a replay).
     *
     * @param at the request's timestamp; entries older than the window may be forgotten
     */
    boolean firstUse(String terminalId, String nonce, Instant at);
}
