package org.govkiosk.device.internal.driver.smartcard;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.govkiosk.personal.Masking;

/**
 * The fields a profile read from one card, in the profile's order. Fields the card lacked are absent.
 * {@link #toString()} masks every value: these are personal data.
 */
public record SmartCardData(String readerName, String atrHex, String profileName, Map<String, String> fields) {

    public SmartCardData {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    public Optional<String> field(String name) {
        return Optional.ofNullable(fields.get(name));
    }

    /**
     * By the one masking rule: names as names, numbers (card, ID) as numbers; anything else (birth date, sex) shows
     * nothing, as 3 + 4 characters of a date would be the date.
     */
    static String mask(String name, String value) {
        if (name.contains("name")) {
            return Masking.name(value);
        }
        return name.contains("number") ? Masking.cardNumber(value) : "*".repeat(value.length());
    }

    @Override
    public String toString() {
        return "SmartCardData[reader=" + readerName + ", profile=" + profileName + ", fields={"
                + fields.entrySet().stream().map(e -> e.getKey() + "=" + mask(e.getKey(), e.getValue()))
                        .collect(Collectors.joining(", "))
                + "}]";
    }
}
