package org.govkiosk.app.ui.supplement;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.govkiosk.api.CaseState;
import org.govkiosk.api.Material;
import org.govkiosk.app.catalog.CatalogItem;
import org.govkiosk.app.catalog.MaterialRequirement;
import org.govkiosk.app.journey.Applications;
import org.govkiosk.app.journey.CaseNumbers;
import org.govkiosk.app.journey.CaseProgress;
import org.govkiosk.app.journey.JourneyRig;
import org.govkiosk.app.journey.MaterialChoice;
import org.govkiosk.app.journey.ProgressAnswer;
import org.govkiosk.app.session.CitizenSession;
import org.govkiosk.app.ui.progress.ProgressViewModel;
import org.govkiosk.device.DeviceEventBus;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import javafx.beans.property.SimpleBooleanProperty;
import org.govkiosk.app.scan.DocumentScanService;
import org.govkiosk.app.testkit.FakeDocumentCamera;
import org.govkiosk.device.DocumentCamera;
import org.govkiosk.app.ui.journey.MaterialScans;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 补交材料's ViewModel (and the progress screen's way to it) over the real services of {@link JourneyRig}; service
 * calls run inline, so each step's result is there when the call returns.
 */
class SupplementViewModelTest {

    @TempDir
    Path dir;

    private JourneyRig rig;
    private final CitizenSession session = new CitizenSession();
    private SupplementViewModel model;
    private ProgressViewModel progress;
    private List<MaterialRequirement> absent;
    private String number;

    @BeforeEach
    void start() throws Exception {
        rig = JourneyRig.start(dir);
        model = new SupplementViewModel(rig.supplements(), session, Runnable::run, Runnable::run);
        progress = new ProgressViewModel(rig.progress(), new CaseNumbers(JourneyRig.QUERY_URL), session,
                new DeviceEventBus(), List.of(), Runnable::run, Runnable::run);
        CatalogItem item = rig.item(Applications::promisedWithDeferrable);
        absent = item.materials().stream().filter(m -> m.eLicence().isEmpty()).filter(m -> m.key() || m.deferrable())
                .toList();
        number = rig.applications().submit(Applications.request(item,
                m -> absent.contains(m) ? MaterialChoice.MISSING : Applications.complete(m), false))
                .caseNumber().orElseThrow();
    }

    @AfterEach
    void stop() {
        rig.close();
    }

    /** The citizen identifies by ID card and queries their cases, as on the progress screen. */
    private CaseProgress foundByCard() {
        session.identityProperty().set(JourneyRig.card());
        progress.shown();
        progress.queryByCard();
        assertThat(progress.results()).extracting(CaseProgress::caseNumber).containsExactly(number);
        return progress.selectedProperty().get();
    }

    @Test
    void theProgressScreenOffersHandingInOnlyToTheIdentifiedApplicant() {
        progress.shown();
        number.chars().forEach(c -> progress.key((char) c));
        progress.queryTyped();
        assertThat(progress.selectedProperty().get().supplementable()).isTrue();
        assertThat(progress.canHandIn().get()).as("found by number, nobody identified").isFalse();
        assertThat(model.start(progress.selectedProperty().get())).isFalse();
        assertThat(model.messageKeyProperty().get()).isEqualTo("supplement.identify-first");

        foundByCard();
        assertThat(progress.canHandIn().get()).isTrue();
    }

    @Test
    void exactlyTheMissingMaterialsAreListedAndConfirmingNeedsOneTicked() {
        assertThat(model.start(foundByCard())).isTrue();
        assertThat(model.rows()).extracting(r -> r.material().name())
                .containsExactlyElementsOf(absent.stream().map(MaterialRequirement::name).toList());
        assertThat(model.canConfirm().get()).isFalse();
        model.confirm();
        assertThat(model.outcomeProperty().get()).as("nothing ticked, nothing handed in").isNull();

        model.rows().get(0).brought().set(true);
        assertThat(model.canConfirm().get()).isTrue();
    }

