package org.govkiosk.device.apifixture;

import java.util.List;
import org.govkiosk.device.internal.codec.escpos.ModelText;

/** A public class outside the internals that hands an internal type to its callers, in a result's type argument. */
public final class LeakingApi {

    public List<ModelText> texts() {
        return List.of(ModelText.standard());
    }
}
