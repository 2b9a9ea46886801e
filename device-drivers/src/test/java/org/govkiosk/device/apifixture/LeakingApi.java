package org.govkiosk.device.apifixture;

import java.util.List;
import org.govkiosk.device.internal.codec.escpos.ModelText;

/**
 * A public class outside the internals that hands an internal type to its callers, in a result's type argument,
 * beside an overload of the same name that shows none.
 */
public final class LeakingApi {

    public List<ModelText> texts() {
        return List.of(ModelText.standard());
    }

    /** An overload of the same name showing nothing internal: it must not hide the one above from the rule. */
    public List<String> texts(String prefix) {
        return List.of(prefix);
    }
}
