package org.govkiosk.device.internal.codec.ratingpad;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/** How a SHOW_REQUEST's texts are encoded: the first payload byte. Older pads only know GB18030. */
public enum TextCharset {
    UTF_8(0x00, StandardCharsets.UTF_8),
    GB18030(0x01, Charset.forName("GB18030"));

    private final int code;
    private final Charset charset;

    TextCharset(int code, Charset charset) {
        this.code = code;
        this.charset = charset;
    }

    public int code() {
        return code;
    }

    public Charset charset() {
        return charset;
    }

    public static Optional<TextCharset> of(int code) {
        for (TextCharset c : values()) {
            if (c.code == code) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** Accepts utf-8, utf8, UTF_8, gb18030 in any case. */
    public static Optional<TextCharset> fromConfig(String name) {
        String n = name.trim().toUpperCase(Locale.ROOT).replace("-", "").replace("_", "");
        return switch (n) {
            case "UTF8" -> Optional.of(UTF_8);
            case "GB18030" -> Optional.of(GB18030);
            default -> Optional.empty();
        };
    }
}
