package org.govkiosk.device;

import java.util.Objects;

/**
 * A rendered job for a printer: ESC/POS bytes for a receipt printer, a PDF for a document printer.
 * The job id stays the same across retries so a reprint is recognisable.
 */
public record PrintJob(String jobId, Format format, byte[] data) {

    public enum Format { ESC_POS, PDF }

    public PrintJob {
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(format, "format");
        data = data.clone();
    }

    @Override
    public byte[] data() {
        return data.clone();
    }
}
