package org.govkiosk.app.catalog;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of input a form field takes; each has its own keyboard and check. */
public enum FieldType {
    TEXT("text"),
    NUMBER("number"),
    DATE("date"),
    CHOICE("choice"),
    PHONE("phone"),
    ID_NUMBER("id-number");

    private final String configName;

    FieldType(String configName) {
        this.configName = configName;
    }

    public String configName() {
        return configName;
    }

    public static Optional<FieldType> fromConfig(String name) {
        return Arrays.stream(values()).filter(t -> t.configName.equals(name)).findFirst();
    }
}
