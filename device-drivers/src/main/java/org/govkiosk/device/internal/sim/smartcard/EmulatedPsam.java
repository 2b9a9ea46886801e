package org.govkiosk.device.internal.sim.smartcard;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A PSAM as {@code ProfileReader} models it: {@code 80 FA 00 00 08 challenge} answers the challenge encrypted
 * with the key it shares with the cards it authenticates ({@link EmulatedSocialSecurityCard#cryptogram}).
 * Anything else: 6D00. A real PSAM is selected, and derives a per-card key, by commands its maker documents.
 */
public final class EmulatedPsam implements VirtualCard {

    /** The ATR of the emulated PSAM ("GKPSAM" in the historical bytes). */
    public static final byte[] ATR = {0x3B, 0x66, 0x00, 0x00, 0x47, 0x4B, 0x50, 0x53, 0x41, 0x4D};

    private final byte[] key;
    private final AtomicInteger encrypted = new AtomicInteger();

    /** @param key 16 bytes, the two-key triple DES key it shares with the card */
    public EmulatedPsam(byte[] key) {
        this.key = key.clone();
    }

    @Override
    public byte[] atr() {
        return ATR.clone();
    }

    @Override
    public void reset() {
        // nothing to forget
    }

    @Override
    public byte[] respond(byte[] apdu) {
        if (apdu.length == 13 && (apdu[0] & 0xFF) == 0x80 && (apdu[1] & 0xFF) == 0xFA && apdu[4] == 8) {
            byte[] out = Arrays.copyOf(EmulatedSocialSecurityCard.cryptogram(key, Arrays.copyOfRange(apdu, 5, 13)),
                    10);
            out[8] = (byte) 0x90;
            encrypted.incrementAndGet();
            return out;
        }
        return new byte[] {0x6D, 0x00};
    }

    /** How many challenges it encrypted. */
    public int encrypted() {
        return encrypted.get();
    }
}
