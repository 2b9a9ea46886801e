package org.govkiosk.app.journey;

import java.util.List;
import java.util.Objects;
import org.govkiosk.api.Attachment;
import org.govkiosk.app.catalog.MaterialRequirement;

/**
 * One required material of the item with what the citizen declared about it.
 *
 * @param pages the pages scanned with the document camera; only for a material the citizen has ({@code PROVIDED})
 */
public record MaterialDeclaration(MaterialRequirement requirement, MaterialChoice choice, List<Attachment> pages) {

    public MaterialDeclaration {
        Objects.requireNonNull(requirement, "requirement");
        Objects.requireNonNull(choice, "choice");
        pages = pages == null ? List.of() : List.copyOf(pages);
        if (!pages.isEmpty() && choice != MaterialChoice.PROVIDED) {
            throw new IllegalArgumentException("only a material the citizen has can have scanned pages");
        }
    }

    public MaterialDeclaration(MaterialRequirement requirement, MaterialChoice choice) {
        this(requirement, choice, List.of());
    }

    /** The first choice the checklist offers: an e-licence where the platform can fetch one, else "I have it". */
    public static MaterialDeclaration initial(MaterialRequirement requirement) {
        return new MaterialDeclaration(requirement,
                requirement.eLicence().isPresent() ? MaterialChoice.E_LICENCE : MaterialChoice.PROVIDED);
    }
}
