package org.govkiosk.app.ui.journey;

import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.govkiosk.api.Attachment;
import org.govkiosk.api.CaseSubmission;
import org.govkiosk.api.Material;
import org.govkiosk.app.scan.DocumentScanService;
import org.govkiosk.app.scan.ScanFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scanning materials: a page taken with the document camera off the FX thread, attached to the material on it, on
 * the application's checklist and when handing materials in later (补交材料). Offered only while a document camera
 * is configured and usable.
 */
public final class MaterialScans {

    /** A material a page can be scanned for: a checklist line, or one a case waits for. FX thread only. */
    public interface Target {

        /** Whether the citizen may scan it: one they have on paper, not one the platform fetches. */
        boolean scannable();

        /** Its pages and scan line. */
        ScannedPages scans();

        /** A page came: the material now counts as handed over, scanned. */
        void provided();
    }

    /** The pages scanned of one material, and what its scan line says. FX thread only. */
    public static final class ScannedPages {

        private final ObservableList<Attachment> pages = FXCollections.observableArrayList();
        private final ReadOnlyBooleanWrapper scanning = new ReadOnlyBooleanWrapper(false);
        private final ReadOnlyStringWrapper messageKey = new ReadOnlyStringWrapper("");

        /** Pages scanned so far with the document camera. */
        public ObservableList<Attachment> pages() {
            return pages;
        }

        public ReadOnlyBooleanProperty scanningProperty() {
            return scanning.getReadOnlyProperty();
        }

        /** What the scan line says: place the paper, N pages scanned, or what went wrong. */
        public ReadOnlyStringProperty messageKeyProperty() {
            return messageKey.getReadOnlyProperty();
        }

        /** The material is no longer handed over: its pages go, they are no longer this material. */
        public void clear() {
            pages.clear();
            messageKey.set("");
        }

        void scanning(boolean on, String key) {
            scanning.set(on);
            messageKey.set(key);
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(MaterialScans.class);

    private final DocumentScanService service;
    private final ObservableBooleanValue available;
    private final Executor background;
    private final Executor fxThread;
    private final org.govkiosk.app.ui.camera.CameraPreviewModel preview;

    /**
     * @param available whether a document camera can take a page now (false with none configured or OFFLINE)
     */
    public MaterialScans(DocumentScanService service, ObservableBooleanValue available, Executor background,
            Executor fxThread) {
        this(service, available, background, fxThread, org.govkiosk.app.ui.camera.CameraPreviewModel.none(fxThread));
    }

    /** @param preview the document camera's live picture, on the screens where pages are scanned */
    public MaterialScans(DocumentScanService service, ObservableBooleanValue available, Executor background,
            Executor fxThread, org.govkiosk.app.ui.camera.CameraPreviewModel preview) {
        this.service = service;
        this.available = available;
        this.background = background;
        this.fxThread = fxThread;
        this.preview = preview;
    }

    /** The document camera's live picture (not {@link org.govkiosk.app.ui.camera.CameraPreviewModel#configured()} without a live camera). */
    public org.govkiosk.app.ui.camera.CameraPreviewModel preview() {
        return preview;
    }

    /** A terminal without a document camera: scanning is never offered. */
    public static MaterialScans none() {
        return new MaterialScans(null, new SimpleBooleanProperty(false), Runnable::run, Runnable::run);
    }

    public ObservableBooleanValue available() {
        return available;
    }

    /**
     * Takes a page for {@code material}; the material then counts as provided, scanned. Pages beyond what one
     * material or one case (or one supplement) may carry are refused with a message.
     *
     * @param stillWanted checked on the FX thread when the page comes: false once the session or application ended
     * @param pagesInCase bytes of pages the case (or supplement) holds already
     */
    public void scan(Target material, BooleanSupplier stillWanted, LongSupplier pagesInCase) {
        ScannedPages scans = material.scans();
        if (service == null || !available.get() || scans.scanningProperty().get() || !material.scannable()) {
            return;
        }
        if (scans.pages().size() >= Material.MAX_ATTACHMENTS) {
            scans.scanning(false, "apply.scan.too-many");
            return;
        }
        scans.scanning(true, "apply.scan.place");
        background.execute(() -> {
            Attachment page = null;
            String failure = null;
            try {
                page = service.scan();
            } catch (ScanFailedException e) {
                failure = e.messageKey();
            } catch (RuntimeException e) {
                LOG.error("Scanning a page failed", e);
                failure = "apply.scan.unavailable";
            }
            Attachment taken = page;
            String why = failure;
            fxThread.execute(() -> scanned(material, taken, why, stillWanted, pagesInCase));
        });
    }

    private static void scanned(Target material, Attachment page, String failure, BooleanSupplier stillWanted,
            LongSupplier pagesInCase) {
        if (!stillWanted.getAsBoolean()) {
            return; // the session or the application ended meanwhile: the page is dropped unseen
        }
        if (page == null) {
            material.scans().scanning(false, failure);
            return;
        }
        if (pagesInCase.getAsLong() + page.size() > CaseSubmission.MAX_ATTACHMENT_BYTES) {
            material.scans().scanning(false, "apply.scan.case-full");
            return;
        }
        material.provided();
        material.scans().pages().add(page);
        material.scans().scanning(false, "apply.scan.done");
    }
}
