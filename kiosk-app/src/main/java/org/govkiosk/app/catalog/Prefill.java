package org.govkiosk.app.catalog;

import java.util.Arrays;
import java.util.Optional;

/**
 * Where a form field takes its value from, so a citizen never types what the terminal already read (ID card, the
 * phone number given at identification).
 */
public enum Prefill {
    NAME("identity.name"),
    ID_NUMBER("identity.id-number"),
    ADDRESS("identity.address"),
    SEX("identity.sex"),
    NATION("identity.nation"),
    BIRTH_DATE("identity.birth-date"),
    PHONE("contact.phone");

    private final String configName;

    Prefill(String configName) {
        this.configName = configName;
    }

    public String configName() {
        return configName;
    }

    public static Optional<Prefill> fromConfig(String name) {
        return Arrays.stream(values()).filter(p -> p.configName.equals(name)).findFirst();
    }
}
