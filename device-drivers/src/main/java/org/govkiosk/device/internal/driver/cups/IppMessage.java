package org.govkiosk.device.internal.driver.cups;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One IPP/1.1 message (RFC 8010), request or response, without its document data: {@code code} is the
 * operation id of a request or the status code of a response. Pure: bytes in, bytes out, no I/O. Only the value
 * types this driver needs are typed (integer, enum, boolean, strings); every other value is kept as raw bytes, so
 * collections and unknown tags pass through a decode without breaking the framing.
 */
public record IppMessage(int code, int requestId, List<Attribute> attributes) {

    public static final int PRINT_JOB = 0x0002;
    public static final int CANCEL_JOB = 0x0008;
    public static final int GET_JOB_ATTRIBUTES = 0x0009;
    public static final int GET_PRINTER_ATTRIBUTES = 0x000B;

    public static final int STATUS_OK = 0x0000;
    public static final int STATUS_NOT_FOUND = 0x0406;

    static final int GROUP_OPERATION = 0x01;
    static final int GROUP_JOB = 0x02;
    static final int GROUP_END = 0x03;
    static final int GROUP_PRINTER = 0x04;

    public static final int TAG_INTEGER = 0x21;
    public static final int TAG_BOOLEAN = 0x22;
    public static final int TAG_ENUM = 0x23;
    public static final int TAG_TEXT = 0x41;
    public static final int TAG_NAME = 0x42;
    public static final int TAG_KEYWORD = 0x44;
    public static final int TAG_URI = 0x45;
    public static final int TAG_CHARSET = 0x47;
    public static final int TAG_LANGUAGE = 0x48;
    public static final int TAG_MIME_TYPE = 0x49;

    /** One attribute with its group and all its values (a 1setOf has several). */
    public record Attribute(int group, int tag, String name, List<byte[]> values) {

        public Attribute {
            Objects.requireNonNull(name);
            values = List.copyOf(values);
        }

        public static Attribute string(int group, int tag, String name, String... values) {
            return new Attribute(group, tag, name,
                    java.util.Arrays.stream(values).map(v -> v.getBytes(StandardCharsets.UTF_8)).toList());
        }

        public static Attribute integer(int group, int tag, String name, int value) {
            return new Attribute(group, tag, name, List.of(ByteBuffer.allocate(4).putInt(value).array()));
        }

        public static Attribute bool(int group, String name, boolean value) {
            return new Attribute(group, TAG_BOOLEAN, name, List.of(new byte[] {(byte) (value ? 1 : 0)}));
        }

        public List<String> strings() {
            return values.stream().map(v -> new String(v, StandardCharsets.UTF_8)).toList();
        }

        /** The first value as a number (integer and enum are 4 bytes, boolean 1 byte). */
        public int intValue() {
            byte[] v = values.get(0);
            return v.length == 1 ? v[0] : ByteBuffer.wrap(v).getInt();
        }
    }

    public IppMessage {
        attributes = List.copyOf(attributes);
    }

    public Optional<Attribute> attribute(String name) {
        return attributes.stream().filter(a -> a.name().equals(name)).findFirst();
    }

    public boolean isSuccess() {
        return code >= 0 && code < 0x0100;
    }

    /** The request bytes, IPP version 1.1; attributes are written in order, a new group tag at each change. */
    public byte[] encode() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(1);
        out.write(1);
        writeShort(out, code);
        writeInt(out, requestId);
        int group = -1;
        for (Attribute a : attributes) {
            if (a.group() != group) {
                group = a.group();
                out.write(group);
            }
            boolean first = true;
            for (byte[] v : a.values()) {
                out.write(a.tag());
                byte[] name = first ? a.name().getBytes(StandardCharsets.UTF_8) : new byte[0];
                writeShort(out, name.length);
                out.writeBytes(name);
                writeShort(out, v.length);
                out.writeBytes(v);
                first = false;
            }
        }
        out.write(GROUP_END);
        return out.toByteArray();
    }

    /**
     * Decodes a response (or request) header and attributes; trailing document data is ignored.
     *
     * @throws IllegalArgumentException when the bytes are truncated or not IPP
     */
    public static IppMessage decode(byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        try {
            int major = in.get();
            in.get();
            if (major < 1 || major > 2) {
                throw new IllegalArgumentException("not an IPP message: version " + major);
            }
            int code = in.getShort() & 0xFFFF;
            int requestId = in.getInt();
            List<Attribute> attributes = new ArrayList<>();
            int group = -1;
            String name = null;
            int tag = -1;
            List<byte[]> values = new ArrayList<>();
            while (true) {
                int t = in.get() & 0xFF;
                if (t < 0x10) { // a delimiter: a new group, or the end
                    if (name != null) {
                        attributes.add(new Attribute(group, tag, name, values));
                        name = null;
                    }
                    if (t == GROUP_END) {
                        return new IppMessage(code, requestId, attributes);
                    }
                    group = t;
                    continue;
                }
                byte[] n = new byte[in.getShort() & 0xFFFF];
                in.get(n);
                byte[] v = new byte[in.getShort() & 0xFFFF];
                in.get(v);
                if (n.length > 0) {
                    if (name != null) {
                        attributes.add(new Attribute(group, tag, name, values));
                    }
                    name = new String(n, StandardCharsets.UTF_8);
                    tag = t;
                    values = new ArrayList<>();
                }
                if (name == null) {
                    throw new IllegalArgumentException("an additional value with no attribute before it");
                }
                values.add(v);
            }
        } catch (java.nio.BufferUnderflowException e) {
            throw new IllegalArgumentException("truncated IPP message (" + bytes.length + " bytes)", e);
        }
    }

    private static void writeShort(ByteArrayOutputStream out, int v) {
        out.write((v >> 8) & 0xFF);
        out.write(v & 0xFF);
    }

    private static void writeInt(ByteArrayOutputStream out, int v) {
        writeShort(out, (v >> 16) & 0xFFFF);
        writeShort(out, v & 0xFFFF);
    }
}
