package org.govkiosk.app.ui.apply;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import javafx.beans.property.SimpleBooleanProperty;
import org.govkiosk.app.catalog.MaterialForm;
import org.govkiosk.app.catalog.MaterialRequirement;
import org.govkiosk.app.journey.MaterialChoice;
import org.govkiosk.app.scan.DocumentScanService;
import org.govkiosk.app.testkit.FakeDocumentCamera;
import org.govkiosk.app.ui.journey.MaterialScans;
import org.govkiosk.device.DeviceException;
import org.govkiosk.device.DeviceStatusDetail;
import org.govkiosk.device.DocumentCamera;
import org.junit.jupiter.api.Test;

/** Scanning on the checklist, with a camera that answers what the test tells it to. */
class MaterialScansTest {

    private final FakeDocumentCamera camera = new FakeDocumentCamera();
    private final Queue<Runnable> background = new ArrayDeque<>();
    private final SimpleBooleanProperty available = new SimpleBooleanProperty(true);
    private final MaterialScans scans = new MaterialScans(new DocumentScanService(List.of(camera),
            Duration.ofSeconds(1)), available, background::add, Runnable::run);
    private final MaterialInput paper = new MaterialInput(new MaterialRequirement("劳动合同解除证明", "原单位出具",
            MaterialForm.COPY, 1, false, true, Optional.empty()));

    private static DocumentCamera.Page page() {
        return FakeDocumentCamera.page();
    }

    private void runBackground() {
        for (Runnable r; (r = background.poll()) != null; ) {
            r.run();
        }
    }

    @Test
    void aScannedPageMakesTheMaterialProvidedAndGoesWithItsDeclaration() {
        paper.choiceProperty().set(MaterialChoice.MISSING);
        camera.next = CompletableFuture.completedFuture(page());
        scans.scan(paper, () -> true, () -> 0);
        assertThat(paper.scanningProperty().get()).isTrue();
        assertThat(paper.scanMessageKeyProperty().get()).isEqualTo("apply.scan.place");
        runBackground();
        assertThat(paper.scanningProperty().get()).isFalse();
        assertThat(paper.scanMessageKeyProperty().get()).isEqualTo("apply.scan.done");
        assertThat(paper.choiceProperty().get()).isEqualTo(MaterialChoice.PROVIDED);
        assertThat(paper.declaration().pages()).hasSize(1);

        paper.choiceProperty().set(MaterialChoice.MISSING);
        assertThat(paper.pages()).as("a material declared missing has no pages").isEmpty();
        assertThat(paper.declaration().pages()).isEmpty();
    }

    @Test
    void noPictureSaysSoAndAPageForAnEndedSessionIsDropped() {
        camera.next = CompletableFuture.failedFuture(new DeviceException(DeviceException.Code.TIMEOUT,
                DeviceStatusDetail.NO_DATA_TIMEOUT, "nothing"));
        scans.scan(paper, () -> true, () -> 0);
        runBackground();
        assertThat(paper.scanMessageKeyProperty().get()).isEqualTo("apply.scan.timeout");
        assertThat(paper.pages()).isEmpty();

        camera.next = CompletableFuture.completedFuture(page());
        scans.scan(paper, () -> false, () -> 0);
        runBackground();
        assertThat(paper.pages()).isEmpty();
    }

    @Test
    void nothingIsOfferedWithoutAWorkingCameraAndACaseHasARoomLimit() {
        available.set(false);
        scans.scan(paper, () -> true, () -> 0);
        assertThat(background).isEmpty();
        assertThat(MaterialScans.none().available().get()).isFalse();

        available.set(true);
        camera.next = CompletableFuture.completedFuture(page());
        scans.scan(paper, () -> true, () -> org.govkiosk.api.CaseSubmission.MAX_ATTACHMENT_BYTES - 10);
        runBackground();
        assertThat(paper.scanMessageKeyProperty().get()).isEqualTo("apply.scan.case-full");
        assertThat(paper.pages()).isEmpty();
    }
}
