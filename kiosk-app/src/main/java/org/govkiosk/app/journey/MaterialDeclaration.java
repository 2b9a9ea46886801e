package org.govkiosk.app.journey;

import java.util.Objects;
import org.govkiosk.app.catalog.MaterialRequirement;

/** One required material of the item with what the citizen declared about it. */
public record MaterialDeclaration(MaterialRequirement requirement, MaterialChoice choice) {

    public MaterialDeclaration {
        Objects.requireNonNull(requirement, "requirement");
        Objects.requireNonNull(choice, "choice");
    }

    /** The first choice the checklist offers: an e-licence where the platform can fetch one, else "I have it". */
    public static MaterialDeclaration initial(MaterialRequirement requirement) {
        return new MaterialDeclaration(requirement,
                requirement.eLicence().isPresent() ? MaterialChoice.E_LICENCE : MaterialChoice.PROVIDED);
    }
}
