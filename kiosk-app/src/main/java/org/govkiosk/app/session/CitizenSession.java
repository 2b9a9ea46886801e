package org.govkiosk.app.session;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.govkiosk.device.idcard.IdCardData;

/**
 * What the terminal holds of the citizen in front of it: who they are (ID card, smart card or e-licence), the codes
 * they scanned. Lives on the FX
 * thread; wiped when the session ends.
 */
public final class CitizenSession implements SessionScoped {

    private final SessionValue<IdCardData> identity = new SessionValue<>();
    private final SessionValue<SmartCardIdentity> smartCard = new SessionValue<>();
    private final SessionValue<LicenceIdentity> licence = new SessionValue<>();
    private final List<String> scannedCodes = new ArrayList<>();

    public SessionValue<IdCardData> identityProperty() {
        return identity;
    }

    /** The smart card the citizen identified with, when they used one instead of (or beside) the ID card. */
    public SessionValue<SmartCardIdentity> smartCardProperty() {
        return smartCard;
    }

    /** The e-licence the citizen identified with (扫码亮证), as the platform verified it. */
    public SessionValue<LicenceIdentity> licenceProperty() {
        return licence;
    }

    public List<String> scannedCodes() {
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
        Collections.fill(scannedCodes, "");
        scannedCodes.clear();
    }
}
