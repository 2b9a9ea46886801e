package org.govkiosk.device.internal.codec.ratingpad;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The payload of KEY_PRESSED: the level (1 byte, 1 = 非常不满意 .. 5 = 非常满意), then the id of the request the pad
 * was showing (length-prefixed ASCII). Pads send the key press of an idle screen with the id they showed last.
 */
public record KeyPress(String requestId, int level) {

    public KeyPress {
        Fields.checkRequestId(requestId);
        if (level < 1 || level > 5) {
            throw new IllegalArgumentException("level must be 1..5, was " + level);
        }
    }

    public byte[] encode() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(level);
        Fields.writeShort(out, requestId.getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    public static Parsed<KeyPress> parse(byte[] payload) {
        Fields.Reader r = new Fields.Reader(payload);
        int level = r.u8("level");
        if (level < 1 || level > 5) {
            r.fail("level " + level + " outside 1..5");
        }
        String id = r.requestId();
        String problem = r.problem();
        return problem != null ? Parsed.malformed("KEY_PRESSED: " + problem) : Parsed.ok(new KeyPress(id, level));
    }
}
