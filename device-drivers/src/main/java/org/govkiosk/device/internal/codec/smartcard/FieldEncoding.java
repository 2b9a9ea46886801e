package org.govkiosk.device.internal.codec.smartcard;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** How a field's bytes become text. BCD is packed decimal digits ({@code 19 90 03 07} → {@code 19900307}). */
public enum FieldEncoding {
    ASCII(StandardCharsets.US_ASCII),
    UTF8(StandardCharsets.UTF_8),
    /** Chinese cards commonly store names in GBK. */
    GBK(Charset.forName("GBK")),
    BCD(null),
    HEX(null);

    private final Charset charset;

    FieldEncoding(Charset charset) {
        this.charset = charset;
    }

    public static FieldEncoding parse(String name) {
        return valueOf(name.trim().toUpperCase(Locale.ROOT).replace("-", ""));
    }

    /** Text of the bytes; trailing padding (0x00, 0xFF, spaces, BCD filler F) is dropped. */
    public String decode(byte[] bytes) {
        return switch (this) {
            case BCD -> {
                String hex = Hex.of(bytes);
                int end = hex.length();
                while (end > 0 && hex.charAt(end - 1) == 'F') {
                    end--;
                }
                yield hex.substring(0, end);
            }
            case HEX -> Hex.of(bytes);
            default -> {
                int end = bytes.length;
                while (end > 0 && (bytes[end - 1] == 0 || bytes[end - 1] == (byte) 0xFF || bytes[end - 1] == ' ')) {
                    end--;
                }
                yield new String(bytes, 0, end, charset);
            }
        };
    }

    /** The bytes a card holds for this text (used by the card emulator and tests). */
    public byte[] encode(String text) {
        return switch (this) {
            case BCD -> Hex.parse(text.length() % 2 == 0 ? text : text + "F");
            case HEX -> Hex.parse(text);
            default -> text.getBytes(charset);
        };
    }
}
