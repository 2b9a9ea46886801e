package org.govkiosk.device.idcard;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The 256-byte text blocks of the documents a SAM reader reads: fixed-width UCS-2LE fields padded with spaces,
 * told apart by the card-type marker at byte 248 (character 124): none for a resident ID card, "J" for a Hong
 * Kong/Macau/Taiwan residence permit, "I" for the 2017 foreigner permanent residence card, "Y" for the 2023 one.
 * <p>Sources: the resident layout is the one in GA 467 and every vendor SDK. The J and I layouts follow the
 * vendor SDK headers (e.g. the {@code t_idcardinfor} / {@code t_idforeigner} structs in Johann356/readinfo,
 * PCSCGetData.h). The Y layout follows the {@code t_idforeigner2023} struct of the same file, which matches
 * 《新版外国人永久居留身份证机读信息规则(2023版)》 as republished by reader vendors: the Chinese name comes first,
 * the English name spans two fields (characters 1-35 where the resident card has its address, 36-46 just before
 * the nationality), and the last field links to the holder's number of the 2017 edition.
 */
public enum TextLayout {
    RESIDENT("resident", null,
            "name", 30, "sex", 2, "nation", 4, "birth", 16, "address", 70, "id", 36, "authority", 30,
            "from", 16, "until", 16, "reserved", 36),
    HMT_RESIDENCE_PERMIT("hmt", 'J',
            "name", 30, "sex", 2, "reserved-1", 4, "birth", 16, "address", 70, "id", 36, "authority", 30,
            "from", 16, "until", 16, "pass-number", 18, "issue-count", 4, "reserved-2", 6, "type", 2,
            "reserved-3", 6),
    FOREIGN_2017("foreign-2017", 'I',
            "english-name", 120, "sex", 2, "id", 30, "nationality", 6, "chinese-name", 30, "from", 16,
            "until", 16, "birth", 16, "card-version", 4, "authority-code", 8, "type", 2, "reserved", 6),
    FOREIGN_2023("foreign-2023", 'Y',
            "chinese-name", 30, "sex", 2, "renewal-count", 4, "birth", 16, "english-name", 70, "id", 36,
            "reserved", 30, "from", 16, "until", 16, "english-name-more", 22, "nationality", 6, "type", 2,
            "previous-number-link", 6);

    public static final int BLOCK_LENGTH = 256;
    /** Byte offset of the card-type marker (character 124). */
    public static final int TYPE_OFFSET = 248;

    /** One field: its name (as simulator card files use it), byte offset and width. */
    public record Field(String name, int offset, int width) {
    }

    private final String configName;
    private final Character marker;
    private final List<Field> fields;

    TextLayout(String configName, Character marker, Object... namesAndWidths) {
        this.configName = configName;
        this.marker = marker;
        List<Field> list = new ArrayList<>();
        int offset = 0;
        for (int i = 0; i < namesAndWidths.length; i += 2) {
            int width = (Integer) namesAndWidths[i + 1];
            list.add(new Field((String) namesAndWidths[i], offset, width));
            offset += width;
        }
        if (offset != BLOCK_LENGTH) {
            throw new IllegalStateException(configName + " layout covers " + offset + " bytes");
        }
        this.fields = List.copyOf(list);
    }

    /** How simulator card files name the layout: resident, hmt, foreign-2017, foreign-2023. */
    public String configName() {
        return configName;
    }

    /** The card-type marker; empty for the resident card, which has none. */
    public Optional<Character> marker() {
        return Optional.ofNullable(marker);
    }

    public List<Field> fields() {
        return fields;
    }

    /** The layout a block's type marker names; empty for a marker no known document uses. */
    public static Optional<TextLayout> detect(byte[] block) {
        if (block == null || block.length != BLOCK_LENGTH) {
            return Optional.empty();
        }
        char c = (char) ((block[TYPE_OFFSET] & 0xFF) | (block[TYPE_OFFSET + 1] & 0xFF) << 8);
        if (c == ' ' || c == 0) {
            return Optional.of(RESIDENT);
        }
        return Arrays.stream(values()).filter(l -> l.marker != null && l.marker == c).findFirst();
    }

    public static Optional<TextLayout> fromConfigName(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(l -> l.configName.equals(n)).findFirst();
    }

    /** Every field's text with the padding (spaces, NULs) trimmed off both ends. */
    public Map<String, String> read(byte[] block) {
        if (block.length != BLOCK_LENGTH) {
            throw new IllegalArgumentException("text block must be " + BLOCK_LENGTH + " bytes");
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Field f : fields) {
            out.put(f.name(), trim(new String(block, f.offset(), f.width(), StandardCharsets.UTF_16LE)));
        }
        return out;
    }

    /**
     * A block with the given field values, space padded; the type marker is filled in unless given. For simulators
     * and fixtures, so it writes invalid values too, but refuses unknown fields and values that do not fit.
     */
    public byte[] write(Map<String, String> values) {
        byte[] block = new byte[BLOCK_LENGTH];
        for (int i = 0; i < BLOCK_LENGTH; i += 2) {
            block[i] = ' ';
        }
        Map<String, String> all = new LinkedHashMap<>(values);
        if (marker != null) {
            all.putIfAbsent("type", String.valueOf(marker));
        }
        for (Map.Entry<String, String> e : all.entrySet()) {
            Field f = fields.stream().filter(x -> x.name().equals(e.getKey())).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("layout " + configName + " has no field '"
                            + e.getKey() + "'; it has " + fields.stream().map(Field::name).toList()));
            byte[] b = e.getValue().getBytes(StandardCharsets.UTF_16LE);
            if (b.length > f.width()) {
                throw new IllegalArgumentException("field '" + f.name() + "' holds " + f.width() / 2
                        + " characters, got " + b.length / 2);
            }
            System.arraycopy(b, 0, block, f.offset(), b.length);
        }
        return block;
    }

    /** One field's text exactly as stored, padding included. */
    public String rawField(byte[] block, String name) {
        Field f = fields.stream().filter(x -> x.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("layout " + configName + " has no field " + name));
        return new String(block, f.offset(), f.width(), StandardCharsets.UTF_16LE);
    }

    private static String trim(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isPadding(s.charAt(start))) {
            start++;
        }
        while (end > start && isPadding(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    private static boolean isPadding(char c) {
        return c == ' ' || c == 0 || c == '\u3000';
    }
}
