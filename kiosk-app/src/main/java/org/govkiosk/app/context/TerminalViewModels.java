package org.govkiosk.app.context;

import java.io.File;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.application.Platform;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.value.ObservableStringValue;
import org.govkiosk.api.RatingChannel;
import org.govkiosk.api.RatingSubmission;
import org.govkiosk.app.catalog.CatalogItem;
import org.govkiosk.app.config.LaunchOptions;
import org.govkiosk.app.config.TerminalConfig;
import org.govkiosk.app.i18n.I18n;
import org.govkiosk.app.maintenance.ConfigReload;
import org.govkiosk.app.maintenance.ConfigSummary;
import org.govkiosk.app.maintenance.DeviceSelfTest;
import org.govkiosk.app.maintenance.LogExport;
import org.govkiosk.app.maintenance.OutboxAdmin;
import org.govkiosk.app.maintenance.RemovableMedia;
import org.govkiosk.app.maintenance.SelfTestResult;
import org.govkiosk.app.pad.PadListener;
import org.govkiosk.app.pad.SerialPadRelay;
import org.govkiosk.app.printing.PrintResult;
import org.govkiosk.app.session.CitizenSession;
import org.govkiosk.app.session.SessionManager;
import org.govkiosk.app.ui.CatalogTexts;
import org.govkiosk.app.ui.DeviceStatusBoard;
import org.govkiosk.app.ui.KioskViewModels;
import org.govkiosk.app.ui.Navigator;
import org.govkiosk.app.ui.ScreenId;
import org.govkiosk.app.ui.apply.ApplyViewModel;
import org.govkiosk.app.ui.catalog.CatalogViewModel;
import org.govkiosk.app.ui.guide.GuideDocuments;
import org.govkiosk.app.ui.guide.GuideViewModel;
import org.govkiosk.app.ui.guide.PrintableGuide;
import org.govkiosk.app.ui.identify.IdentifyViewModel;
import org.govkiosk.app.ui.journey.MaterialScans;
import org.govkiosk.app.ui.keyboard.DatePickerViewModel;
import org.govkiosk.app.ui.keyboard.KeyboardViewModel;
import org.govkiosk.app.ui.keyboard.PinyinDictionary;
import org.govkiosk.app.ui.maintenance.ConfigReloadViewModel;
import org.govkiosk.app.ui.maintenance.DeviceDashboardViewModel;
import org.govkiosk.app.ui.maintenance.LogExportViewModel;
import org.govkiosk.app.ui.maintenance.MaintenanceTabs;
import org.govkiosk.app.ui.maintenance.MaintenanceViewModel;
import org.govkiosk.app.ui.maintenance.OutboxAdminViewModel;
import org.govkiosk.app.ui.maintenance.PinViewModel;
import org.govkiosk.app.ui.maintenance.UsageViewModel;
import org.govkiosk.app.ui.pad.PadViewModel;
import org.govkiosk.app.ui.progress.ProgressViewModel;
import org.govkiosk.app.ui.supplement.SupplementViewModel;
import org.govkiosk.app.ui.camera.CameraPreviewModel;
import org.govkiosk.device.CameraPreview;
import org.govkiosk.device.Device;
import org.govkiosk.device.IdCardReader;
import org.govkiosk.device.KeyboardWedgeScanner;
import org.govkiosk.device.QrScanner;
import org.govkiosk.device.SmartCardReader;
import org.govkiosk.device.DeviceConfig;
import org.govkiosk.device.DeviceFamily;
import org.govkiosk.device.RatingPad;

/**
 * The UI's view models over the running terminal's services: the one place where the screens' composition meets
 * the composition root and its assemblies. {@link org.govkiosk.app.ui.KioskUi} gets this as a {@link
 * KioskViewModels} ({@link AppContext#viewModels()}), never the root or a service.
 */
final class TerminalViewModels implements KioskViewModels {

    /** View models hand their results to the FX thread through this. */
    private static final Executor FX = Platform::runLater;

    private final AppContext context;
    private final JourneysAssembly journeys;

