package org.govkiosk.app.journey;

import java.util.Objects;
import java.util.Optional;
import org.govkiosk.app.catalog.LocalizedText;

/**
 * What is wrong with one part of an application, for the citizen: an i18n key (with arguments), or the catalog's
 * own wording when the item defines it ({@code invalid} of a field pattern).
 *
 * @param target the form field's key, {@code materials[i]} for a material, or {@code commitment}
 */
public record FieldProblem(String target, String messageKey, Optional<LocalizedText> catalogText, Object... args) {

    public static final String COMMITMENT = "commitment";

    public FieldProblem {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(messageKey, "messageKey");
        Objects.requireNonNull(catalogText, "catalogText");
        args = args.clone();
    }

    public static FieldProblem of(String target, String messageKey, Object... args) {
        return new FieldProblem(target, messageKey, Optional.empty(), args);
    }

    public static String material(int index) {
        return "materials[" + index + "]";
    }

    @Override
    public Object[] args() {
        return args.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FieldProblem p && target.equals(p.target) && messageKey.equals(p.messageKey)
                && catalogText.equals(p.catalogText) && java.util.Arrays.equals(args, p.args);
    }

    @Override
    public int hashCode() {
        return Objects.hash(target, messageKey, catalogText, java.util.Arrays.hashCode(args));
    }

    @Override
    public String toString() {
        // Never the value itself: it may be personal data.
        return "FieldProblem[" + target + ": " + messageKey + "]";
    }
}
