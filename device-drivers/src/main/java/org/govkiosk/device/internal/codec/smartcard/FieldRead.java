package org.govkiosk.device.internal.codec.smartcard;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * One field of a profile: the files to SELECT in order (by 2-byte file id, e.g. {@code DDF1/EF06}), read with
 * READ BINARY, and how to cut the field from the last file: a TLV tag or a fixed offset and length.
 * Spec syntax: {@code PATH tlv TAG ENCODING} or {@code PATH offset OFFSET LENGTH ENCODING}; or, for a record file
 * as the social security card keeps its data items in, {@code PATH record TAG LENGTH ENCODING}: READ RECORD by the
 * record's identifier {@code TAG}, whose value must be {@code LENGTH} bytes (a fixed-length data item, padded).
 */
public record FieldRead(String name, List<Integer> path, Integer tlvTag, int offset, int length,
        FieldEncoding encoding, boolean record) {

    public FieldRead(String name, List<Integer> path, Integer tlvTag, int offset, int length,
            FieldEncoding encoding) {
        this(name, path, tlvTag, offset, length, encoding, false);
    }

    public FieldRead {
        path = List.copyOf(path);
        if (path.isEmpty()) {
            throw new IllegalArgumentException("a field needs at least one file id");
        }
    }

    public static FieldRead parse(String name, String spec) {
        String[] w = spec.trim().split("\\s+");
        if (w.length < 4) {
            throw new IllegalArgumentException("expected 'PATH tlv TAG ENCODING' or 'PATH offset OFF LEN ENCODING',"
                    + " got '" + spec + "'");
        }
        List<Integer> path = new ArrayList<>();
        for (String fid : w[0].split("/")) {
            byte[] b = Hex.parse(fid);
            if (b.length != 2) {
                throw new IllegalArgumentException("file ids are 2 bytes of hex, got '" + fid + "'");
            }
            path.add(((b[0] & 0xFF) << 8) | (b[1] & 0xFF));
        }
        try {
            if (w[1].equals("tlv") && w.length == 4) {
                byte[] tag = Hex.parse(w[2]);
                if (tag.length != 1) {
                    throw new IllegalArgumentException("a TLV tag is one byte of hex, got '" + w[2] + "'");
                }
                return new FieldRead(name, path, tag[0] & 0xFF, 0, 0, FieldEncoding.parse(w[3]));
            }
            if (w[1].equals("record") && w.length == 5) {
                byte[] tag = Hex.parse(w[2]);
                int len = Integer.parseInt(w[3]);
                if (tag.length != 1 || tag[0] == 0) {
                    throw new IllegalArgumentException("a record identifier is one byte of hex 01..FF, got '" + w[2]
                            + "'");
                }
                if (len <= 0 || len > 253) {
                    throw new IllegalArgumentException("a record's length is 1..253, got " + len);
                }
                return new FieldRead(name, path, tag[0] & 0xFF, 0, len, FieldEncoding.parse(w[4]), true);
            }
            if (w[1].equals("offset") && w.length == 5) {
                int off = Integer.parseInt(w[2]);
                int len = Integer.parseInt(w[3]);
                if (off < 0 || len <= 0) {
                    throw new IllegalArgumentException("offset must be >= 0 and length > 0 in '" + spec + "'");
                }
                return new FieldRead(name, path, null, off, len, FieldEncoding.parse(w[4]));
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("offset and length are decimal numbers in '" + spec + "'");
        }
        throw new IllegalArgumentException("expected 'PATH tlv TAG ENCODING', 'PATH offset OFF LEN ENCODING' or"
                + " 'PATH record TAG LEN ENCODING', got '" + spec + "'");
    }

    /** The field's text in the file's content, or empty when the tag is missing or the file too short. */
    public Optional<String> extract(byte[] file) {
        if (tlvTag != null) {
            return Tlv.find(file, tlvTag).map(encoding::decode);
        }
        if (offset + length > file.length) {
            return Optional.empty();
        }
        return Optional.of(encoding.decode(Arrays.copyOfRange(file, offset, offset + length)));
    }

    /** The path as written, e.g. {@code DDF1/EF06}. */
    public String pathText() {
        return String.join("/", path.stream().map(f -> String.format("%04X", f)).toList());
    }
}
