package org.govkiosk.device.internal.driver.cups;

import java.util.List;

/** A CUPS job's {@code job-state} (RFC 8011 values) and {@code job-state-reasons}. */
public record CupsJobState(int state, List<String> reasons) {

    public static final int PENDING = 3;
    public static final int PENDING_HELD = 4;
    public static final int PROCESSING = 5;
    public static final int PROCESSING_STOPPED = 6;
    public static final int CANCELED = 7;
    public static final int ABORTED = 8;
    public static final int COMPLETED = 9;

    public CupsJobState {
        reasons = List.copyOf(reasons);
    }

    /** Whether the job will not change any more. */
    public boolean isFinal() {
        return state >= CANCELED;
    }
}
