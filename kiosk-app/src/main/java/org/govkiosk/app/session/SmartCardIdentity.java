package org.govkiosk.app.session;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Who a smart card (e.g. a social security card) says the citizen is: the fields its profile read. Personal
 * data: {@link #toString()} names the fields only.
 */
public record SmartCardIdentity(String profileName, Map<String, String> fields) {

    public SmartCardIdentity {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    public Optional<String> field(String name) {
        return Optional.ofNullable(fields.get(name)).filter(v -> !v.isBlank());
    }

    /** The card's number as the screen may show it: by the one masking rule (first 3 and last 4). */
    public String maskedCardNumber() {
        return org.govkiosk.personal.Masking.cardNumber(field("card-number").or(() -> field("id-number")).orElse(""));
    }

    @Override
    public String toString() {
        return "SmartCardIdentity[profile=" + profileName + ", fields=" + fields.keySet() + "]";
    }
}
