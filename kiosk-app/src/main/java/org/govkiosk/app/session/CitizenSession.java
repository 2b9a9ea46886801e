package org.govkiosk.app.session;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.govkiosk.device.idcard.IdCardData;

/**
 * What the terminal holds of the citizen in front of it: who they are (ID card, smart card or e-licence), the codes
 * they scanned. Lives on the FX
 * thread; wiped when the session ends.
 */
public final class CitizenSession implements SessionScoped {

    private final ObjectProperty<IdCardData> identity = new SimpleObjectProperty<>();
    private final ObjectProperty<SmartCardIdentity> smartCard = new SimpleObjectProperty<>();
    private final ObjectProperty<LicenceIdentity> licence = new SimpleObjectProperty<>();
    private final ObservableList<String> scannedCodes = FXCollections.observableArrayList();

    public ObjectProperty<IdCardData> identityProperty() {
        return identity;
    }

    /** The smart card the citizen identified with, when they used one instead of (or beside) the ID card. */
    public ObjectProperty<SmartCardIdentity> smartCardProperty() {
        return smartCard;
    }

    /** The e-licence the citizen identified with (扫码亮证), as the platform verified it. */
    public ObjectProperty<LicenceIdentity> licenceProperty() {
        return licence;
    }

    public ObservableList<String> scannedCodes() {
        return scannedCodes;
    }

    public boolean isEmpty() {
        return identity.get() == null && smartCard.get() == null && licence.get() == null && scannedCodes.isEmpty();
    }

    @Override
    public void clearSessionData() {
        identity.set(null);
        smartCard.set(null);
        licence.set(null);
        // Overwrite before clearing so no list backing array keeps the codes reachable.
        List<String> blanks = new ArrayList<>();
        for (int i = 0; i < scannedCodes.size(); i++) {
            blanks.add("");
        }
        scannedCodes.setAll(blanks);
        scannedCodes.clear();
    }
}
