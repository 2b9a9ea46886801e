package org.govkiosk.app.ui.maintenance;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.govkiosk.app.i18n.I18n;
import org.govkiosk.app.maintenance.MaintenanceAccess;
import org.govkiosk.app.ui.Navigator;
import org.govkiosk.app.ui.ScreenId;

/** The technician's PIN pad. The digits live in a char array that is wiped after every try. */
public final class PinViewModel {

    private static final int MAX_DIGITS = 12;

    private final MaintenanceAccess access;
    private final Navigator navigator;
    private final I18n i18n;
    private final ReadOnlyStringWrapper dots = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private char[] digits = new char[0];

    public PinViewModel(MaintenanceAccess access, Navigator navigator, I18n i18n) {
        this.access = access;
        this.navigator = navigator;
        this.i18n = i18n;
    }

    public void digit(char d) {
        if (digits.length < MAX_DIGITS && Character.isDigit(d)) {
            char[] longer = java.util.Arrays.copyOf(digits, digits.length + 1);
            longer[digits.length] = d;
            java.util.Arrays.fill(digits, '\0');
            digits = longer;
            dots.set("●".repeat(digits.length));
        }
    }

    public void clear() {
        java.util.Arrays.fill(digits, '\0');
        digits = new char[0];
        dots.set("");
    }

    public void submit() {
        MaintenanceAccess.Result result = access.tryPin(digits);
        clear();
        if (result instanceof MaintenanceAccess.Result.Granted) {
            message.set("");
            navigator.reset(ScreenId.MAINTENANCE);
        } else if (result instanceof MaintenanceAccess.Result.Denied denied) {
            message.set(i18n.text("pin.wrong", denied.attemptsLeft()));
        } else if (result instanceof MaintenanceAccess.Result.LockedOut locked) {
            message.set(i18n.text("pin.locked",
                    DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault()).format(locked.until())));
        } else {
            message.set(i18n.text("pin.not-configured"));
        }
    }

    public void cancel() {
        clear();
        message.set("");
        navigator.back();
    }

    public ReadOnlyStringProperty dotsProperty() {
        return dots.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
