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

/** GB 3304 nation codes (01..56, 97, 98) and the names a resident ID card shows, from {@code nations.properties}. */
public final class Nations {

    private static final Map<String, String> BY_CODE = load();

    private Nations() {
    }

    /** The name for a two-digit code such as {@code "01"} → 汉; empty for anything else. */
    public static Optional<String> name(String code) {
        return Optional.ofNullable(code == null ? null : BY_CODE.get(code));
    }

    /** The code of a name, for simulators and fixtures. */
    public static Optional<String> code(String name) {
        return BY_CODE.entrySet().stream().filter(e -> e.getValue().equals(name)).map(Map.Entry::getKey).findFirst();
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
