package org.govkiosk.app.ui.identify;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.govkiosk.app.session.CitizenSession;
import org.govkiosk.app.session.LicenceIdentification;
import org.govkiosk.app.session.SessionScoped;
import org.govkiosk.app.ui.DeviceStatusBoard;
import org.govkiosk.device.DeviceEvent;
import org.govkiosk.device.DeviceEventBus;
import org.govkiosk.device.DeviceFamily;
import org.govkiosk.device.IdCardReader;
import org.govkiosk.device.QrScanner;
import org.govkiosk.device.SmartCardReader;
import org.govkiosk.device.idcard.IdCardData;
import org.govkiosk.app.session.SmartCardIdentity;

/**
 * Identification: waits for an ID card, a smart card or a code, shows who was recognised (name, masked number)
 * and takes a contact phone number. A code that is not one of this hall's receipts is verified with the platform
 * as an e-licence (扫码亮证) and, when valid, identifies the citizen as a card would. Readers read only while this screen is shown. Each way of identifying that
 * this terminal has is listed with whether it works now, so a citizen whose reader is out sees what else to use.
 */
public final class IdentifyViewModel implements SessionScoped {

    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");

    private final CitizenSession session;
    private final List<IdCardReader> cardReaders;
    private final List<QrScanner> scanners;
    private final List<SmartCardReader> smartCardReaders;
    private final List<Method> methods;
    private final Clock clock;
    private final ReadOnlyStringWrapper name = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper maskedId = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper scannedCode = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper messageKey = new ReadOnlyStringWrapper("");
    private final StringProperty phone = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper phoneErrorKey = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper checkingLicence = new ReadOnlyBooleanWrapper(false);
    private final Licences licences;
    private volatile boolean active;
    /** Bumped at every scan and wipe: a platform answer about an earlier code is dropped. */
    private long scan;

    /**
     * 扫码亮证: how scanned codes are checked with the platform.
     *
     * @param verifier    asks the platform (blocking)
     * @param receiptCode codes that are not e-licences but this hall's receipts (kept as scanned, not verified)
     * @param background  where the platform is asked
     * @param fxThread    where its answer comes back
     */
    public record Licences(LicenceIdentification verifier, Predicate<String> receiptCode, Executor background,
            Executor fxThread) {
    }

    /** One way of identifying: which devices serve it, and whether any of them can now. */
    public record Method(DeviceFamily family, String labelKey, javafx.beans.binding.BooleanBinding usable) {
        public String id() {
            return family.configName();
        }
    }

    public IdentifyViewModel(CitizenSession session, DeviceEventBus bus, List<IdCardReader> cardReaders,
            List<SmartCardReader> smartCardReaders, List<QrScanner> scanners, DeviceStatusBoard board, Clock clock,
            Licences licences) {
        this.session = session;
        this.licences = licences;
        this.cardReaders = cardReaders;
        this.smartCardReaders = smartCardReaders;
        this.scanners = scanners;
        this.methods = List.of(DeviceFamily.ID_CARD_READER, DeviceFamily.SMART_CARD_READER, DeviceFamily.QR_SCANNER)
                .stream().filter(f -> board.rows().stream().anyMatch(r -> r.family() == f))
                .map(f -> new Method(f, methodKey(f), usable(board, f))).toList();
        this.clock = clock;
        bus.onEvent(this::onDeviceEvent);
        phone.addListener((obs, old, now) -> phoneErrorKey.set(""));
    }

    private void onDeviceEvent(DeviceEvent event) {
        if (!active) {
            return;
        }
        if (event instanceof DeviceEvent.IdCardRead read) {
            Platform.runLater(() -> accept(read.card()));
        } else if (event instanceof DeviceEvent.QrScanned scanned) {
            Platform.runLater(() -> acceptCode(scanned.payload()));
        } else if (event instanceof DeviceEvent.SmartCardRead read) {
            Platform.runLater(() -> acceptSmartCard(new SmartCardIdentity(read.profileName(), read.fields())));
        } else if (event instanceof DeviceEvent.IdCardRejected) {
            Platform.runLater(() -> {
                if (active) {
                    messageKey.set("identify.card-rejected");
                }
            });
        }
    }

    void acceptSmartCard(SmartCardIdentity card) {
        if (!active) {
            return;
        }
        if (card.field("name").isEmpty()) {
            messageKey.set("identify.card-rejected");
            return;
        }
        session.smartCardProperty().set(card);
        if (session.identityProperty().get() == null) {
            name.set(card.field("name").orElse(""));
            maskedId.set(card.maskedCardNumber());
        }
        messageKey.set("identify.recognised");
    }

    void accept(IdCardData card) {
        if (!active) {
            return;
        }
        if (!card.isValidOn(LocalDate.now(clock))) {
            messageKey.set("identify.expired");
            return;
        }
        session.identityProperty().set(card);
        name.set(card.name());
        maskedId.set(card.maskedIdNumber());
        messageKey.set("identify.recognised");
    }

