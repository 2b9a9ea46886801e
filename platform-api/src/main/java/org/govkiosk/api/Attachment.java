package org.govkiosk.api;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Set;

/**
 * One scanned page of a material (a document camera's photo), carried with the case. The platform keeps the
 * content apart from the case record and the SHA-256 with it. Personal data: {@link #toString()} never shows the
 * content.
 *
 * @param mediaType {@code image/jpeg} or {@code image/png}
 * @param sha256    lower-case hex SHA-256 of the content
 * @param content   the image (base64 in JSON), at most {@link #MAX_BYTES}; {@code null} only where a stored case is
 *                  shown without its pages
 */
public record Attachment(String mediaType, String sha256, byte[] content) {

    /** A page as a terminal sends it: a document photo compressed for reading, not for print. */
    public static final int MAX_BYTES = 400 * 1024;
    public static final Set<String> MEDIA_TYPES = Set.of("image/jpeg", "image/png");

    public Attachment {
        Check.text(mediaType, "attachments.mediaType", 32);
        if (!MEDIA_TYPES.contains(mediaType)) {
            throw new IllegalArgumentException("attachments.mediaType must be image/jpeg or image/png, was "
                    + mediaType);
        }
        Check.text(sha256, "attachments.sha256", 64);
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("attachments.sha256 must be 64 lower-case hex digits");
        }
        if (content != null) {
            if (content.length == 0 || content.length > MAX_BYTES) {
                throw new IllegalArgumentException("attachments.content must be 1 to " + MAX_BYTES + " bytes, was "
                        + content.length);
            }
            if (!looksLike(mediaType, content)) {
                throw new IllegalArgumentException("attachments.content is not a " + mediaType + " image");
            }
            if (!sha256Hex(content).equals(sha256)) {
                throw new IllegalArgumentException("attachments.sha256 does not match the content");
            }
            content = content.clone();
        }
    }

    /** A page with its hash worked out. */
    public static Attachment of(String mediaType, byte[] content) {
        return new Attachment(mediaType, sha256Hex(content), content);
    }

    /** The same page without its content: what a case record keeps beside the stored page. */
    public Attachment withoutContent() {
        return new Attachment(mediaType, sha256, null);
    }

    @Override
    public byte[] content() {
        return content == null ? null : content.clone();
    }

    public int size() {
        return content == null ? 0 : content.length;
    }

    private static boolean looksLike(String mediaType, byte[] c) {
        if (mediaType.equals("image/jpeg")) {
            return c.length > 3 && (c[0] & 0xFF) == 0xFF && (c[1] & 0xFF) == 0xD8 && (c[2] & 0xFF) == 0xFF;
        }
        return c.length > 8 && (c[0] & 0xFF) == 0x89 && c[1] == 'P' && c[2] == 'N' && c[3] == 'G';
    }

    public static String sha256Hex(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Attachment a && a.mediaType.equals(mediaType) && a.sha256.equals(sha256)
                && Arrays.equals(a.content, content);
    }

    @Override
    public int hashCode() {
        return sha256.hashCode();
    }

    @Override
    public String toString() {
        return "Attachment[" + mediaType + " " + size() + " bytes sha256=" + sha256.substring(0, 12) + "...]";
    }
}
