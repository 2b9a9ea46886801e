package org.govkiosk.device.internal.codec.ratingpad;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.util.Objects;

/**
 * The payload of SHOW_REQUEST: charset (1 byte), timeout in seconds (2 bytes, big-endian), then four
 * length-prefixed fields: request id (printable ASCII), item, clerk and window (texts in the charset). Each text
 * field holds at most 255 encoded bytes; {@link #fitted} shortens longer texts for the pad's small screen.
 *
 * @param timeoutSeconds how long the pad offers the rating before it returns to idle by itself
 */
public record ShowRequest(String requestId, String item, String clerk, String window, int timeoutSeconds,
        TextCharset charset) {

    public static final int MIN_TIMEOUT_SECONDS = 5;
    public static final int MAX_TIMEOUT_SECONDS = 3600;
    private static final String ELLIPSIS = "…";

    public ShowRequest {
        Fields.checkRequestId(requestId);
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(clerk, "clerk");
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(charset, "charset");
        if (timeoutSeconds < MIN_TIMEOUT_SECONDS || timeoutSeconds > MAX_TIMEOUT_SECONDS) {
            throw new IllegalArgumentException("timeout must be " + MIN_TIMEOUT_SECONDS + ".." + MAX_TIMEOUT_SECONDS
                    + " s, was " + timeoutSeconds);
        }
        for (String text : new String[] {item, clerk, window}) {
            if (text.getBytes(charset.charset()).length > Fields.MAX_TEXT_BYTES) {
                throw new IllegalArgumentException("a text of " + text.length() + " characters exceeds "
                        + Fields.MAX_TEXT_BYTES + " bytes in " + charset + "; use ShowRequest.fitted");
            }
        }
    }

    /** Like the constructor, but texts too long for their field are cut at a character and end in "…". */
    public static ShowRequest fitted(String requestId, String item, String clerk, String window, int timeoutSeconds,
            TextCharset charset) {
        Charset cs = charset.charset();
        return new ShowRequest(requestId, fit(item, cs), fit(clerk, cs), fit(window, cs), timeoutSeconds, charset);
    }

    static String fit(String text, Charset charset) {
        if (text == null) {
            return "";
        }
        if (text.getBytes(charset).length <= Fields.MAX_TEXT_BYTES) {
            return text;
        }
        int end = text.length();
        String cut;
        do {
            end = text.offsetByCodePoints(end, -1);
            cut = text.substring(0, end) + ELLIPSIS;
        } while (cut.getBytes(charset).length > Fields.MAX_TEXT_BYTES);
        return cut;
    }

    public byte[] encode() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(charset.code());
        out.write(timeoutSeconds >> 8);
        out.write(timeoutSeconds);
        Fields.writeShort(out, requestId.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        Fields.writeShort(out, item.getBytes(charset.charset()));
        Fields.writeShort(out, clerk.getBytes(charset.charset()));
        Fields.writeShort(out, window.getBytes(charset.charset()));
        return out.toByteArray();
    }

    public static Parsed<ShowRequest> parse(byte[] payload) {
        Fields.Reader r = new Fields.Reader(payload);
        int code = r.u8("charset");
        int timeout = r.u16("timeout");
        TextCharset charset = TextCharset.of(code).orElse(null);
        if (charset == null) {
            r.fail(String.format("unknown charset 0x%02X", code));
        } else if (timeout < MIN_TIMEOUT_SECONDS || timeout > MAX_TIMEOUT_SECONDS) {
            r.fail("timeout " + timeout + " s outside " + MIN_TIMEOUT_SECONDS + ".." + MAX_TIMEOUT_SECONDS);
        }
        Charset cs = charset == null ? java.nio.charset.StandardCharsets.UTF_8 : charset.charset();
        String id = r.requestId();
        String item = r.text("item", cs);
        String clerk = r.text("clerk", cs);
        String window = r.text("window", cs);
        String problem = r.problem();
        return problem != null ? Parsed.malformed("SHOW_REQUEST: " + problem)
                : Parsed.ok(new ShowRequest(id, item, clerk, window, timeout, charset));
    }
}
