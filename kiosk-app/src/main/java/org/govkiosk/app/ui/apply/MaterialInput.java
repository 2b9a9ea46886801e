package org.govkiosk.app.ui.apply;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import org.govkiosk.app.catalog.MaterialRequirement;
import org.govkiosk.app.journey.FieldProblem;
import org.govkiosk.app.journey.MaterialChoice;
import org.govkiosk.app.journey.MaterialDeclaration;

/**
 * One line of the materials checklist. A material the platform fetches as an e-licence (免证办) offers nothing to
 * choose; the others are declared present or missing, and 容缺 ones may be deferred on a signed commitment.
 */
public final class MaterialInput {

    private final MaterialRequirement requirement;
    private final List<MaterialChoice> options;
    private final ObjectProperty<MaterialChoice> choice;
    private final ReadOnlyObjectWrapper<FieldProblem> problem = new ReadOnlyObjectWrapper<>();

    MaterialInput(MaterialRequirement requirement) {
        this.requirement = requirement;
        List<MaterialChoice> o = new ArrayList<>();
        if (requirement.eLicence().isPresent()) {
            o.add(MaterialChoice.E_LICENCE);
        } else {
            o.add(MaterialChoice.PROVIDED);
            o.add(MaterialChoice.MISSING);
            if (requirement.deferrable()) {
                o.add(MaterialChoice.DEFERRED);
            }
        }
        this.options = List.copyOf(o);
        this.choice = new SimpleObjectProperty<>(MaterialDeclaration.initial(requirement).choice());
        choice.addListener((obs, old, now) -> problem.set(null));
    }

    public MaterialRequirement requirement() {
        return requirement;
    }

    /** What the citizen may declare, in the order the screen offers it. */
    public List<MaterialChoice> options() {
        return options;
    }

    public ObjectProperty<MaterialChoice> choiceProperty() {
        return choice;
    }

    public ReadOnlyObjectProperty<FieldProblem> problemProperty() {
        return problem.getReadOnlyProperty();
    }

    void problem(FieldProblem p) {
        problem.set(p);
    }

    MaterialDeclaration declaration() {
        MaterialChoice c = choice.get();
        return new MaterialDeclaration(requirement, c == null ? options.get(0) : c);
    }
}
