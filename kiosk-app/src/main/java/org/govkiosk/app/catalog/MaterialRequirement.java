package org.govkiosk.app.catalog;

import java.util.Optional;

/**
 * One required material of an item (申请材料), as the guide states it.
 *
 * @param requirement what makes it acceptable (valid, signed, stamped ...)
 * @param key         关键材料: a case is never accepted without it
 * @param deferrable  容缺: may be handed in later if the citizen signs a commitment (告知承诺); never a key material
 * @param eLicence    the e-licence type the platform can fetch instead (免证办), e.g. {@code hukou-booklet}
 * @param deferralDays a deferrable material: the working days it may be handed in after the case is filed
 *                     (容缺补交期限, catalog {@code deferral-days}); 0 for any other
 */
public record MaterialRequirement(String name, String requirement, MaterialForm form, int copies, boolean key,
        boolean deferrable, Optional<String> eLicence, int deferralDays) {

    /** The 容缺 days of a deferrable material whose catalog entry gives none (the platform counts the same). */
    public static final int DEFAULT_DEFERRAL_DAYS = 10;

    /** A material with the default 容缺 days when deferrable. */
    public MaterialRequirement(String name, String requirement, MaterialForm form, int copies, boolean key,
            boolean deferrable, Optional<String> eLicence) {
        this(name, requirement, form, copies, key, deferrable, eLicence, deferrable ? DEFAULT_DEFERRAL_DAYS : 0);
    }

    public MaterialRequirement {
        if (deferrable ? deferralDays < 1 || deferralDays > 60 : deferralDays != 0) {
            throw new IllegalArgumentException("material " + name + ": deferral days " + deferralDays
                    + (deferrable ? " must be 1..60" : " only for a deferrable material"));
        }
        if (key && deferrable) {
            throw new IllegalArgumentException("material " + name + " cannot be both key and deferrable");
        }
        if (copies < 1) {
            throw new IllegalArgumentException("material " + name + " needs at least one copy");
        }
    }
}