    void acceptCode(String payload) {
        if (!active) {
            return;
        }
        // The code may carry an e-licence token: show only that something was read.
        scannedCode.set(payload.length() <= 4 ? "****" : payload.substring(0, 4) + "****");
        long thisScan = ++scan;
        if (licences.receiptCode().test(payload)) {
            session.scannedCodes().add(payload);
            messageKey.set("identify.code-read");
            return;
        }
        // Anything else may be an e-licence: only the platform can tell, and say whose.
        checkingLicence.set(true);
        messageKey.set("identify.licence.checking");
        licences.background().execute(() -> {
            LicenceIdentification.Result result = licences.verifier().verify(payload);
            licences.fxThread().execute(() -> licenceChecked(thisScan, result));
        });
    }

    private void licenceChecked(long thisScan, LicenceIdentification.Result result) {
        if (thisScan != scan) {
            return; // a later code, or the session ended meanwhile
        }
        checkingLicence.set(false);
        if (result instanceof LicenceIdentification.Result.Identified ok) {
            session.licenceProperty().set(ok.who());
            if (session.identityProperty().get() == null) {
                name.set(ok.who().name());
                maskedId.set(ok.who().maskedIdNumber());
            }
            messageKey.set("identify.licence.recognised");
        } else if (result instanceof LicenceIdentification.Result.Refused refused) {
            messageKey.set(refused.messageKey());
        } else if (result instanceof LicenceIdentification.Result.Unavailable unavailable) {
            messageKey.set(unavailable.messageKey());
        }
    }

    private static String methodKey(DeviceFamily family) {
        return switch (family) {
            case ID_CARD_READER -> "identify.method.id-card-reader";
            case SMART_CARD_READER -> "identify.method.smart-card-reader";
            case QR_SCANNER -> "identify.method.qr-scanner";
            default -> throw new IllegalArgumentException(family + " is no way of identifying");
        };
    }

    private static javafx.beans.binding.BooleanBinding usable(DeviceStatusBoard board, DeviceFamily family) {
        javafx.beans.Observable[] deps = board.rows().stream().filter(r -> r.family() == family)
                .map(DeviceStatusBoard.Row::statusProperty).toArray(javafx.beans.Observable[]::new);
        return Bindings.createBooleanBinding(() -> board.isUsable(family), deps);
    }

    /** The ways of identifying this terminal has, in the order the screen lists them. */
    public List<Method> methods() {
        return methods;
    }

    /** What to ask of the citizen: to use any working method, or, when none works, to go to a window. */
    public StringBinding promptKey() {
        javafx.beans.Observable[] deps = methods.stream().map(Method::usable).toArray(javafx.beans.Observable[]::new);
        return Bindings.createStringBinding(() -> methods.stream().anyMatch(m -> m.usable().get())
                ? "identify.prompt.any" : "identify.prompt.none", deps);
    }

    public void shown() {
        active = true;
        cardReaders.forEach(r -> r.setReadingEnabled(true));
        smartCardReaders.forEach(r -> r.setReadingEnabled(true));
        scanners.forEach(s -> s.setReadingEnabled(true));
    }

    public void hidden() {
        active = false;
        cardReaders.forEach(r -> r.setReadingEnabled(false));
        smartCardReaders.forEach(r -> r.setReadingEnabled(false));
        scanners.forEach(s -> s.setReadingEnabled(false));
    }

    /** Checks the form; true when the citizen may go on. */
    public boolean confirm() {
        String value = phone.get() == null ? "" : phone.get().trim();
        if (!value.isEmpty() && !MOBILE.matcher(value).matches()) {
            phoneErrorKey.set("identify.phone.invalid");
            return false;
        }
        if (checkingLicence.get()) {
            return false; // the platform's answer is on its way; the message already says so
        }
        if (session.isEmpty()) {
            messageKey.set("identify.nothing-yet");
            return false;
        }
        return true;
    }

    @Override
    public void clearSessionData() {
        // A card still on the reader is the citizen's who just left: never read it into the next session.
        cardReaders.forEach(IdCardReader::requireNewPlacement);
        scan++;
        checkingLicence.set(false);
        name.set("");
        maskedId.set("");
        scannedCode.set("");
        messageKey.set("");
        phone.set("");
        phoneErrorKey.set("");
    }

    public ReadOnlyStringProperty nameProperty() {
        return name.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty maskedIdProperty() {
        return maskedId.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty scannedCodeProperty() {
        return scannedCode.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageKeyProperty() {
        return messageKey.getReadOnlyProperty();
    }

    /** While a scanned code is being verified with the platform. */
    public ReadOnlyBooleanProperty checkingLicenceProperty() {
        return checkingLicence.getReadOnlyProperty();
    }

    public StringProperty phoneProperty() {
        return phone;
    }

    public ReadOnlyStringProperty phoneErrorKeyProperty() {
        return phoneErrorKey.getReadOnlyProperty();
    }
}
