package org.govkiosk.app.ui.keyboard;

import javafx.scene.control.TextInputControl;
import org.govkiosk.app.catalog.FieldType;
import org.govkiosk.app.catalog.FormField;

/**
 * The on-screen keyboard a text field gets. The field says which, where it is built ({@link #set}); a form field's
 * comes from its type ({@link #of(FormField)}).
 */
public enum KeyboardLayout {
    /** The field has keys of its own (the catalog's search), or takes no typing. */
    NONE,
    /** Digits and "-": a mobile number, or a landline with its area code. */
    PHONE,
    /** Digits and X: an ID number's check character (GB 11643). */
    ID_NUMBER,
    /** Digits and the decimal point: amounts, years. */
    DECIMAL,
    /** A picker of year, month and day that writes yyyy-MM-dd: nothing to type, no format to learn. */
    DATE,
    /** Capital letters, digits and "-": codes on a certificate (unit numbers, credit codes, year-months). */
    CODE,
    /** Latin letters, digits and space. */
    LATIN,
    /** Pinyin with candidates from the dictionary; switches to Latin letters. */
    CHINESE;

    private static final String PROPERTY = KeyboardLayout.class.getName();

    /**
     * A form field's keyboard: by its type; a text field with a pattern holds a code, not words (the catalog's
     * patterned text fields are all certificate numbers, bank cards and year-months).
     */
    public static KeyboardLayout of(FormField field) {
        return of(field.type(), field.pattern().isPresent());
    }

    static KeyboardLayout of(FieldType type, boolean patterned) {
        return switch (type) {
            case PHONE -> PHONE;
            case ID_NUMBER -> ID_NUMBER;
            case NUMBER -> DECIMAL;
            case DATE -> DATE;
            case CHOICE -> NONE;
            case TEXT -> patterned ? CODE : CHINESE;
        };
    }

    /** Marks {@code field} with its keyboard. */
    public static <T extends TextInputControl> T set(T field, KeyboardLayout layout) {
        field.getProperties().put(PROPERTY, layout);
        return field;
    }

    /** The keyboard {@code field} was marked with; Chinese for a text field nobody marked. */
    public static KeyboardLayout of(TextInputControl field) {
        return field.getProperties().get(PROPERTY) instanceof KeyboardLayout layout ? layout : CHINESE;
    }

    /** Whether letters are typed as pinyin and chosen among candidates. */
    public boolean composes() {
        return this == CHINESE;
    }

    /** Whether the keys are letters (else digits, or the date picker). */
    public boolean letters() {
        return this == CODE || this == LATIN || this == CHINESE;
    }
}
