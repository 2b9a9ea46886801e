package org.govkiosk.device;

import java.util.concurrent.CompletableFuture;

/** An A4 document printer. */
public interface DocumentPrinter extends Device {

    /** Prints a {@link PrintJob.Format#PDF} job; the outcome is also published as an event. */
    CompletableFuture<PrintOutcome> print(PrintJob job);
}
