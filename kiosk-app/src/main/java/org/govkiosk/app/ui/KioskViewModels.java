package org.govkiosk.app.ui;

import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.value.ObservableStringValue;
import org.govkiosk.app.catalog.CatalogItem;
import org.govkiosk.app.config.LaunchOptions;
import org.govkiosk.app.config.TerminalConfig;
import org.govkiosk.app.i18n.I18n;
import org.govkiosk.app.session.CitizenSession;
import org.govkiosk.app.session.SessionManager;
import org.govkiosk.app.ui.apply.ApplyViewModel;
import org.govkiosk.app.ui.catalog.CatalogViewModel;
import org.govkiosk.app.ui.guide.GuideViewModel;
import org.govkiosk.app.ui.identify.IdentifyViewModel;
import org.govkiosk.app.ui.journey.MaterialScans;
import org.govkiosk.app.ui.keyboard.KeyboardViewModel;
import org.govkiosk.app.ui.maintenance.MaintenanceTabs;
import org.govkiosk.app.ui.maintenance.MaintenanceViewModel;
import org.govkiosk.app.ui.maintenance.PinViewModel;
import org.govkiosk.app.ui.pad.PadViewModel;
import org.govkiosk.app.ui.progress.ProgressViewModel;
import org.govkiosk.app.ui.supplement.SupplementViewModel;
import org.govkiosk.device.KeyboardWedgeScanner;

/**
 * What {@link KioskUi} builds the terminal's screens from: the terminal's settings, the session, and view models
 * over the services, made by the composition root. The UI never sees a service, an executor or the root itself;
 * it wires the view models it gets to its navigation and to each other. View models that belong to the session are
 * registered with it by the UI.
 */
public interface KioskViewModels {

    I18n i18n();

    Clock clock();

    TerminalConfig config();

    LaunchOptions.Mode mode();

    /** The session: view models register with it to be wiped at its end. */
    SessionManager sessions();

    /** Who is being served, wiped at every session end. */
    CitizenSession citizen();

    /** 培训模式: shown on every screen while on, switched in maintenance mode. */
    default org.govkiosk.app.training.TrainingMode training() {
        return org.govkiosk.app.training.TrainingMode.off();
    }

    /** The devices' status, shown and watched by the screens (a new board each call). */
    DeviceStatusBoard statusBoard();

    /** The catalog's texts in the citizen's language. */
    CatalogTexts catalogTexts();

    /** Scanners that type into the focused field; the scene captures their keys. */
    List<KeyboardWedgeScanner> keyboardWedgeScanners();

    IdentifyViewModel identify(DeviceStatusBoard board);

    /** The live picture of the cameras that read codes, on the identification screen. */
    org.govkiosk.app.ui.camera.CameraPreviewModel codeCameraPreview();

    /** A guide's screen; printing it is offered while a printer is usable. */
    GuideViewModel guide(DeviceStatusBoard board, Consumer<CatalogItem> apply);

    /** The catalog, the items most applied for at this terminal first. */
    CatalogViewModel catalog(Consumer<CatalogItem> showGuide, Consumer<CatalogItem> apply);

    /** Scanning materials with the document camera, offered while one is usable. */
    MaterialScans materialScans(DeviceStatusBoard board);

    /** Applications; each one submitted is counted in the usage statistics. */
    ApplyViewModel apply(ObservableStringValue phone, MaterialScans scans);

    ProgressViewModel progress(CatalogTexts texts);

    SupplementViewModel supplement(MaterialScans scans);

    /** 好差评 at the terminal after a journey: ratings go to the outbox and their level to the usage statistics. */
    PadViewModel terminalRating();

    /** Pad mode: the window's pad, connected to the platform for its rating requests. */
    PadViewModel windowPad();

    PinViewModel pin(Navigator navigator);

    MaintenanceViewModel maintenance(DeviceStatusBoard board, Navigator navigator, Runnable exitApplication,
            ScreenId serviceScreen);

    MaintenanceTabs maintenanceTabs(DeviceStatusBoard board);

    /** Voice guidance (语音播报): prompts spoken through the terminal's speech engine, on the speaking thread. */
    org.govkiosk.app.ui.shell.VoiceViewModel voice();

    /** The on-screen keyboard; its pinyin dictionary is read off the FX thread once the first screen is up. */
    KeyboardViewModel keyboard();
}
