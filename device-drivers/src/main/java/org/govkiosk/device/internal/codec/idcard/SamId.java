package org.govkiosk.device.internal.codec.idcard;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The 16-byte identity of a reader's security module, as {@link SamCommand#READ_SAM_ID} returns it. Shown to
 * technicians in hex: vendor tools print it in a dotted decimal form whose byte layout we have not verified.
 */
public record SamId(byte[] bytes) {

    public static final int LENGTH = 16;

    public SamId {
        if (bytes.length != LENGTH) {
            throw new IllegalArgumentException("a SAM id has " + LENGTH + " bytes, not " + bytes.length);
        }
        bytes = bytes.clone();
    }

    public static Optional<SamId> of(byte[] payload) {
        return payload.length == LENGTH ? Optional.of(new SamId(payload)) : Optional.empty();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    public String hex() {
        return HexFormat.of().withUpperCase().formatHex(bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SamId s && Arrays.equals(s.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "SamId[" + hex() + "]";
    }
}
