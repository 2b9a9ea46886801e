package org.govkiosk.device.apifixture;

import org.govkiosk.device.internal.codec.escpos.ModelText;

/** Uses an internal type only inside itself: shows none, but still reaches into the internals. */
public final class HidingApi {

    public String replacement() {
        return ModelText.standard().replacement();
    }
}
