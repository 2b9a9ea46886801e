package org.govkiosk.app.platform;

import java.security.PublicKey;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The platform's receipt key as this terminal pinned it: taken at the first registration (the enrolment, when the
 * technician vouches for the address and the token), kept in the terminal's key store and never replaced by a later
 * answer, so whoever takes over the platform's address afterwards cannot make the terminal drop a citizen's case.
 * Only the embedded platform of a demo, started in this very process, replaces it ({@link #replace}).
 */
public final class PlatformKeyPin {

    /** What became of a key the platform offered at registration. */
    public enum Offer {
        /** Nothing was pinned: this key is now. */
        PINNED,
        /** The pinned key itself. */
        SAME,
        /** Another key than the pinned one: refused, the pin stays. */
        REFUSED
    }

    private final Consumer<PublicKey> store;
    /** Where the pinned key is read from, once, when first needed; null once read. Guarded by this. */
    private java.util.function.Supplier<Optional<PublicKey>> stored;
    /** Guarded by this. */
    private PublicKey pinned;

    private PlatformKeyPin(java.util.function.Supplier<Optional<PublicKey>> stored, Consumer<PublicKey> store) {
        this.stored = Objects.requireNonNull(stored, "stored");
        this.store = Objects.requireNonNull(store, "store");
    }

    /** @param store makes a newly pinned key durable (the terminal's key store); called before it is used */
    public static PlatformKeyPin of(Optional<PublicKey> pinned, Consumer<PublicKey> store) {
        return new PlatformKeyPin(() -> pinned, store);
    }

    /**
     * As {@link #of}, the pinned key read from {@code stored} when first needed (the key store unwraps it then, not
     * at the terminal's start).
     */
    public static PlatformKeyPin of(java.util.function.Supplier<Optional<PublicKey>> stored,
            Consumer<PublicKey> store) {
        return new PlatformKeyPin(stored, store);
    }

    private PublicKey pinned() {
        if (stored != null) {
            pinned = stored.get().orElse(null);
            stored = null;
        }
        return pinned;
    }

    /** Pinned for this process only (a client a test registers by itself). */
    public static PlatformKeyPin inMemory() {
        return new PlatformKeyPin(Optional::empty, key -> { });
    }

    public synchronized Optional<PublicKey> current() {
        return Optional.ofNullable(pinned());
    }

    public synchronized Offer offer(PublicKey key) {
        Objects.requireNonNull(key, "key");
        if (pinned() == null) {
            store.accept(key);
            pinned = key;
            return Offer.PINNED;
        }
        return pinned.equals(key) ? Offer.SAME : Offer.REFUSED;
    }

    /** Pins {@code key} whatever was pinned: only for a platform this process started itself (the demo's). */
    public synchronized void replace(PublicKey key) {
        Objects.requireNonNull(key, "key");
        if (!key.equals(pinned())) {
            store.accept(key);
            pinned = key;
        }
    }
}
