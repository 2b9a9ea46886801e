package org.govkiosk.app.ui;

import java.util.List;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import org.govkiosk.app.AppContext;
import org.govkiosk.app.LaunchOptions;
import org.govkiosk.app.session.SessionManager;
import org.govkiosk.app.ui.attract.AttractView;
import org.govkiosk.app.ui.attract.AttractViewModel;
import org.govkiosk.app.printing.PrintResult;
import org.govkiosk.app.ui.catalog.CatalogView;
import org.govkiosk.app.ui.catalog.CatalogViewModel;
import org.govkiosk.app.ui.guide.GuideDocuments;
import org.govkiosk.app.ui.guide.GuideView;
import org.govkiosk.app.ui.guide.GuideViewModel;
import org.govkiosk.app.ui.guide.PrintableGuide;
import org.govkiosk.app.ui.home.HomeView;
import org.govkiosk.app.ui.identify.IdentifyView;
import org.govkiosk.app.ui.identify.IdentifyViewModel;
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
                context.devicesOf(QrScanner.class), board, context.clock()));

        GuideViewModel guide = sessions.register(new GuideViewModel(i18n, this::printGuide,
                board.usableBinding(DeviceFamily.RECEIPT_PRINTER, DeviceFamily.DOCUMENT_PRINTER),
                javafx.application.Platform::runLater, item -> navigator.go(ScreenId.IDENTIFY)));
        CatalogViewModel catalog = sessions.register(new CatalogViewModel(context.catalog(), item -> {
            guide.show(item);
            navigator.go(ScreenId.GUIDE);
        }));
        navigator.register(ScreenId.CATALOG, () -> new CatalogView(catalog, i18n));
        navigator.register(ScreenId.GUIDE, () -> new GuideView(guide, i18n, navigator::back));

        AttractViewModel attract = new AttractViewModel(sessions, navigator, board, context.config().terminal().hallName());
        PinViewModel pin = new PinViewModel(context.maintenance(), navigator, i18n);
        MaintenanceViewModel maintenance = new MaintenanceViewModel(board, context.deviceAdmin(),
                context.maintenance(), navigator, exitApplication, homeScreen());

        navigator.register(ScreenId.ATTRACT, () -> new AttractView(attract, i18n));
        navigator.register(ScreenId.HOME, () -> new HomeView(navigator, i18n));
        navigator.register(ScreenId.IDENTIFY, () -> new IdentifyView(identifyModel, navigator, i18n));
        navigator.register(ScreenId.MAINTENANCE_PIN, () -> new PinView(pin, i18n));
        navigator.register(ScreenId.MAINTENANCE, () -> new MaintenanceView(maintenance, i18n));
        if (context.mode() == LaunchOptions.Mode.PAD) {
            var terminal = context.config().terminal();
            PadViewModel pad = new PadViewModel(new PadViewModel.PadIdentity(terminal.id(), terminal.hallCode(),
                    terminal.windowId()), context.platformLink().queue()::submitRating, context.clock(),
                    javafx.application.Platform::runLater, java.time.Duration.ofMinutes(2),
                    java.time.Duration.ofSeconds(5));
            context.startPad(pad);
            navigator.register(ScreenId.PAD, () -> new PadView(pad, i18n, terminal.hallName(), terminal.windowName()));
        } else {
            navigator.register(ScreenId.PAD, () -> new PadView(i18n, context.config().terminal().hallName(),
                    context.config().terminal().windowName()));
        }

        sessions.onEnd(reason -> {
            navigator.discardCitizenScreens();
            if (reason != SessionManager.EndReason.MAINTENANCE) {
                navigator.reset(homeScreen());
            }
        });
        shell = new ShellView(shellModel, sessions, i18n, context.config().terminal().hallName(), content);
        navigator.reset(homeScreen());
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
        return List.of(context.citizen(), identifyModel, shellModel);
    }

    public IdentifyViewModel identifyModel() {
        return identifyModel;
    }
}
