package org.govkiosk.app.ui;

import java.util.List;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import org.govkiosk.app.context.AppContext;
import org.govkiosk.app.config.LaunchOptions;
import org.govkiosk.app.session.SessionManager;
import org.govkiosk.app.ui.attract.AttractView;
import org.govkiosk.app.ui.attract.AttractViewModel;
import java.time.Duration;
import java.time.ZoneId;
import java.util.concurrent.Executor;
import org.govkiosk.app.context.TerminalPlatform;
import org.govkiosk.app.i18n.I18n;
import org.govkiosk.app.catalog.CatalogItem;
import org.govkiosk.api.RatingRequestEvent;
import org.govkiosk.app.journey.ApplicationOutcome;
import org.govkiosk.app.journey.ApplicationService;
import org.govkiosk.app.pad.PadRequest;
import org.govkiosk.app.journey.CaseNumbers;
import org.govkiosk.app.journey.CertificateIssuances;
import org.govkiosk.app.journey.DeliveryTracker;
import org.govkiosk.app.journey.JourneySettings;
import org.govkiosk.app.journey.ProgressService;
import org.govkiosk.app.journey.SupplementService;
import org.govkiosk.app.platform.PlatformClient;
import org.govkiosk.app.printing.PrintResult;
import org.govkiosk.app.ui.apply.ApplyViewModel;
import org.govkiosk.app.ui.apply.JourneyScreens;
import org.govkiosk.app.ui.progress.ProgressViewModel;
import org.govkiosk.app.ui.supplement.SupplementViewModel;
import org.govkiosk.app.ui.catalog.CatalogView;
import org.govkiosk.app.ui.catalog.CatalogViewModel;
import org.govkiosk.app.ui.guide.GuideDocuments;
import org.govkiosk.app.ui.guide.GuideView;
import org.govkiosk.app.ui.guide.GuideViewModel;
import org.govkiosk.app.ui.guide.PrintableGuide;
import org.govkiosk.app.ui.home.HomeView;
import org.govkiosk.app.ui.identify.IdentifyView;
import org.govkiosk.app.ui.identify.IdentifyViewModel;
import org.govkiosk.app.ui.keyboard.DatePickerViewModel;
import org.govkiosk.app.ui.keyboard.KeyboardDock;
import org.govkiosk.app.ui.keyboard.KeyboardViewModel;
import org.govkiosk.app.ui.keyboard.OnScreenKeyboardView;
import org.govkiosk.app.ui.keyboard.PinyinDictionary;
import org.govkiosk.app.ui.maintenance.MaintenanceTabs;
import org.govkiosk.app.ui.maintenance.MaintenanceView;
import org.govkiosk.app.ui.maintenance.MaintenanceViewModel;
import org.govkiosk.app.ui.maintenance.PinView;
import org.govkiosk.app.ui.maintenance.PinViewModel;
import org.govkiosk.app.ui.pad.PadView;
import org.govkiosk.app.ui.pad.PadViewModel;
import org.govkiosk.app.ui.shell.KeyboardWedgeCapture;
import org.govkiosk.app.ui.shell.ShellView;
import org.govkiosk.app.ui.shell.ShellViewModel;
import org.govkiosk.device.DeviceFamily;
import org.govkiosk.device.IdCardReader;
import org.govkiosk.device.KeyboardWedgeScanner;
import org.govkiosk.device.QrScanner;
import org.govkiosk.device.SmartCardReader;

/**
 * Builds the terminal's screens and wires them to the session: ViewModels live as long as the application and
 * are wiped at every session end; citizen Views are thrown away then and rebuilt for the next citizen.
 */
public final class KioskUi {

    private final AppContext context;
    private final Navigator navigator;
    private final ShellViewModel shellModel;
    private final ShellView shell;
    private final IdentifyViewModel identifyModel;
    private final KeyboardDock keyboard;
    /** The catalog's texts in the citizen's language, for every screen that names items. */
    private CatalogTexts catalogTexts;
    private JourneyScreens journeys;
    private ApplyViewModel applyModel;
    private ProgressViewModel progressModel;
    private SupplementViewModel supplementModel;
    /** The item a citizen chose to apply for before identifying; the application resumes once they have. */
    private CatalogItem pendingApply;
    /** 好差评 at the terminal: the journey just finished, rated on the same screen a window pad uses. */
    private PadViewModel rateModel;

