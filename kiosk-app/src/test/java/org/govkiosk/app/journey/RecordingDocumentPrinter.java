package org.govkiosk.app.journey;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.govkiosk.device.DeviceEvent;
import org.govkiosk.device.DeviceFamily;
import org.govkiosk.device.DeviceStatusDetail;
import org.govkiosk.device.DeviceStatusInfo;
import org.govkiosk.device.DocumentPrinter;
import org.govkiosk.device.PrintJob;
import org.govkiosk.device.PrintOutcome;

/** An A4 printer that keeps its jobs so a test can read the PDFs back; the CUPS path has its own tests. */
public final class RecordingDocumentPrinter implements DocumentPrinter {

    public final List<PrintJob> jobs = new CopyOnWriteArrayList<>();
    public volatile DeviceStatusInfo status = DeviceStatusInfo.online();
    /** When set, jobs fail with this reason (a jam mid-job), as the driver reports it. */
    public volatile DeviceStatusDetail failWith;

    @Override
    public CompletableFuture<PrintOutcome> print(PrintJob job) {
        jobs.add(job);
        DeviceStatusDetail failure = failWith;
        if (failure != null) {
            return CompletableFuture.completedFuture(new DeviceEvent.PrintFailed(id(), Instant.now(), job.jobId(),
                    failure, true));
        }
        return CompletableFuture.completedFuture(new DeviceEvent.PrintCompleted(id(), Instant.now(), job.jobId()));
    }

    @Override
    public String id() {
        return "a4-1";
    }

    @Override
    public DeviceFamily family() {
        return DeviceFamily.DOCUMENT_PRINTER;
    }

    @Override
    public DeviceStatusInfo status() {
        return status;
    }

    @Override
    public void start() {
    }

    @Override
    public void close() {
    }
}
