package org.govkiosk.app.ui;

import java.util.List;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import org.govkiosk.app.config.LaunchOptions;
import org.govkiosk.app.session.SessionManager;
import org.govkiosk.app.ui.attract.AttractView;
import org.govkiosk.app.ui.attract.AttractViewModel;
import org.govkiosk.app.i18n.I18n;
import org.govkiosk.app.catalog.CatalogItem;
import org.govkiosk.api.RatingRequestEvent;
import org.govkiosk.app.journey.ApplicationOutcome;
import org.govkiosk.app.pad.PadRequest;
import org.govkiosk.app.ui.apply.ApplyViewModel;
import org.govkiosk.app.ui.apply.JourneyScreens;
import org.govkiosk.app.ui.progress.ProgressViewModel;
import org.govkiosk.app.ui.supplement.SupplementViewModel;
import org.govkiosk.app.ui.catalog.CatalogView;
import org.govkiosk.app.ui.catalog.CatalogViewModel;
import org.govkiosk.app.ui.guide.GuideView;
import org.govkiosk.app.ui.guide.GuideViewModel;
import org.govkiosk.app.ui.home.HomeView;
import org.govkiosk.app.ui.identify.IdentifyView;
import org.govkiosk.app.ui.identify.IdentifyViewModel;
import org.govkiosk.app.ui.keyboard.KeyboardDock;
import org.govkiosk.app.ui.keyboard.KeyboardViewModel;
import org.govkiosk.app.ui.keyboard.OnScreenKeyboardView;
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
import org.govkiosk.app.ui.shell.VoiceViewModel;
import org.govkiosk.app.ui.journey.JourneyTexts;
import org.govkiosk.app.printing.PrintResult;

/**
 * Builds the terminal's screens and wires them to the session: ViewModels live as long as the application and
 * are wiped at every session end; citizen Views are thrown away then and rebuilt for the next citizen.
 */
public final class KioskUi {

    private final KioskViewModels models;
    private final Navigator navigator;
    private final ShellViewModel shellModel;
    private final VoiceViewModel voiceModel;
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
    /** 核验身份 was tapped on the progress screen: once identified, back there to print the certificate. */
    private boolean pendingPrint;
    /** 好差评 at the terminal: the journey just finished, rated on the same screen a window pad uses. */
    private PadViewModel rateModel;
    /** Made when maintenance mode is first opened (on the JavaFX thread). */
    private MaintenanceTabs maintenanceTabs;

    /**
     * @param models the view models over the terminal's services, made by the composition root
     * @param exitApplication maintenance mode's way out
     */
    public KioskUi(KioskViewModels models, Runnable exitApplication) {
        this.models = models;
        var i18n = models.i18n();
        var sessions = models.sessions();
        StackPane content = new StackPane();
        navigator = new Navigator(content);
        DeviceStatusBoard board = models.statusBoard();

        shellModel = sessions.register(new ShellViewModel(i18n, sessions, navigator, models.clock(),
                models.config().ui().elderMode(), models.training()));
        voiceModel = sessions.register(models.voice());
        voiceModel.followLargeType(shellModel.elderModeProperty());
        sessions.register(models.citizen());
        identifyModel = sessions.register(models.identify(board));

        GuideViewModel guide = sessions.register(models.guide(board, item -> {
            pendingApply = item;
            pendingPrint = false;
            journeys.apply(item);
        }));
        CatalogViewModel catalog = sessions.register(models.catalog(item -> {
            guide.show(item);
            navigator.go(ScreenId.GUIDE);
        }, item -> {
            pendingApply = item;
            pendingPrint = false;
            journeys.apply(item);
        }));
        navigator.register(ScreenId.CATALOG, () -> new CatalogView(catalog, i18n));
        navigator.register(ScreenId.GUIDE, () -> new GuideView(guide, i18n));

        var t = models.config().terminal();
        // Uyghur names wrap without JavaFX drawing a line twice (see I18n.wrappable).
        // On a Mongolian screen the Mongolian of the name (mn:) stands vertically beside the Chinese.
        HallName hallName = HallName.of(locale -> I18n.isRightToLeft(locale)
                ? I18n.wrappable(t.hallName(locale)) : t.hallName(locale), t::hallNameMongolian);
        catalogTexts = models.catalogTexts();
        rateModel = models.terminalRating();
        rateModel.stageProperty().addListener((obs, was, now) -> {
            if (now == PadViewModel.Stage.IDLE && navigator.current() == ScreenId.RATE) {
                navigator.go(ScreenId.HOME);
            }
        });
        sessions.onEnd(reason -> rateModel.dismiss());
        navigator.register(ScreenId.RATE, () -> new PadView(rateModel, i18n, hallName, null, catalogTexts));
        journeys = journeys(i18n, sessions, board);
        journeys.register((id, factory) -> navigator.register(ScreenId.valueOf(id.name()), factory));
        sessions.onEnd(reason -> {
            pendingApply = null;
            pendingPrint = false;
        });

        AttractViewModel attract = new AttractViewModel(sessions, navigator, board, hallName,
                i18n.localeProperty(), models.clock(), models.config().session().farewell());
        PinViewModel pin = models.pin(navigator);
        MaintenanceViewModel maintenance = models.maintenance(board, navigator, exitApplication, homeScreen());

        navigator.register(ScreenId.ATTRACT, () -> new AttractView(attract, i18n));
        navigator.register(ScreenId.HOME, () -> new HomeView(navigator, i18n, () -> {
            catalog.open(CatalogViewModel.Purpose.GUIDE);
            navigator.go(ScreenId.CATALOG);
        }, () -> {
            catalog.open(CatalogViewModel.Purpose.APPLY);
            navigator.go(ScreenId.CATALOG);
        }, () -> journeys.progress(false), () -> journeys.progress(true)));
        org.govkiosk.app.ui.camera.CameraPreviewModel codePreview = models.codeCameraPreview();
        navigator.register(ScreenId.IDENTIFY, () -> new IdentifyView(identifyModel, this::identified, i18n,
                codePreview));
        navigator.register(ScreenId.MAINTENANCE_PIN, () -> new PinView(pin, i18n));
        // The tabs' view models (self tests, the outbox, exports) are made when a technician first opens
        // maintenance mode, not at start: a citizen's first screen does not wait for them.
        navigator.register(ScreenId.MAINTENANCE, () -> new MaintenanceView(maintenance, maintenanceTabs(board), i18n));
        if (models.mode() == LaunchOptions.Mode.PAD) {
            PadViewModel pad = models.windowPad();
            navigator.register(ScreenId.PAD, () -> new PadView(pad, i18n, hallName, t.windowName(),
                    catalogTexts));
        } else {
            navigator.register(ScreenId.PAD, () -> new PadView(i18n, hallName, t.windowName()));
        }

        sessions.onEnd(reason -> {
            navigator.discardCitizenScreens();
            if (reason != SessionManager.EndReason.MAINTENANCE) {
                navigator.reset(homeScreen());
            }
        });
        KeyboardViewModel keyboardModel = models.keyboard();
        OnScreenKeyboardView keyboardView = new OnScreenKeyboardView(keyboardModel, i18n);
        keyboard = new KeyboardDock(keyboardModel, keyboardView.view(), content);
        keyboard.hideOnChange(navigator.currentProperty());
        keyboard.revealOnChange(i18n.localeProperty(), shellModel.elderModeProperty());
        shell = new ShellView(shellModel, voiceModel, sessions, i18n, hallName, content,
                keyboardView.view());
        speakJourneys();
        navigator.reset(homeScreen());
    }

