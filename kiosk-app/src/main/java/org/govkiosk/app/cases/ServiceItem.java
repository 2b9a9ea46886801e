package org.govkiosk.app.cases;

import java.util.Objects;
import org.govkiosk.api.CaseKind;

/**
 * A service item (事项) as the catalogue describes it. The code is opaque (same item, same code everywhere), never
 * parsed for meaning.
 *
 * @param defaultKind how a case of this item is usually handled (即办件, 承诺件, ...)
 */
public record ServiceItem(String code, String name, CaseKind defaultKind) {

    public ServiceItem {
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException("a service item needs a code");
        }
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("service item " + code + " needs a name");
        }
        Objects.requireNonNull(defaultKind, "defaultKind");
    }
}
