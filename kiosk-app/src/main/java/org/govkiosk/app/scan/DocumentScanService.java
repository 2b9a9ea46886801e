package org.govkiosk.app.scan;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.govkiosk.api.Attachment;
import org.govkiosk.device.DeviceException;
import org.govkiosk.device.DocumentCamera;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scans a citizen's paper material with the terminal's document camera (高拍仪): asks the camera for its next
 * picture and makes it a page for the case. Only cameras set up for documents count; none configured means no
 * scanning is offered at all. Blocking: call it off the FX thread. Pages are personal data and never logged.
 */
public final class DocumentScanService {

    private static final Logger LOG = LoggerFactory.getLogger(DocumentScanService.class);

    private final List<DocumentCamera> cameras;
    private final Duration timeout;

    /** @param timeout how long the citizen has to place the paper before the camera gives up */
    public DocumentScanService(List<? extends DocumentCamera> cameras, Duration timeout) {
        this.cameras = cameras.stream().filter(DocumentCamera::takesDocuments).map(c -> (DocumentCamera) c).toList();
        this.timeout = timeout;
    }

    /** The document cameras this terminal has, usable or not. */
    public List<DocumentCamera> cameras() {
        return cameras;
    }

    public boolean usable() {
        return camera().isPresent();
    }

    private Optional<DocumentCamera> camera() {
        return cameras.stream().filter(c -> c.status().isUsable()).findFirst();
    }

    /** @throws ScanFailedException with the key of what to tell the citizen */
    public Attachment scan() {
        DocumentCamera camera = camera().orElseThrow(() -> new ScanFailedException("apply.scan.unavailable",
                "no document camera is usable", null));
        DocumentCamera.Page page;
        try {
            page = camera.capture(timeout).get(timeout.toMillis() + 2_000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException | CompletionException e) {
            throw failed(camera, e.getCause() == null ? e : e.getCause());
        } catch (TimeoutException e) {
            throw failed(camera, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ScanFailedException("apply.scan.unavailable", "interrupted", e);
        }
        Attachment encoded = PageEncoder.encode(page.image());
        LOG.info("Scanned a page with {}: {} bytes", camera.id(), encoded.size());
        return encoded;
    }

    private static ScanFailedException failed(DocumentCamera camera, Throwable cause) {
        boolean noPicture = cause instanceof TimeoutException
                || cause instanceof DeviceException d && d.code() == DeviceException.Code.TIMEOUT;
        LOG.warn("Document camera {} gave no page: {}", camera.id(), cause.toString());
        return new ScanFailedException(noPicture ? "apply.scan.timeout" : "apply.scan.unavailable",
                "document camera " + camera.id() + " gave no page", cause);
    }
}
