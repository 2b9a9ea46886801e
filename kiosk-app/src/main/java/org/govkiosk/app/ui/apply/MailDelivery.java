package org.govkiosk.app.ui.apply;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import org.govkiosk.app.catalog.FieldType;
import org.govkiosk.app.catalog.FormField;
import org.govkiosk.app.catalog.LocalizedText;
import org.govkiosk.app.i18n.I18n;
import org.govkiosk.app.journey.FieldProblem;
import org.govkiosk.app.journey.FormValidator;
import org.govkiosk.api.MailingAddress;

/**
 * 证照特快专递 on the application form: whether the citizen wants the result mailed instead of collecting or printing
 * it, and then the address (省, 市, 区/县, 街道门牌) and the recipient's phone, no more (the recipient is the
 * applicant). Checked like the form's fields, bounded as the platform bounds them ({@link MailingAddress}); wiped
 * with the journey. Labels come from the bundles in every language.
 */
public final class MailDelivery {

    static final String PROVINCE = "mail-province";
    static final String CITY = "mail-city";
    static final String DISTRICT = "mail-district";
    static final String STREET = "mail-street";
    static final String PHONE = "mail-phone";

    private final BooleanProperty mail = new SimpleBooleanProperty(false);
    private final List<FieldInput> fields = List.of(
            text(PROVINCE, "apply.mail.province", MailingAddress.MAX_PART),
            text(CITY, "apply.mail.city", MailingAddress.MAX_PART),
            text(DISTRICT, "apply.mail.district", MailingAddress.MAX_PART),
            text(STREET, "apply.mail.street", MailingAddress.MAX_STREET),
            new FieldInput(new FormField(PHONE, bundled("apply.mail.phone"), FieldType.PHONE, true, Optional.empty(),
                    Optional.empty(), List.of(), Optional.empty()), "", false));

    private static FieldInput text(String key, String labelKey, int max) {
        return new FieldInput(new FormField(key, bundled(labelKey), FieldType.TEXT, true,
                Optional.of(Pattern.compile("(?s).{1," + max + "}")),
                Optional.of(bundled("apply.mail.too-long", max)), List.of(), Optional.empty()), "", false);
    }

    private static LocalizedText bundled(String key, Object... args) {
        return new LocalizedText(I18n.format(I18n.ZH_CN, key, args), I18n.format(java.util.Locale.ENGLISH, key, args),
                Optional.of(I18n.format(I18n.UG_CN, key, args)));
    }

    /** True: the result is mailed (邮寄送达); false: collected at a window or printed at a terminal. */
    public BooleanProperty mailProperty() {
        return mail;
    }

    /** The address fields, in the order the form shows them. */
    public List<FieldInput> fields() {
        return fields;
    }

    /** Prefills the recipient's phone with the one given at identification, if any and if none was typed. */
    void offerPhone(String phone) {
        FieldInput f = fields.get(4);
        if (phone != null && !phone.isBlank() && f.valueProperty().get().isBlank()) {
            f.valueProperty().set(phone.strip());
        }
    }

    /** Checks the address when mail is chosen and shows each problem on its field; true when none. */
    boolean check() {
        List<FieldProblem> problems = mail.get() ? FormValidator.check(fields.stream().map(FieldInput::field)
                .toList(), values(), Set.of()) : List.of();
        for (FieldInput f : fields) {
            f.problem(problems.stream().filter(p -> p.target().equals(f.key())).findFirst().orElse(null));
        }
        return problems.isEmpty();
    }

    /** The address the case is mailed to; null when the citizen does not want it mailed or it is not valid. */
    MailingAddress address() {
        if (!mail.get()) {
            return null;
        }
        Map<String, String> v = values();
        try {
            return new MailingAddress(v.get(PROVINCE), v.get(CITY), v.get(DISTRICT), v.get(STREET), v.get(PHONE));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private Map<String, String> values() {
        Map<String, String> v = new java.util.HashMap<>();
        fields.forEach(f -> v.put(f.key(), f.valueProperty().get() == null ? "" : f.valueProperty().get().strip()));
        return v;
    }

    void wipe() {
        mail.set(false);
        fields.forEach(FieldInput::wipe);
    }
}
