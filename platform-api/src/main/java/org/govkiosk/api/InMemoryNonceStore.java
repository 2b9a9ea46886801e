package org.govkiosk.api;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** A {@link NonceStore} for one process; forgets nonces older than the window it was given. */
public final class InMemoryNonceStore implements NonceStore {

    private static final int PURGE_EVERY = 256;

    private final Map<String, Instant> seen = new ConcurrentHashMap<>();
    private final Duration window;
    private final AtomicInteger calls = new AtomicInteger();

    /** @param window how long a nonce must be remembered: at least twice the allowed clock skew */
    public InMemoryNonceStore(Duration window) {
        this.window = window;
    }

    @Override
    public boolean firstUse(String terminalId, String nonce, Instant at) {
        if (calls.incrementAndGet() % PURGE_EVERY == 0) {
            Instant horizon = at.minus(window);
            seen.values().removeIf(t -> t.isBefore(horizon));
        }
        return seen.putIfAbsent(terminalId + '\n' + nonce, at) == null;
    }
}
