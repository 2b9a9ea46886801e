package org.govkiosk.app.ui.apply;

import java.util.Optional;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.govkiosk.app.catalog.FieldType;
import org.govkiosk.app.catalog.FormField;
import org.govkiosk.app.catalog.Prefill;
import org.govkiosk.app.journey.FieldProblem;
import org.govkiosk.personal.Masking;

/**
 * One field of the application form on screen: its value, whether it came off the card (then it is shown, never
 * edited), and what is wrong with it. Editing clears the problem, so a message never outlives the mistake.
 */
public final class FieldInput {

    private final FormField field;
    private final boolean locked;
    private final StringProperty value;
    private final ReadOnlyObjectWrapper<FieldProblem> problem = new ReadOnlyObjectWrapper<>();

    FieldInput(FormField field, String initial, boolean locked) {
        this.field = field;
        this.locked = locked;
        this.value = new SimpleStringProperty(initial == null ? "" : initial);
        value.addListener((obs, old, now) -> problem.set(null));
    }

    public FormField field() {
        return field;
    }

    public String key() {
        return field.key();
    }

    /** Read off the ID card (or smart card): shown read-only, never typed twice. */
    public boolean locked() {
        return locked;
    }

    /**
     * The value as a shared screen may show it: what came off the card is masked (name, ID number, address) the
     * way the header masks it; what the citizen typed is theirs to check and shown as typed, ID numbers excepted.
     */
    public String shown() {
        String v = value.get() == null ? "" : value.get().strip();
        Optional<Prefill> from = locked ? field.prefill() : Optional.empty();
        if (field.type() == FieldType.ID_NUMBER
                || from.filter(p -> p == Prefill.ID_NUMBER).isPresent()) {
            return Masking.idNumber(v);
        }
        if (from.isEmpty()) {
            return v;
        }
        return switch (from.get()) {
            case NAME -> Masking.name(v);
            case ADDRESS -> Masking.address(v);
            default -> v;
        };
    }

    /**
     * {@link #shown()} in {@code locale}: card data stays as read (the nation 汉 on any screen), except a nation
     * whose code the GB 3304 table lacks, which the card data carries as 未知民族（代码 NN）: a screen says it in
     * its own language from the bundles.
     */
    public String shownIn(java.util.Locale locale) {
        return inLocale(shown(), locale);
    }

    static String inLocale(String shown, java.util.Locale locale) {
        return org.govkiosk.device.idcard.Nations.unknownCode(shown)
                .map(code -> org.govkiosk.app.i18n.I18n.format(locale, "apply.field.nation-unknown", code))
                .orElse(shown);
    }

    public StringProperty valueProperty() {
        return value;
    }

    public ReadOnlyObjectProperty<FieldProblem> problemProperty() {
        return problem.getReadOnlyProperty();
    }

    void problem(FieldProblem p) {
        problem.set(p);
    }

    void wipe() {
        problem.set(null);
        value.set("");
    }
}
