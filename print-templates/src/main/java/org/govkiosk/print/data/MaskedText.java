package org.govkiosk.print.data;

import java.util.Objects;
import org.govkiosk.personal.Masking;

/**
 * Personal data in the form that may go on a receipt: 张** or 110***********123X. A class, not a record, so
 * that nothing outside the two factories can wrap an unmasked value and pass it off as masked.
 */
public final class MaskedText {

    private final String text;

    private MaskedText(String text) {
        this.text = text;
    }

    /** 张三丰 → 张**: the family name stays so the citizen recognises their receipt. */
    public static MaskedText name(String rawName) {
        requireText(rawName, "name");
        return new MaskedText(Masking.name(rawName.strip()));
    }

    /** 11010119900307123X → 110***********123X. */
    public static MaskedText idNumber(String rawIdNumber) {
        requireText(rawIdNumber, "ID number");
        return new MaskedText(Masking.idNumber(rawIdNumber.strip()));
    }

    public String text() {
        return text;
    }

    private static void requireText(String raw, String what) {
        if (raw == null || raw.isBlank()) {
            throw new IllegalArgumentException("no " + what + " to mask");
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MaskedText other && text.equals(other.text);
    }

    @Override
    public int hashCode() {
        return Objects.hash(text);
    }

    @Override
    public String toString() {
        return text;
    }
}
