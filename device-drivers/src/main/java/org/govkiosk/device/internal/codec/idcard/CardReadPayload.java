package org.govkiosk.device.internal.codec.idcard;

import java.util.Arrays;
import java.util.Optional;

/**
 * The payload of a successful read answer: 2-byte big-endian text length, 2-byte photo length, for
 * {@link SamCommand#READ_TEXT_PHOTO_FINGERPRINT} a 2-byte fingerprint length, then the text (256 bytes of UCS-2LE
 * on every known card), the photo (1024 bytes of WLT) and the fingerprint data.
 *
 * @param fingerprint empty when not asked for or when the card holds none
 */
public record CardReadPayload(byte[] text, byte[] photo, byte[] fingerprint) {

    public static final int TEXT_LENGTH = 256;
    public static final int PHOTO_LENGTH = 1024;
    public static final int FINGERPRINT_LENGTH = 1024;
    public static final int HEADER_LENGTH = 4;
    public static final int HEADER_LENGTH_WITH_FINGERPRINT = 6;

    public CardReadPayload {
        text = text.clone();
        photo = photo.clone();
        fingerprint = fingerprint == null ? new byte[0] : fingerprint.clone();
    }

    /** The parts of a payload whose length fields add up exactly to its size; empty otherwise. */
    public static Optional<CardReadPayload> parse(byte[] payload, boolean withFingerprint) {
        int header = withFingerprint ? HEADER_LENGTH_WITH_FINGERPRINT : HEADER_LENGTH;
        if (payload.length < header) {
            return Optional.empty();
        }
        int textLength = u16(payload, 0);
        int photoLength = u16(payload, 2);
        int fingerprintLength = withFingerprint ? u16(payload, 4) : 0;
        if (header + textLength + photoLength + fingerprintLength != payload.length) {
            return Optional.empty();
        }
        int photoAt = header + textLength;
        int fingerprintAt = photoAt + photoLength;
        return Optional.of(new CardReadPayload(Arrays.copyOfRange(payload, header, photoAt),
                Arrays.copyOfRange(payload, photoAt, fingerprintAt),
                Arrays.copyOfRange(payload, fingerprintAt, payload.length)));
    }

    /** The payload bytes, with a fingerprint length field when {@code withFingerprint}. */
    public byte[] encode(boolean withFingerprint) {
        if (!withFingerprint && fingerprint.length > 0) {
            throw new IllegalArgumentException("a fingerprint needs the fingerprint layout");
        }
        int header = withFingerprint ? HEADER_LENGTH_WITH_FINGERPRINT : HEADER_LENGTH;
        byte[] out = new byte[header + text.length + photo.length + fingerprint.length];
        putU16(out, 0, text.length);
        putU16(out, 2, photo.length);
        if (withFingerprint) {
            putU16(out, 4, fingerprint.length);
        }
        System.arraycopy(text, 0, out, header, text.length);
        System.arraycopy(photo, 0, out, header + text.length, photo.length);
        System.arraycopy(fingerprint, 0, out, header + text.length + photo.length, fingerprint.length);
        return out;
    }

    @Override
    public byte[] text() {
        return text.clone();
    }

    @Override
    public byte[] photo() {
        return photo.clone();
    }

    @Override
    public byte[] fingerprint() {
        return fingerprint.clone();
    }

    private static int u16(byte[] b, int at) {
        return (b[at] & 0xFF) << 8 | (b[at + 1] & 0xFF);
    }

    private static void putU16(byte[] b, int at, int value) {
        if (value > 0xFFFF) {
            throw new IllegalArgumentException("part of " + value + " bytes is too long");
        }
        b[at] = (byte) (value >> 8);
        b[at + 1] = (byte) value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CardReadPayload p && Arrays.equals(p.text, text) && Arrays.equals(p.photo, photo)
                && Arrays.equals(p.fingerprint, fingerprint);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(text) * 31 + Arrays.hashCode(photo) * 17 + Arrays.hashCode(fingerprint);
    }

    @Override
    public String toString() {
        // Personal data: sizes only.
        return "CardReadPayload[text " + text.length + ", photo " + photo.length + ", fingerprint "
                + fingerprint.length + " bytes]";
    }
}
