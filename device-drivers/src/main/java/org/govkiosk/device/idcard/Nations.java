package org.govkiosk.device.idcard;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * GB 3304 nation codes (01..56, 97, 98) and the names a resident ID card shows, from {@code nations.properties}. A
 * lawful card may carry a code the table lacks (a newer edition of the standard, a code a province issued): it is
 * read as {@link #unknown(String) 未知民族（代码 NN）}, never refused.
 */
public final class Nations {

    private static final Map<String, String> BY_CODE = load();
    /** What a card's nation reads as when its code is outside the table, in Chinese as the names are. */
    private static final java.util.regex.Pattern UNKNOWN = java.util.regex.Pattern.compile("未知民族（代码 (\\d{2})）");

    private Nations() {
    }

    /** The name for a two-digit code such as {@code "01"} → 汉; empty for anything else. */
    public static Optional<String> name(String code) {
        return Optional.ofNullable(code == null ? null : BY_CODE.get(code));
    }

    /** The code of a name (or of {@link #unknown(String)}'s text), for simulators, fixtures and screens. */
    public static Optional<String> code(String name) {
        if (name == null) {
            return Optional.empty();
        }
        Optional<String> unknown = unknownCode(name);
        if (unknown.isPresent()) {
            return unknown;
        }
        return BY_CODE.entrySet().stream().filter(e -> e.getValue().equals(name)).map(Map.Entry::getKey).findFirst();
    }

    /** Whether {@code code} is a two-digit code a card may carry, in the table or not. */
    public static boolean isWellFormed(String code) {
        return code != null && code.matches("\\d{2}");
    }

    /** The nation of a card whose two-digit code is outside the table: {@code 未知民族（代码 99）}. */
    public static String unknown(String code) {
        if (!isWellFormed(code)) {
            throw new IllegalArgumentException("a nation code has two digits, got '" + code + "'");
        }
        return "未知民族（代码 " + code + "）";
    }

    /** The code of a nation read as {@link #unknown(String)}; empty for a name from the table or anything else. */
    public static Optional<String> unknownCode(String nation) {
        if (nation == null) {
            return Optional.empty();
        }
        var m = UNKNOWN.matcher(nation);
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** Every code and name, in code order. */
    public static Map<String, String> all() {
        return BY_CODE;
    }

    private static Map<String, String> load() {
        Properties p = new Properties();
        try (InputStream in = Nations.class.getResourceAsStream("nations.properties")) {
            if (in == null) {
                throw new IllegalStateException("nations.properties is missing from the build");
            }
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> map = new TreeMap<>();
        p.stringPropertyNames().forEach(k -> map.put(k, p.getProperty(k)));
        return Collections.unmodifiableMap(map);
    }
}
