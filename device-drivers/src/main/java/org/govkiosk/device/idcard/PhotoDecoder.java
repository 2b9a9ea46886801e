package org.govkiosk.device.idcard;

import java.util.Optional;

/**
 * Turns the card's encoded photo (WLT, 1024 bytes) into image bytes. WLT decoding is done by a vendor library
 * that this project does not ship; until one is plugged in, {@link #none()} says so honestly.
 */
@FunctionalInterface
public interface PhotoDecoder {

    /** The decoded image (the vendor libraries produce BMP), or empty when this decoder cannot decode. */
    Optional<byte[]> decode(byte[] wlt);

    /** A decoder that decodes nothing: screens show no photo rather than a fake one. */
    static PhotoDecoder none() {
        return wlt -> Optional.empty();
    }
}