    public KioskUi(AppContext context, Runnable exitApplication) {
        this.context = context;
        var i18n = context.i18n();
        var sessions = context.sessions();
        StackPane content = new StackPane();
        navigator = new Navigator(content);
        DeviceStatusBoard board = new DeviceStatusBoard(context.allDevices(), context.bus());

        shellModel = sessions.register(new ShellViewModel(i18n, sessions, navigator, context.clock(),
                context.config().ui().elderMode()));
        sessions.register(context.citizen());
        identifyModel = sessions.register(new IdentifyViewModel(context.citizen(), context.bus(),
                context.devicesOf(IdCardReader.class), context.devicesOf(SmartCardReader.class),
                context.devicesOf(QrScanner.class), board, context.clock(), new IdentifyViewModel.Licences(
                        new org.govkiosk.app.session.LicenceIdentification(
                                context.platformLink().connectingClient()),
                        code -> new CaseNumbers(context.config().terminal().hall().progressUrl()).scanned(code)
                                .isPresent(),
                        context.journeyThread(), javafx.application.Platform::runLater)));

        GuideViewModel guide = sessions.register(new GuideViewModel(i18n, this::printGuide,
                board.usableBinding(DeviceFamily.RECEIPT_PRINTER, DeviceFamily.DOCUMENT_PRINTER),
                javafx.application.Platform::runLater, item -> {
                    pendingApply = item;
                    journeys.apply(item);
                }));
        CatalogViewModel catalog = sessions.register(new CatalogViewModel(context.catalog(), item -> {
            guide.show(item);
            navigator.go(ScreenId.GUIDE);
        }, item -> {
            pendingApply = item;
            journeys.apply(item);
        }, () -> mostApplied(context)));
        navigator.register(ScreenId.CATALOG, () -> new CatalogView(catalog, i18n));
        navigator.register(ScreenId.GUIDE, () -> new GuideView(guide, i18n));

        var t = context.config().terminal();
        catalogTexts = CatalogTexts.of(context.catalog());
        rateModel = new PadViewModel(new PadViewModel.PadIdentity(t.id(), t.hallCode(), t.id()),
                org.govkiosk.api.RatingChannel.SELF_SERVICE_TERMINAL, this::submitRating,
                context.clock(), javafx.application.Platform::runLater, java.time.Duration.ofMinutes(2),
                java.time.Duration.ofSeconds(3));
        rateModel.connectionChanged(true); // ratings go to the outbox: always "connected"
        rateModel.stageProperty().addListener((obs, was, now) -> {
            if (now == PadViewModel.Stage.IDLE && navigator.current() == ScreenId.RATE) {
                navigator.go(ScreenId.HOME);
            }
        });
        sessions.onEnd(reason -> rateModel.dismiss());
        navigator.register(ScreenId.RATE, () -> new PadView(rateModel, i18n, t::hallName, null, catalogTexts));
        journeys = journeys(context, i18n, sessions, board);
        journeys.register((id, factory) -> navigator.register(ScreenId.valueOf(id.name()), factory));
        sessions.onEnd(reason -> pendingApply = null);

        AttractViewModel attract = new AttractViewModel(sessions, navigator, board, t::hallName,
                i18n.localeProperty(), context.clock(), context.config().session().farewell());
        PinViewModel pin = new PinViewModel(context.maintenance(), navigator, i18n);
        MaintenanceViewModel maintenance = new MaintenanceViewModel(board, context.deviceAdmin(),
                context.maintenance(), navigator, exitApplication, homeScreen(), i18n, ZoneId.systemDefault());
        MaintenanceTabs maintenanceTabs = MaintenanceTabs.create(context, board, javafx.application.Platform::runLater);

        navigator.register(ScreenId.ATTRACT, () -> new AttractView(attract, i18n));
        navigator.register(ScreenId.HOME, () -> new HomeView(navigator, i18n, () -> {
            catalog.open(CatalogViewModel.Purpose.GUIDE);
            navigator.go(ScreenId.CATALOG);
        }, () -> {
            catalog.open(CatalogViewModel.Purpose.APPLY);
            navigator.go(ScreenId.CATALOG);
        }, () -> journeys.progress(false), () -> journeys.progress(true)));
        navigator.register(ScreenId.IDENTIFY, () -> new IdentifyView(identifyModel, this::identified, i18n));
        navigator.register(ScreenId.MAINTENANCE_PIN, () -> new PinView(pin, i18n));
        navigator.register(ScreenId.MAINTENANCE, () -> new MaintenanceView(maintenance, maintenanceTabs, i18n));
        if (context.mode() == LaunchOptions.Mode.PAD) {
            var terminal = context.config().terminal();
            PadViewModel pad = new PadViewModel(new PadViewModel.PadIdentity(terminal.id(), terminal.hallCode(),
                    terminal.windowId()), this::submitRating, context.clock(),
                    javafx.application.Platform::runLater, java.time.Duration.ofMinutes(2),
                    java.time.Duration.ofSeconds(5));
            context.startPad(pad);
            navigator.register(ScreenId.PAD, () -> new PadView(pad, i18n, terminal::hallName, terminal.windowName(),
                    catalogTexts));
        } else {
            navigator.register(ScreenId.PAD, () -> new PadView(i18n, t::hallName,
                    context.config().terminal().windowName()));
        }

        sessions.onEnd(reason -> {
            navigator.discardCitizenScreens();
            if (reason != SessionManager.EndReason.MAINTENANCE) {
                navigator.reset(homeScreen());
            }
        });
        // Read off the FX thread once the first screen is up; long done by the time a citizen types pinyin.
        var dictionary = java.util.concurrent.CompletableFuture.supplyAsync(PinyinDictionary::load,
                context.afterFirstScreen(context.journeyThread()));
        KeyboardViewModel keyboardModel = new KeyboardViewModel(dictionary::join,
                new DatePickerViewModel(context.clock()));
        OnScreenKeyboardView keyboardView = new OnScreenKeyboardView(keyboardModel, i18n);
        keyboard = new KeyboardDock(keyboardModel, keyboardView.view(), content);
        keyboard.hideOnChange(navigator.currentProperty());
        shell = new ShellView(shellModel, sessions, i18n, t::hallName, content,
                keyboardView.view());
        navigator.reset(homeScreen());
    }