    TerminalViewModels(AppContext context, JourneysAssembly journeys) {
        this.context = context;
        this.journeys = journeys;
    }

    @Override
    public I18n i18n() {
        return context.i18n();
    }

    @Override
    public Clock clock() {
        return context.clock();
    }

    @Override
    public TerminalConfig config() {
        return context.config();
    }

    @Override
    public LaunchOptions.Mode mode() {
        return context.mode();
    }

    @Override
    public SessionManager sessions() {
        return context.sessions();
    }

    @Override
    public CitizenSession citizen() {
        return context.citizen();
    }

    @Override
    public org.govkiosk.app.training.TrainingMode training() {
        return context.training();
    }

    @Override
    public DeviceStatusBoard statusBoard() {
        return new DeviceStatusBoard(context.allDevices(), context.bus());
    }

    @Override
    public CatalogTexts catalogTexts() {
        return CatalogTexts.of(context.catalog());
    }

    @Override
    public List<KeyboardWedgeScanner> keyboardWedgeScanners() {
        return context.devicesOf(KeyboardWedgeScanner.class);
    }

    @Override
    public IdentifyViewModel identify(DeviceStatusBoard board) {
        return new IdentifyViewModel(context.citizen(), context.bus(), context.devicesOf(IdCardReader.class),
                context.devicesOf(SmartCardReader.class), context.devicesOf(QrScanner.class), board, context.clock(),
                new IdentifyViewModel.Licences(journeys.licences(),
                        code -> journeys.caseNumbers().scanned(code).isPresent(), context.journeyThread(), FX));
    }

    @Override
    public CameraPreviewModel codeCameraPreview() {
        return new CameraPreviewModel(context.devicesOf(CameraPreview.class).stream()
                .filter(c -> c instanceof QrScanner).toList(), FX, "camera.preview.code");
    }

    @Override
    public GuideViewModel guide(DeviceStatusBoard board, Consumer<CatalogItem> apply) {
        return new GuideViewModel(context.i18n(), this::printGuide,
                board.usableBinding(DeviceFamily.RECEIPT_PRINTER, DeviceFamily.DOCUMENT_PRINTER), FX, apply);
    }

    /** A guide on paper; the stage fails when no printer could print it, so the screen can say so. */
    private CompletionStage<?> printGuide(PrintableGuide guide) {
        String jobId = "guide-" + guide.itemCode() + "-" + UUID.randomUUID().toString().substring(0, 8);
        return context.printing().print(GuideDocuments.of(guide), jobId).thenApply(result -> {
            if (result instanceof PrintResult.Failed failed) {
                throw new CompletionException(new IllegalStateException(failed.messageKey()));
            }
            return result;
        });
    }

    @Override
    public CatalogViewModel catalog(Consumer<CatalogItem> showGuide, Consumer<CatalogItem> apply) {
        return new CatalogViewModel(context.catalog(), showGuide, apply, this::mostApplied);
    }