    @Test
    void handingEverythingInGetsTheCaseAcceptedAndTheReceiptPrinted() {
        model.start(foundByCard());
        model.rows().forEach(r -> r.brought().set(true));
        model.confirm();

        var outcome = model.outcomeProperty().get();
        assertThat(outcome).isNotNull();
        assertThat(SupplementViewModel.headlineKey(outcome)).isEqualTo("supplement.result.accepted");
        assertThat(model.canConfirm().get()).as("handed in once").isFalse();
        assertThat(model.busyProperty().get()).isFalse();
        assertThat(rig.receiptSim.lastDocument().orElseThrow().text()).contains("受理回执");
        assertThat(((ProgressAnswer.Found) rig.progress().byNumber(number)).cases().get(0).state())
                .isEqualTo(CaseState.ACCEPTED);
    }

    @Test
    void aPageScannedForAMaterialTicksItAndReachesThePlatformWithTheSupplement() throws Exception {
        FakeDocumentCamera camera = new FakeDocumentCamera();
        SimpleBooleanProperty cameraUsable = new SimpleBooleanProperty(true);
        java.util.Queue<Runnable> scanThread = new java.util.ArrayDeque<>();
        SupplementViewModel scanning = new SupplementViewModel(rig.supplements(), session, Runnable::run,
                Runnable::run, new MaterialScans(new DocumentScanService(List.of(camera), Duration.ofSeconds(5)),
                        cameraUsable, scanThread::add, Runnable::run));
        assertThat(scanning.start(foundByCard())).isTrue();
        assertThat(scanning.scanAvailable().get()).isTrue();
        SupplementViewModel.Row row = scanning.rows().get(0);

        CompletableFuture<DocumentCamera.Page> placing = new CompletableFuture<>();
        camera.next = placing;
        row.brought().set(true);
        scanning.scan(row);
        assertThat(scanning.canConfirm().get()).as("not while the page is being taken").isFalse();
        placing.complete(FakeDocumentCamera.page());
        scanThread.poll().run();
        assertThat(scanning.canConfirm().get()).isTrue();
        assertThat(row.scans().pages()).hasSize(1);
        assertThat(row.scans().messageKeyProperty().get()).isEqualTo("apply.scan.done");
        assertThat(row.brought().get()).as("a scanned material counts as brought").isTrue();
        row.brought().set(false);
        assertThat(row.scans().pages()).as("unticked: its pages are not handed in").isEmpty();
        scanning.scan(row);
        scanThread.poll().run();
        assertThat(scanning.canConfirm().get()).isTrue();

        scanning.confirm();
        assertThat(SupplementViewModel.headlineKey(scanning.outcomeProperty().get()))
                .isIn("supplement.result.partial", "supplement.result.accepted");
        assertThat(rig.platformRows("case_attachments", number)).as("the page stored by the platform")
                .isEqualTo(1);

        cameraUsable.set(false);
        assertThat(scanning.scanAvailable().get()).as("no usable camera, no scan offered").isFalse();
    }

    @Test
    void handingInPartTellsWhatIsStillMissing() {
        model.start(foundByCard());
        model.rows().get(0).brought().set(true);
        model.confirm();
        var outcome = model.outcomeProperty().get();
        assertThat(SupplementViewModel.headlineKey(outcome)).isEqualTo("supplement.result.partial");
        assertThat(outcome.stillMissing()).containsExactlyElementsOf(
                absent.stream().skip(1).map(MaterialRequirement::name).toList());
    }

    @Test
    void withThePlatformDownItIsQueuedAndTheSessionsEndWipesIt() {
        CaseProgress waiting = foundByCard();
        rig.platform.stop();
        model.start(waiting);
        model.rows().forEach(r -> r.brought().set(true));
        model.confirm();
        assertThat(SupplementViewModel.headlineKey(model.outcomeProperty().get()))
                .isEqualTo("supplement.result.queued");

        model.clearSessionData();
        assertThat(model.waitingProperty().get()).isNull();
        assertThat(model.rows()).isEmpty();
        assertThat(model.outcomeProperty().get()).isNull();
        assertThat(waiting.missingMaterials()).extracting(Material::code).isNotEmpty();
    }
}