    /** The maintenance tabs' view models, made once, when maintenance mode is first opened. */
    private MaintenanceTabs maintenanceTabs(DeviceStatusBoard board) {
        if (maintenanceTabs == null) {
            maintenanceTabs = models.maintenanceTabs(board);
        }
        return maintenanceTabs;
    }

    private JourneyScreens journeys(I18n i18n, SessionManager sessions, DeviceStatusBoard board) {
        var scans = models.materialScans(board);
        supplementModel = sessions.register(models.supplement(scans));
        applyModel = sessions.register(models.apply(identifyModel.phoneProperty(), scans));
        progressModel = sessions.register(models.progress(catalogTexts));
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
            public void identifyToPrint() {
                pendingPrint = true;
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

    /**
     * Voice guidance hears what the citizen sees: each screen's prompt, the messages of identification, the
     * journeys and the certificate, and an application's outcome with its paper (请取走证件和回执, or why not).
     */
    private void speakJourneys() {
        voiceModel.followScreens(navigator.currentProperty());
        for (var key : List.of(identifyModel.messageKeyProperty(), applyModel.messageKeyProperty(),
                applyModel.certificateStatusKeyProperty(), progressModel.messageKeyProperty(),
                progressModel.certificateStatusKeyProperty(), supplementModel.messageKeyProperty())) {
            key.addListener((obs, was, now) -> voiceModel.message(now));
        }
        applyModel.outcomeProperty().addListener((obs, was, now) -> {
            if (now != null) {
                PrintResult printed = applyModel.lastPrintProperty().get() == null ? now.printResult()
                        : applyModel.lastPrintProperty().get();
                voiceModel.messages(JourneyTexts.headlineKey(now), JourneyTexts.paperKey(now.paper().kind(), printed));
            }
        });
        applyModel.lastPrintProperty().addListener((obs, was, now) -> {
            var outcome = applyModel.outcomeProperty().get();
            if (was != null && now != null && outcome != null) { // a reprint (the first print comes with the outcome)
                voiceModel.message(JourneyTexts.paperKey(outcome.paper().kind(), now));
            }
        });
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
        java.time.Instant now = models.clock().instant();
        java.time.Instant until = now.plus(java.time.Duration.ofMinutes(2));
        rateModel.requestArrived(new PadRequest(new RatingRequestEvent(requestId,
                models.config().terminal().hallCode(), null, caseNumber, "1", itemCode, itemName, null, null, now,
                until, now), until));
        navigator.go(ScreenId.RATE);
    }

    /** Identified: back to the application the citizen began, or to the menu. */
    private void identified() {
        CatalogItem item = pendingApply;
        pendingApply = null;
        boolean print = pendingPrint;
        pendingPrint = false;
        if (print) {
            // Back to the case found, whose certificate the citizen now identified can print.
            navigator.go(ScreenId.PROGRESS);
        } else if (item != null) {
            journeys.apply(item);
        } else {
            navigator.go(ScreenId.HOME);
        }
    }

    /** The screen between citizens: the attract screen, or the pad's idle screen. */
    public ScreenId homeScreen() {
        return models.mode() == LaunchOptions.Mode.PAD ? ScreenId.PAD : ScreenId.ATTRACT;
    }

    public Parent root() {
        return shell.root();
    }

    public void attach(Scene scene) {
        shell.attach(scene, shellModel, voiceModel, models.sessions());
        keyboard.attach(scene);
        KeyboardWedgeCapture.install(scene, models.keyboardWedgeScanners());
    }

    public Navigator navigator() {
        return navigator;
    }

    public void stop() {
        shell.stop();
    }

    /** Every piece of session-scoped state that a test may inspect. */
    public List<Object> sessionModels() {
        return List.of(models.citizen(), identifyModel, shellModel, applyModel, progressModel, supplementModel);
    }

    public IdentifyViewModel identifyModel() {
        return identifyModel;
    }
}
