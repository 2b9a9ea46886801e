package org.govkiosk.app.testkit;

import java.awt.image.BufferedImage;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import org.govkiosk.device.DeviceFamily;
import org.govkiosk.device.DeviceStatusInfo;
import org.govkiosk.device.DocumentCamera;

/** A document camera whose next answer the test sets. */
public final class FakeDocumentCamera implements DocumentCamera {

    public volatile CompletableFuture<Page> next;

    /** A blank A4-ish picture, as the camera would take of a page. */
    public static Page page() {
        return new Page(new BufferedImage(800, 600, BufferedImage.TYPE_INT_RGB), Instant.now());
    }

    @Override
    public boolean takesDocuments() {
        return true;
    }

    @Override
    public CompletableFuture<Page> capture(Duration timeout) {
        return next;
    }

    @Override
    public String id() {
        return "doccam-test";
    }

    @Override
    public DeviceFamily family() {
        return DeviceFamily.QR_SCANNER;
    }

    @Override
    public DeviceStatusInfo status() {
        return DeviceStatusInfo.online();
    }

    @Override
    public void start() {
    }

    @Override
    public void close() {
    }
}
