package org.govkiosk.device;

import java.util.concurrent.CompletableFuture;

/** A thermal receipt printer (58/80 mm, ESC/POS). */
public interface ReceiptPrinter extends Device {

    /** Prints an {@link PrintJob.Format#ESC_POS} job; the outcome is also published as an event. */
    CompletableFuture<PrintOutcome> print(PrintJob job);
}
