package org.govkiosk.app.catalog;

import java.util.Optional;

/**
 * One required material of an item (申请材料), as the guide states it.
 *
 * @param requirement what makes it acceptable (valid, signed, stamped ...)
 * @param key         关键材料: a case is never accepted without it
 * @param deferrable  容缺: may be handed in later if the citizen signs a commitment (告知承诺); never a key material
 * @param eLicence    the e-licence type the platform can fetch instead (免证办), e.g. {@code hukou-booklet}
 */
public record MaterialRequirement(String name, String requirement, MaterialForm form, int copies, boolean key,
        boolean deferrable, Optional<String> eLicence) {

    public MaterialRequirement {
        if (key && deferrable) {
            throw new IllegalArgumentException("material " + name + " cannot be both key and deferrable");
        }
        if (copies < 1) {
            throw new IllegalArgumentException("material " + name + " needs at least one copy");
        }
    }
}
