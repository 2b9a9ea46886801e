package org.govkiosk.device.internal.codec.smartcard;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Which cards a profile is for (ATR prefix under a mask) and which fields to read from them. Loaded from
 * properties:
 * <pre>
 *   name=social-security-demo
 *   atr=3B 6C 00 00 47 4B          # prefix of the ATR
 *   atr-mask=FF FF 00 00 FF FF     # optional, as long as atr; 00 bits are ignored
 *   fields=card-number,name        # the order fields are read and shown in
 *   field.card-number=DDF1/EF05 tlv 07 ascii
 *   field.name=DDF1/EF06 tlv 09 gbk
 * </pre>
 * A card that keeps its data in an application (the social security card's SSSE) adds:
 * <pre>
 *   select-aid=73 78 31 2E ...     # SELECT by AID (00 A4 04 00) before anything; its files are then
 *                                  # selected under it (00 A4 02 00) and record fields read with READ RECORD
 *   psam=optional                  # none (default), optional or required: external authentication through
 *                                  # a PSAM in a second reader before reading (see ProfileReader)
 *   psam.key=01                    # the card's external-authentication key id (P2 of EXTERNAL AUTHENTICATE)
 *   check.id-number=gb11643        # the field must be a GB 11643 number with a right check character
 * </pre>
 */
public record ApduProfile(String name, byte[] atrPrefix, byte[] atrMask, List<FieldRead> fields, byte[] aid,
        Psam psam, int psamKey, List<String> idNumberChecks) {

    /** Whether the card must be authenticated through a PSAM before it is read. */
    public enum Psam { NONE, OPTIONAL, REQUIRED }

    public ApduProfile(String name, byte[] atrPrefix, byte[] atrMask, List<FieldRead> fields) {
        this(name, atrPrefix, atrMask, fields, new byte[0], Psam.NONE, 0, List.of());
    }

    public ApduProfile {
        fields = List.copyOf(fields);
        idNumberChecks = List.copyOf(idNumberChecks);
        aid = aid.clone();
        if (aid.length > 16) {
            throw new IllegalArgumentException("an AID has at most 16 bytes, has " + aid.length);
        }
        if (atrMask.length != atrPrefix.length) {
            throw new IllegalArgumentException("atr-mask must be as long as atr");
        }
    }

    public boolean matches(byte[] atr) {
        if (atr.length < atrPrefix.length) {
            return false;
        }
        for (int i = 0; i < atrPrefix.length; i++) {
            if ((atr[i] & atrMask[i]) != (atrPrefix[i] & atrMask[i])) {
                return false;
            }
        }
        return true;
    }

    /** Parses one profile; {@code source} names the file in messages. Throws naming the key that is wrong. */
    public static ApduProfile parse(Properties p, String source) {
        String name = required(p, "name", source);
        byte[] atr = hex(required(p, "atr", source), "atr", source);
        byte[] mask = p.getProperty("atr-mask") == null ? filled(atr.length)
                : hex(p.getProperty("atr-mask"), "atr-mask", source);
        if (mask.length != atr.length) {
            throw new IllegalArgumentException(source + ": atr-mask: must have as many bytes as atr (" + atr.length
                    + "), has " + mask.length);
        }
        List<FieldRead> fields = new ArrayList<>();
        for (String field : required(p, "fields", source).split(",")) {
            String f = field.trim();
            String spec = p.getProperty("field." + f);
            if (spec == null) {
                throw new IllegalArgumentException(source + ": field." + f + ": missing, but listed in fields");
            }
            try {
                fields.add(FieldRead.parse(f, spec));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(source + ": field." + f + ": " + e.getMessage(), e);
            }
        }
        for (String key : p.stringPropertyNames()) {
            if (key.startsWith("field.") && fields.stream().noneMatch(f -> key.equals("field." + f.name()))) {
                throw new IllegalArgumentException(source + ": " + key + ": not listed in fields");
            }
        }
        byte[] aid = p.getProperty("select-aid") == null ? new byte[0]
                : hex(p.getProperty("select-aid"), "select-aid", source);
        if (aid.length > 16 || (p.getProperty("select-aid") != null && aid.length < 5)) {
            throw new IllegalArgumentException(source + ": select-aid: an AID has 5 to 16 bytes, has " + aid.length);
        }
        Psam psam;
        try {
            psam = Psam.valueOf(p.getProperty("psam", "none").trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": psam: must be none, optional or required, got '"
                    + p.getProperty("psam") + "'", e);
        }
        int psamKey = 0;
        if (psam != Psam.NONE) {
            byte[] key = hex(required(p, "psam.key", source), "psam.key", source);
            if (key.length != 1) {
                throw new IllegalArgumentException(source + ": psam.key: one byte of hex, got " + key.length);
            }
            psamKey = key[0] & 0xFF;
        }
        List<String> checks = new ArrayList<>();
        for (String key : p.stringPropertyNames()) {
            if (key.startsWith("check.")) {
                String field = key.substring("check.".length());
                if (!"gb11643".equals(p.getProperty(key).trim())) {
                    throw new IllegalArgumentException(source + ": " + key + ": the only check is gb11643, got '"
                            + p.getProperty(key) + "'");
                }
                if (fields.stream().noneMatch(f -> f.name().equals(field))) {
                    throw new IllegalArgumentException(source + ": " + key + ": no such field");
                }
                checks.add(field);
            }
        }
        boolean records = fields.stream().anyMatch(FieldRead::record);
        if (records && aid.length == 0) {
            throw new IllegalArgumentException(source + ": record fields are read inside an application: set"
                    + " select-aid");
        }
        return new ApduProfile(name, atr, mask, fields, aid, psam, psamKey, checks);
    }

    @Override
    public byte[] aid() {
        return aid.clone();
    }

    /** Whether the profile selects an application by AID first. */
    public boolean selectsApplication() {
        return aid.length > 0;
    }

    /** Fields grouped by the file they are cut from, in first-use order; each file is read once. */
    public Map<List<Integer>, List<FieldRead>> byFile() {
        Map<List<Integer>, List<FieldRead>> files = new LinkedHashMap<>();
        for (FieldRead f : fields) {
            files.computeIfAbsent(f.path(), k -> new ArrayList<>()).add(f);
        }
        return files;
    }

    private static String required(Properties p, String key, String source) {
        String v = p.getProperty(key);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException(source + ": " + key + ": missing");
        }
        return v.trim();
    }

    private static byte[] hex(String text, String key, String source) {
        try {
            return Hex.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": " + key + ": " + e.getMessage(), e);
        }
    }

    private static byte[] filled(int n) {
        byte[] b = new byte[n];
        java.util.Arrays.fill(b, (byte) 0xFF);
        return b;
    }

    @Override
    public String toString() {
        return "ApduProfile[" + name + ", atr=" + Hex.of(atrPrefix) + "/" + Hex.of(atrMask) + ", fields="
                + fields.stream().map(FieldRead::name).toList() + "]";
    }
}
