package org.govkiosk.device.internal.driver.cups;

import org.govkiosk.device.DeviceException;

/**
 * What the driver asks of CUPS, one blocking call each. Failures are {@link DeviceException}s: a missing queue
 * is {@code PORT_NOT_FOUND}, an unreachable cupsd {@code IO_ERROR} with COMMUNICATION_ERROR.
 */
public interface CupsClient {

    CupsPrinterState printer(String queue) throws DeviceException;

    /** Submits a PDF and returns the CUPS job id. */
    int submit(String queue, String title, byte[] pdf) throws DeviceException;

    CupsJobState job(String queue, int jobId) throws DeviceException;

    void cancel(String queue, int jobId) throws DeviceException;

    /**
     * Removes an ended job from CUPS: its spooled document and its history (job name, user, times), which cupsd
     * otherwise keeps (PreserveJobFiles, PreserveJobHistory; a day and for ever by default).
     */
    void purge(String queue, int jobId) throws DeviceException;
}
