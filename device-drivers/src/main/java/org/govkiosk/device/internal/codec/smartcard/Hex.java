package org.govkiosk.device.internal.codec.smartcard;

import java.util.HexFormat;
import java.util.Locale;

/** Hex for ATRs and APDUs as people write them: {@code "3B 6C 00"} or {@code "3b6c00"}. */
public final class Hex {

    private static final HexFormat UPPER = HexFormat.of().withUpperCase();

    private Hex() {
    }

    public static String of(byte[] bytes) {
        return UPPER.formatHex(bytes);
    }

    /** Parses hex, ignoring spaces and colons; throws {@link IllegalArgumentException} naming the bad text. */
    public static byte[] parse(String text) {
        String compact = text.replaceAll("[\\s:]", "").toUpperCase(Locale.ROOT);
        if (compact.length() % 2 != 0 || !compact.matches("[0-9A-F]*")) {
            throw new IllegalArgumentException("not hex bytes: '" + text + "'");
        }
        return HexFormat.of().parseHex(compact);
    }
}
