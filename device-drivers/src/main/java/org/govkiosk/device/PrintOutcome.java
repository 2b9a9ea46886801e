package org.govkiosk.device;

/** How a print job ended: completed only when the printer's status after the job was clean. */
public sealed interface PrintOutcome permits DeviceEvent.PrintCompleted, DeviceEvent.PrintFailed {

    String jobId();
}
