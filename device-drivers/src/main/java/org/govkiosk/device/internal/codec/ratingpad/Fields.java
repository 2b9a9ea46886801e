package org.govkiosk.device.internal.codec.ratingpad;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Length-prefixed fields of the payloads: one length byte, then that many bytes. */
final class Fields {

    /** The longest request id: case numbers run to 33 characters, plus a service sequence number. */
    static final int MAX_REQUEST_ID = 64;
    /** One length byte per text field. */
    static final int MAX_TEXT_BYTES = 0xFF;

    private Fields() {
    }

    /** Request ids are printable ASCII without spaces, so every pad can echo them byte for byte. */
    static String checkRequestId(String id) {
        if (id == null || id.isEmpty() || id.length() > MAX_REQUEST_ID) {
            throw new IllegalArgumentException("request id must be 1.." + MAX_REQUEST_ID + " characters, was "
                    + (id == null ? "null" : id.length() + " characters"));
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (c < 0x21 || c > 0x7E) {
                throw new IllegalArgumentException("request id must be printable ASCII without spaces; character "
                        + i + " is U+" + String.format("%04X", (int) c));
            }
        }
        return id;
    }

    static void writeShort(ByteArrayOutputStream out, byte[] field) {
        if (field.length > MAX_TEXT_BYTES) {
            throw new IllegalArgumentException("field of " + field.length + " bytes exceeds " + MAX_TEXT_BYTES);
        }
        out.write(field.length);
        out.writeBytes(field);
    }

    /** A cursor over a payload; every read says what was missing instead of throwing. */
    static final class Reader {
        private final byte[] data;
        private int pos;
        private String problem;

        Reader(byte[] data) {
            this.data = data;
        }

        int u8(String what) {
            if (problem != null) {
                return 0;
            }
            if (pos >= data.length) {
                problem = what + " missing at byte " + pos;
                return 0;
            }
            return data[pos++] & 0xFF;
        }

        int u16(String what) {
            return u8(what) << 8 | u8(what);
        }

        byte[] shortField(String what) {
            int n = u8(what + " length");
            if (problem != null) {
                return new byte[0];
            }
            if (pos + n > data.length) {
                problem = what + " of " + n + " bytes runs past the payload's end (" + (data.length - pos) + " left)";
                return new byte[0];
            }
            byte[] out = java.util.Arrays.copyOfRange(data, pos, pos + n);
            pos += n;
            return out;
        }

        String requestId() {
            byte[] b = shortField("request id");
            if (problem != null) {
                return "";
            }
            try {
                return checkRequestId(new String(b, StandardCharsets.US_ASCII));
            } catch (IllegalArgumentException e) {
                problem = e.getMessage();
                return "";
            }
        }

        String text(String what, Charset charset) {
            byte[] b = shortField(what);
            if (problem != null) {
                return "";
            }
            try {
                return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b)).toString();
            } catch (CharacterCodingException e) {
                problem = what + " is not valid " + charset.name();
                return "";
            }
        }

        void fail(String why) {
            if (problem == null) {
                problem = why;
            }
        }

        /** The first problem met, or that bytes were left over; null when the payload was read exactly. */
        String problem() {
            if (problem == null && pos != data.length) {
                return (data.length - pos) + " bytes after the last field";
            }
            return problem;
        }
    }
}
