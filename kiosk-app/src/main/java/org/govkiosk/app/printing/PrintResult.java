package org.govkiosk.app.printing;

import org.govkiosk.device.DeviceStatusDetail;
import org.govkiosk.print.model.Medium;

/** How a citizen's document ended up: on paper (and on which printer), or not, with why. */
public sealed interface PrintResult {

    /** @param fellBack true when the preferred printer failed or was out and the other one printed it */
    record Printed(String deviceId, Medium medium, String jobId, boolean fellBack) implements PrintResult {
    }

    /**
     * @param messageKey what to tell the citizen (an i18n key)
     * @param reason     for technicians: the last printer's failure, or NONE when no printer could be tried
     * @param retryable  whether trying again later can help (paper out: yes, once refilled)
     */
    record Failed(String messageKey, DeviceStatusDetail reason, boolean retryable, String jobId) implements PrintResult {
    }

    default boolean printed() {
        return this instanceof Printed;
    }
}
