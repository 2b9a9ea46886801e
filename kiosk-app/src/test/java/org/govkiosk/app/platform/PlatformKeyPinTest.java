package org.govkiosk.app.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The pin as the terminal reads it from its key store: once, when first needed, not when the link is made. */
class PlatformKeyPinTest {

    @Test
    void theStoredPinIsReadWhenFirstNeededAndOnlyOnce() throws Exception {
        PublicKey stored = key();
        AtomicInteger reads = new AtomicInteger();
        List<PublicKey> written = new ArrayList<>();
        PlatformKeyPin pin = PlatformKeyPin.of(() -> {
            reads.incrementAndGet();
            return Optional.of(stored);
        }, written::add);
        assertThat(reads).as("not read when the pin is made (the terminal's start)").hasValue(0);

        assertThat(pin.current()).contains(stored);
        assertThat(pin.offer(stored)).isEqualTo(PlatformKeyPin.Offer.SAME);
        assertThat(pin.offer(key())).isEqualTo(PlatformKeyPin.Offer.REFUSED);
        assertThat(reads).hasValue(1);
        assertThat(written).isEmpty();
    }

    @Test
    void anOfferBeforeAnyReadStillSeesTheStoredPin() throws Exception {
        PublicKey stored = key();
        PlatformKeyPin pin = PlatformKeyPin.of(() -> Optional.of(stored), key -> { });
        assertThat(pin.offer(key())).as("the first offer after a restart does not replace the stored pin")
                .isEqualTo(PlatformKeyPin.Offer.REFUSED);
        assertThat(pin.current()).contains(stored);
    }

    @Test
    void nothingStoredThenTheFirstOfferIsPinnedAndWritten() throws Exception {
        List<PublicKey> written = new ArrayList<>();
        PlatformKeyPin pin = PlatformKeyPin.of(Optional::empty, written::add);
        PublicKey offered = key();
        assertThat(pin.offer(offered)).isEqualTo(PlatformKeyPin.Offer.PINNED);
        assertThat(written).containsExactly(offered);
        assertThat(pin.current()).contains(offered);
    }

    private static PublicKey key() throws Exception {
        return KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic();
    }
}
