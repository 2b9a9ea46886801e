package org.govkiosk.app.maintenance;

import java.util.Objects;

/**
 * How one device's self-test went.
 *
 * @param messageKey what happened, an i18n key whose {0} is {@code shown}
 * @param shown      what the technician may see of the result: a job id, a masked card number, a masked code,
 *                   a key pressed; never personal data in clear
 */
public record SelfTestResult(String deviceId, boolean passed, String messageKey, String shown) {

    public SelfTestResult {
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(messageKey, "messageKey");
        shown = shown == null ? "" : shown;
    }
}