    /** Item codes, most applied for at this terminal in the last 30 days first. */
    private static List<String> mostApplied(AppContext context) {
        return context.usage().lastDays(30).applicationsByItem().entrySet().stream()
                .sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed()
                        .thenComparing(java.util.Map.Entry.comparingByKey()))
                .map(java.util.Map.Entry::getKey).toList();
    }

    private JourneyScreens journeys(AppContext context, I18n i18n, SessionManager sessions, DeviceStatusBoard board) {
        var terminal = context.config().terminal();
        var session = context.config().session();
        JourneySettings settings = new JourneySettings(terminal.hallName(), terminal.hall().address(),
                terminal.hall().phone(), terminal.id(), terminal.hall().progressUrl(),
                terminal.hall().correctionDays(), session.deliveryWait(), session.printTimeout(),
                ZoneId.systemDefault());
        TerminalPlatform link = context.platformLink();
        PlatformClient client = link.connectingClient();
        DeliveryTracker deliveries = DeliveryTracker.of(link.outbox(), link.deliveryWaits(),
                link::consecutiveFailures);
        ApplicationService applications = new ApplicationService(link.queue(), deliveries, client, context.printing(),
                settings, context.clock());
        ProgressService progressService = new ProgressService(client, context.printing(), settings,
                new CertificateIssuances(link.queue(), terminal.id(), terminal.hallCode(),
                        context.clock()));
        var scans = materialScans(context, board);
        supplementModel = sessions.register(new SupplementViewModel(new SupplementService(
                link.queue(), deliveries, client, context.printing(), settings, context.clock()), context.citizen(),
                context.journeyThread(), javafx.application.Platform::runLater, scans));
        Executor journeyThread = context.journeyThread();
        applyModel = sessions.register(new ApplyViewModel(applications, progressService, context.citizen(),
                identifyModel.phoneProperty(), journeyThread, javafx.application.Platform::runLater, scans,
                context.submissionKeys()));
        progressModel = sessions.register(new ProgressViewModel(progressService,
                new CaseNumbers(terminal.hall().progressUrl()), context.citizen(), context.bus(),
                context.devicesOf(QrScanner.class), journeyThread, javafx.application.Platform::runLater,
                catalogTexts));
        // Usage statistics count each submitted application once, by its item code only.
        applyModel.outcomeProperty().addListener((obs, was, now) -> {
            if (now != null && (was == null || !was.submitted().localId().equals(now.submitted().localId()))) {
                context.usage().applicationSubmitted(now.submitted().item().code());
            }
        });
        return new JourneyScreens(applyModel, progressModel, supplementModel, i18n,
                new JourneyScreens.Routes() {
            @Override
            public void go(JourneyScreens.Id screen) {
                if (screen == JourneyScreens.Id.APPLY_FORM) {
                    pendingApply = null; // the application has begun; nothing left to resume
                }
                navigator.go(ScreenId.valueOf(screen.name()));
                if (screen == JourneyScreens.Id.APPLY_RESULT) {
                    // Filed: the way back skips the application's steps, so nothing leads to 确认提交 again.
                    navigator.forget(java.util.EnumSet.of(ScreenId.APPLY_FORM, ScreenId.APPLY_MATERIALS,
                            ScreenId.APPLY_CONFIRM));
                }
            }

            @Override
            public void back() {
                navigator.back();
            }

            @Override
            public void identify() {
                navigator.go(ScreenId.IDENTIFY);
            }

            @Override
            public void finished() {
                rateJourney();
            }

            @Override
            public void supplementDone() {
                navigator.go(ScreenId.HOME);
            }

            @Override
            public void rate(org.govkiosk.app.journey.CaseProgress finished) {
                askRating("case-" + finished.caseNumber(), finished.caseNumber(), finished.itemCode(),
                        finished.itemName());
            }
        }, catalogTexts);
    }

    /** A rating goes to the outbox, and its level (nothing else) to the usage statistics. */
    private void submitRating(org.govkiosk.api.RatingSubmission rating) {
        context.platformLink().queue().submitRating(rating);
        context.usage().ratingGiven(rating.level());
    }

    /**
     * Scanning materials with the document camera: offered while one set up for documents is usable. Pages are
     * taken on a thread of their own, so a citizen waiting to place the paper holds up no other journey work.
     */
    private static org.govkiosk.app.ui.journey.MaterialScans materialScans(AppContext context, DeviceStatusBoard board) {
        var service = new org.govkiosk.app.scan.DocumentScanService(
                context.devicesOf(org.govkiosk.device.DocumentCamera.class), Duration.ofSeconds(20));
        java.util.Set<String> ids = service.cameras().stream().map(org.govkiosk.device.Device::id)
                .collect(java.util.stream.Collectors.toSet());
        List<DeviceStatusBoard.Row> rows = board.rows().stream().filter(r -> ids.contains(r.deviceId())).toList();
        javafx.beans.binding.BooleanBinding available = javafx.beans.binding.Bindings.createBooleanBinding(
                () -> rows.stream().anyMatch(r -> r.status().isUsable()),
                rows.stream().map(DeviceStatusBoard.Row::statusProperty).toArray(javafx.beans.Observable[]::new));
        Executor scanThread = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "document-scan");
            t.setDaemon(true);
            return t;
        });
        return new org.govkiosk.app.ui.journey.MaterialScans(service, available, scanThread,
                javafx.application.Platform::runLater);
    }

    /** After a journey the platform has a case number for, the citizen is asked to rate it (一次一评). */
    private void rateJourney() {
        ApplicationOutcome outcome = applyModel.outcomeProperty().get();
        if (outcome == null || outcome.caseNumber().isEmpty()) {
            navigator.go(ScreenId.HOME);
            return;
        }
        var submitted = outcome.submitted();
        askRating(submitted.localId(), outcome.caseNumber().get(), submitted.item().code(), submitted.item().name());
    }

    /** Shows the rating screen for one case; the platform keeps it to one rating per case and contact. */
    private void askRating(String requestId, String caseNumber, String itemCode, String itemName) {
        java.time.Instant now = context.clock().instant();
        java.time.Instant until = now.plus(java.time.Duration.ofMinutes(2));
        rateModel.requestArrived(new PadRequest(new RatingRequestEvent(requestId,
                context.config().terminal().hallCode(), null, caseNumber, "1", itemCode, itemName, null, null, now,
                until, now), until));
        navigator.go(ScreenId.RATE);
    }

    /** Identified: back to the application the citizen began, or to the menu. */
    private void identified() {
        CatalogItem item = pendingApply;
        pendingApply = null;
        if (item != null) {
            journeys.apply(item);
        } else {
            navigator.go(ScreenId.HOME);
        }
    }

    /** A guide on paper; the stage fails when no printer could print it, so the screen can say so. */
    private java.util.concurrent.CompletionStage<?> printGuide(PrintableGuide guide) {
        String jobId = "guide-" + guide.itemCode() + "-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        return context.printing().print(GuideDocuments.of(guide), jobId).thenApply(result -> {
            if (result instanceof PrintResult.Failed failed) {
                throw new java.util.concurrent.CompletionException(new IllegalStateException(failed.messageKey()));
            }
            return result;
        });
    }

    /** The screen between citizens: the attract screen, or the pad's idle screen. */
    public ScreenId homeScreen() {
        return context.mode() == LaunchOptions.Mode.PAD ? ScreenId.PAD : ScreenId.ATTRACT;
    }

    public Parent root() {
        return shell.root();
    }

    public void attach(Scene scene) {
        shell.attach(scene, shellModel, context.sessions());
        keyboard.attach(scene);
        KeyboardWedgeCapture.install(scene, context.devicesOf(KeyboardWedgeScanner.class));
    }

    public Navigator navigator() {
        return navigator;
    }

    public void stop() {
        shell.stop();
    }

    /** Every piece of session-scoped state that a test may inspect. */
    public List<Object> sessionModels() {
        return List.of(context.citizen(), identifyModel, shellModel, applyModel, progressModel, supplementModel);
    }

    public IdentifyViewModel identifyModel() {
        return identifyModel;
    }
}