    /** Item codes, most applied for at this terminal in the last 30 days first. */
    private List<String> mostApplied() {
        return context.usage().lastDays(30).applicationsByItem().entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).toList();
    }

    /** Pages are taken on the document camera's own thread, made and closed by the root. */
    @Override
    public MaterialScans materialScans(DeviceStatusBoard board) {
        var service = journeys.scans();
        Set<String> ids = service.cameras().stream().map(Device::id).collect(Collectors.toSet());
        List<DeviceStatusBoard.Row> rows = board.rows().stream().filter(r -> ids.contains(r.deviceId())).toList();
        BooleanBinding available = Bindings.createBooleanBinding(
                () -> rows.stream().anyMatch(r -> r.status().isUsable()),
                rows.stream().map(DeviceStatusBoard.Row::statusProperty).toArray(Observable[]::new));
        List<CameraPreview> documentCameras = context.devicesOf(CameraPreview.class).stream()
                .filter(c -> ids.contains(c.id())).toList();
        return new MaterialScans(service, available, journeys.scanThread(), FX,
                new CameraPreviewModel(documentCameras, FX, "camera.preview.page"));
    }

    @Override
    public ApplyViewModel apply(ObservableStringValue phone, MaterialScans scans) {
        ApplyViewModel model = new ApplyViewModel(journeys.applications(), journeys.progress(), context.citizen(),
                phone, context.journeyThread(), FX, scans, context.submissionKeys());
        // Usage statistics count each submitted application once, by its item code only.
        model.outcomeProperty().addListener((obs, was, now) -> {
            if (now != null && (was == null || !was.submitted().localId().equals(now.submitted().localId()))) {
                context.usage().applicationSubmitted(now.submitted().item().code());
            }
        });
        return model;
    }

    @Override
    public ProgressViewModel progress(CatalogTexts texts) {
        return new ProgressViewModel(journeys.progress(), journeys.caseNumbers(), context.citizen(), context.bus(),
                context.devicesOf(QrScanner.class), context.journeyThread(), FX, texts);
    }

    @Override
    public SupplementViewModel supplement(MaterialScans scans) {
        return new SupplementViewModel(journeys.supplements(), context.citizen(), context.journeyThread(), FX, scans);
    }

    @Override
    public PadViewModel terminalRating() {
        var t = context.config().terminal();
        PadViewModel model = new PadViewModel(new PadViewModel.PadIdentity(t.id(), t.hallCode(), t.id()),
                RatingChannel.SELF_SERVICE_TERMINAL, this::submitRating, context.clock(), FX,
                Duration.ofMinutes(2), Duration.ofSeconds(3));
        model.connectionChanged(true); // ratings go to the outbox: always "connected"
        return model;
    }

    @Override
    public PadViewModel windowPad() {
        var t = context.config().terminal();
        Duration displayLimit = Duration.ofMinutes(2);
        PadViewModel pad = new PadViewModel(new PadViewModel.PadIdentity(t.id(), t.hallCode(), t.windowId()),
                this::submitRating, context.clock(), FX, displayLimit, Duration.ofSeconds(5));
        context.startPad(serialPads(pad, t.windowName(), displayLimit));
        return pad;
    }

    /**
     * The serial five-key pads devices.yaml gives this window ({@code options.window-pad: "true"} on a rating-pad):
     * each shows the window's requests beside the screen and hands its keys to the screen's rules. Without any,
     * the screen alone.
     */
    private PadListener serialPads(PadViewModel screen, String windowName, Duration displayLimit) {
        Set<String> ids = context.config().devices().stream()
                .filter(d -> d.family() == DeviceFamily.RATING_PAD && d.enabled()
                        && d.option("window-pad").filter("true"::equals).isPresent())
                .map(DeviceConfig::id).collect(Collectors.toSet());
        boolean phone = context.config().devices().stream().filter(d -> ids.contains(d.id()))
                .anyMatch(d -> d.option("bad-rating-reasons").filter("phone"::equals).isPresent());
        screen.badKeyReasons(phone ? PadViewModel.BadKeyReasons.PHONE : PadViewModel.BadKeyReasons.SCREEN);
        PadListener listener = screen;
        List<SerialPadRelay> relays = new java.util.ArrayList<>();
        for (RatingPad serial : context.devicesOf(RatingPad.class)) {
            if (ids.contains(serial.id())) {
                SerialPadRelay relay = new SerialPadRelay(serial, context.bus(), listener, screen, windowName,
                        displayLimit, context.clock());
                relays.add(relay);
                listener = relay;
            }
        }
        List<SerialPadRelay> all = List.copyOf(relays);
        screen.onFinished(id -> all.forEach(r -> r.screenFinished(id)));
        return listener;
    }

    /** A rating goes to the outbox, and its level (nothing else) to the usage statistics. */
    private void submitRating(RatingSubmission rating) {
        context.platformLink().queue().submitRating(rating);
        context.usage().ratingGiven(rating.level());
    }

    @Override
    public PinViewModel pin(Navigator navigator) {
        return new PinViewModel(context.maintenance(), navigator, context.i18n());
    }

    @Override
    public MaintenanceViewModel maintenance(DeviceStatusBoard board, Navigator navigator, Runnable exitApplication,
            ScreenId serviceScreen) {
        return new MaintenanceViewModel(board, context.deviceAdmin(), context.maintenance(), navigator,
                exitApplication, serviceScreen, context.i18n(), ZoneId.systemDefault(), context.training());
    }

    /** Builds the maintenance services over the running terminal and their ViewModels. */
    @Override
    public MaintenanceTabs maintenanceTabs(DeviceStatusBoard board) {
        var i18n = context.i18n();
        Executor background = context.maintenanceThread();
        ZoneId zone = ZoneId.systemDefault();
        String terminalId = context.config().terminal().id();
        DeviceSelfTest selfTest = new DeviceSelfTest(context.allDevices(), context.bus(), context.printing()::printOn,
                context.audit(), context.clock(), zone, terminalId, Duration.ofSeconds(30));
        var devices = new DeviceDashboardViewModel(board, context.deviceCounters(),
                new DeviceDashboardViewModel.SelfTests() {
                    @Override
                    public CompletionStage<SelfTestResult> run(String deviceId) {
                        return selfTest.run(deviceId);
                    }

                    @Override
                    public String promptKey(String deviceId) {
                        return context.allDevices().stream().filter(d -> d.id().equals(deviceId)).findFirst()
                                .map(DeviceSelfTest::prompt).orElse("maintenance.selftest.unknown-device");
                    }
                }, i18n, FX, zone);
        var outbox = new OutboxAdminViewModel(new OutboxAdmin(context.platformLink().outbox(), context.audit(),
                context.clock()), i18n, background, FX);
        List<Path> roots = Arrays.stream(System.getProperty(MaintenanceTabs.EXPORT_ROOTS,
                        "/media" + File.pathSeparator + "/run/media")
                .split(File.pathSeparator)).filter(r -> !r.isBlank()).map(Path::of).toList();
        List<Path> logDirs = List.of(Path.of(System.getProperty(MaintenanceTabs.LOG_DIR, "/var/log/govkiosk")),
                context.dataDir().resolve("logs"));
        var export = new LogExportViewModel(RemovableMedia.of(roots), new LogExport(new LogExport.Sources(logDirs,
                context.dataDir().resolve("audit"), () -> ConfigSummary.of(context.config())), terminalId,
                context.clock(), zone, LogExport::freeSpace, context.audit()), i18n, background, FX);
        var sessions = context.sessions();
        // The session manager lives on the FX thread: new timeouts are handed to it there.
        ConfigReload reload = new ConfigReload(new ConfigReload.Loaded(context.config(), context.catalog()),
                () -> AppContext.loadConfiguration(context.options().configDir()),
                Map.of(ConfigReload.Section.SESSION, loaded -> {
                    var s = loaded.config().session();
                    FX.execute(() -> sessions.setTimeouts(s.idleTimeout(), s.warning()));
                }), context.audit());
        var config = new ConfigReloadViewModel(reload, i18n, background, FX);
        var usage = new UsageViewModel(context.usage(), code -> context.catalog().item(code).map(CatalogItem::name)
                .orElse(code), i18n, background, FX);
        return new MaintenanceTabs(devices, outbox, export, config, usage);
    }

    @Override
    public org.govkiosk.app.ui.shell.VoiceViewModel voice() {
        var voice = context.config().voice();
        return new org.govkiosk.app.ui.shell.VoiceViewModel(context.speech(), context.i18n(), context.sessions(),
                voice.enabled(), voice.volume());
    }

    @Override
    public KeyboardViewModel keyboard() {
        // Read off the FX thread once the first screen is up; long done by the time a citizen types pinyin.
        var dictionary = CompletableFuture.supplyAsync(PinyinDictionary::load,
                context.afterFirstScreen(context.journeyThread()));
        return new KeyboardViewModel(dictionary::join, new DatePickerViewModel(context.clock()));
    }
}
