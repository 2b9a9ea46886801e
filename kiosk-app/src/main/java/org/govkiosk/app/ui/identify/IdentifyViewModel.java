package org.govkiosk.app.ui.identify;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.govkiosk.app.session.CitizenSession;
import org.govkiosk.app.session.SessionScoped;
import org.govkiosk.app.ui.DeviceStatusBoard;
import org.govkiosk.device.DeviceEvent;
import org.govkiosk.device.DeviceEventBus;
import org.govkiosk.device.DeviceFamily;
import org.govkiosk.device.IdCardReader;
import org.govkiosk.device.QrScanner;
import org.govkiosk.device.idcard.IdCardData;

/**
 * Identification: waits for an ID card or a code, shows who was recognised (name, masked ID number) and takes a
 * contact phone number. Readers read only while this screen is shown.
 */
public final class IdentifyViewModel implements SessionScoped {

    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");

    private final CitizenSession session;
    private final List<IdCardReader> cardReaders;
    private final List<QrScanner> scanners;
    private final DeviceStatusBoard board;
    private final Clock clock;
    private final ReadOnlyStringWrapper name = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper maskedId = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper scannedCode = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper messageKey = new ReadOnlyStringWrapper("");
    private final StringProperty phone = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper phoneErrorKey = new ReadOnlyStringWrapper("");
    private volatile boolean active;

    public IdentifyViewModel(CitizenSession session, DeviceEventBus bus, List<IdCardReader> cardReaders,
            List<QrScanner> scanners, DeviceStatusBoard board, Clock clock) {
        this.session = session;
        this.cardReaders = cardReaders;
        this.scanners = scanners;
        this.board = board;
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
        }
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
        session.scannedCodes().add(payload);
        // The code may carry an e-licence token: show only that something was read.
        scannedCode.set(payload.length() <= 4 ? "****" : payload.substring(0, 4) + "****");
        messageKey.set("identify.code-read");
    }

    /** Which ways of identifying work now, as a prompt key; offers the others when a device is out. */
    public StringBinding promptKey() {
        javafx.beans.Observable[] deps = board.rows().stream().map(DeviceStatusBoard.Row::statusProperty)
                .toArray(javafx.beans.Observable[]::new);
        return Bindings.createStringBinding(() -> {
            boolean card = board.isUsable(DeviceFamily.ID_CARD_READER);
            boolean code = board.isUsable(DeviceFamily.QR_SCANNER);
            if (card && code) {
                return "identify.prompt.card-or-code";
            }
            if (card) {
                return "identify.prompt.card";
            }
            return code ? "identify.prompt.code" : "identify.prompt.none";
        }, deps);
    }

    public void shown() {
        active = true;
        cardReaders.forEach(r -> r.setReadingEnabled(true));
        scanners.forEach(s -> s.setReadingEnabled(true));
    }

    public void hidden() {
        active = false;
        cardReaders.forEach(r -> r.setReadingEnabled(false));
        scanners.forEach(s -> s.setReadingEnabled(false));
    }

    /** Checks the form; true when the citizen may go on. */
    public boolean confirm() {
        String value = phone.get() == null ? "" : phone.get().trim();
        if (!value.isEmpty() && !MOBILE.matcher(value).matches()) {
            phoneErrorKey.set("identify.phone.invalid");
            return false;
        }
        if (session.identityProperty().get() == null && session.scannedCodes().isEmpty()) {
            messageKey.set("identify.nothing-yet");
            return false;
        }
        return true;
    }

    @Override
    public void clearSessionData() {
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

    public StringProperty phoneProperty() {
        return phone;
    }

    public ReadOnlyStringProperty phoneErrorKeyProperty() {
        return phoneErrorKey.getReadOnlyProperty();
    }
}
