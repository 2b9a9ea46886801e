package org.govkiosk.app.catalog;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One field of an item's application form.
 *
 * @param pattern the whole value must match it; {@code invalid} is what the citizen is told when it does not
 * @param choices the options of a {@link FieldType#CHOICE} field, empty for every other type
 */
public record FormField(String key, LocalizedText label, FieldType type, boolean required, Optional<Pattern> pattern,
        Optional<LocalizedText> invalid, List<String> choices, Optional<Prefill> prefill) {

    public FormField {
        choices = List.copyOf(choices);
        if (pattern.isPresent() != invalid.isPresent()) {
            throw new IllegalArgumentException("field " + key + ": a pattern goes with the message shown when unmet");
        }
        if ((type == FieldType.CHOICE) == choices.isEmpty()) {
            throw new IllegalArgumentException("field " + key + ": choices are for choice fields, and they need some");
        }
    }
}
