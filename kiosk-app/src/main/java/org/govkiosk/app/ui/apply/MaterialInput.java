package org.govkiosk.app.ui.apply;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.collections.ObservableList;
import org.govkiosk.api.Attachment;
import org.govkiosk.app.catalog.MaterialRequirement;
import org.govkiosk.app.journey.FieldProblem;
import org.govkiosk.app.journey.MaterialChoice;
import org.govkiosk.app.journey.MaterialDeclaration;
import org.govkiosk.app.ui.journey.MaterialScans;

/**
 * One line of the materials checklist. A material the platform fetches as an e-licence (免证办) offers nothing to
 * choose; the others are declared present or missing, and 容缺 ones may be deferred on a signed commitment.
 */
public final class MaterialInput implements MaterialScans.Target {

    private final MaterialRequirement requirement;
    private final List<MaterialChoice> options;
    private final ObjectProperty<MaterialChoice> choice;
    private final ReadOnlyObjectWrapper<FieldProblem> problem = new ReadOnlyObjectWrapper<>();
    private final MaterialScans.ScannedPages scans = new MaterialScans.ScannedPages();

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
        choice.addListener((obs, old, now) -> {
            problem.set(null);
            if (now != MaterialChoice.PROVIDED) {
                scans.clear(); // "I do not have it" after a scan
            }
        });
    }

    @Override
    public boolean scannable() {
        return options.contains(MaterialChoice.PROVIDED);
    }

    @Override
    public MaterialScans.ScannedPages scans() {
        return scans;
    }

    /** Pages scanned so far with the document camera. */
    public ObservableList<Attachment> pages() {
        return scans.pages();
    }

    public ReadOnlyBooleanProperty scanningProperty() {
        return scans.scanningProperty();
    }

    /** What the scan row says: place the paper, N pages scanned, or what went wrong. */
    public ReadOnlyStringProperty scanMessageKeyProperty() {
        return scans.messageKeyProperty();
    }

    @Override
    public void provided() {
        choice.set(MaterialChoice.PROVIDED);
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
        MaterialChoice c = choice.get() == null ? options.get(0) : choice.get();
        return new MaterialDeclaration(requirement, c, c == MaterialChoice.PROVIDED ? List.copyOf(pages()) : List.of());
    }
}
