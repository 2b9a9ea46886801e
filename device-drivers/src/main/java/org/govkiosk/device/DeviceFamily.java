package org.govkiosk.device;

import java.util.Arrays;
import java.util.Optional;

/** The device families a terminal can have; {@link #configName()} is how config files name them. */
public enum DeviceFamily {
    ID_CARD_READER("id-card-reader"),
    SMART_CARD_READER("smart-card-reader"),
    QR_SCANNER("qr-scanner"),
    RECEIPT_PRINTER("receipt-printer"),
    DOCUMENT_PRINTER("document-printer"),
    RATING_PAD("rating-pad");

    private final String configName;

    DeviceFamily(String configName) {
        this.configName = configName;
    }

    public String configName() {
        return configName;
    }

    public static Optional<DeviceFamily> fromConfigName(String name) {
        return Arrays.stream(values()).filter(f -> f.configName.equals(name)).findFirst();
    }
}
