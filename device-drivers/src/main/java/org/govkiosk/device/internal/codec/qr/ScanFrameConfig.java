package org.govkiosk.device.internal.codec.qr;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * How a scan engine frames its output: what ends a scan, whether it prefixes an AIM symbology identifier, the
 * payload's charset, and the longest scan accepted (bytes, prefix included).
 */
public record ScanFrameConfig(Terminator terminator, boolean aimPrefix, PayloadCharset charset, int maxLength) {

    /** What ends a scan. {@code NONE}: nothing does; the driver ends it after an inter-byte gap. */
    public enum Terminator {
        CR, LF, CRLF, TAB, NONE;

        /** The bytes a simulator appends. */
        public byte[] bytes() {
            return switch (this) {
                case CR -> new byte[] {'\r'};
                case LF -> new byte[] {'\n'};
                case CRLF -> new byte[] {'\r', '\n'};
                case TAB -> new byte[] {'\t'};
                case NONE -> new byte[0];
            };
        }

        public static Optional<Terminator> fromConfig(String name) {
            String n = name.trim().toUpperCase(Locale.ROOT);
            for (Terminator t : values()) {
                if (t.name().equals(n)) {
                    return Optional.of(t);
                }
            }
            return Optional.empty();
        }
    }

    /** {@code AUTO}: bytes that are valid UTF-8 are UTF-8, anything else is GB18030. */
    public enum PayloadCharset {
        UTF_8, GB18030, AUTO;

        /** Accepts utf-8, utf8, UTF_8, gb18030, auto. */
        public static Optional<PayloadCharset> fromConfig(String name) {
            String n = name.trim().toUpperCase(Locale.ROOT).replace("-", "").replace("_", "");
            return switch (n) {
                case "UTF8" -> Optional.of(UTF_8);
                case "GB18030" -> Optional.of(GB18030);
                case "AUTO" -> Optional.of(AUTO);
                default -> Optional.empty();
            };
        }
    }

    public static final int DEFAULT_MAX_LENGTH = 4096;

    public ScanFrameConfig {
        Objects.requireNonNull(terminator, "terminator");
        Objects.requireNonNull(charset, "charset");
        if (maxLength < 4) {
            throw new IllegalArgumentException("maxLength must be at least 4, was " + maxLength);
        }
    }

    /** CR-terminated, no AIM prefix, charset detected: the factory default of most engines sold in China. */
    public static ScanFrameConfig defaults() {
        return new ScanFrameConfig(Terminator.CR, false, PayloadCharset.AUTO, DEFAULT_MAX_LENGTH);
    }
}
