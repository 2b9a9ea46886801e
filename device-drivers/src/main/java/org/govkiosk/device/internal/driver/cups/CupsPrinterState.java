package org.govkiosk.device.internal.driver.cups;

import java.util.List;

/**
 * A CUPS queue's state as IPP reports it: {@code printer-state} (3 idle, 4 processing, 5 stopped),
 * {@code printer-is-accepting-jobs} and the {@code printer-state-reasons} keywords (e.g. {@code media-empty-error},
 * {@code paused}, {@code none}).
 */
public record CupsPrinterState(int state, boolean acceptingJobs, List<String> reasons) {

    public static final int IDLE = 3;
    public static final int PROCESSING = 4;
    public static final int STOPPED = 5;

    public CupsPrinterState {
        reasons = List.copyOf(reasons);
    }
}
