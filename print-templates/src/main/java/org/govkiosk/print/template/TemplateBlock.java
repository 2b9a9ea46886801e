package org.govkiosk.print.template;

import java.util.List;
import java.util.Objects;
import org.govkiosk.print.model.Align;
import org.govkiosk.print.model.Block;
import org.govkiosk.print.model.TextStyle;

/** A block of a template as written in its file: text may still hold {@code ${field}} placeholders. */
public sealed interface TemplateBlock {

    /** A heading or a paragraph. */
    record Text(boolean heading, String text, TextStyle style) implements TemplateBlock {
    }

    record Fields(List<Label> rows) implements TemplateBlock {
        public Fields {
            rows = List.copyOf(rows);
        }
    }

    /** A row of a fields block; {@code when} (may be null) names the field that must be non-empty to show it. */
    record Label(String label, String value, String when) {
        public Label(String label, String value) {
            this(label, value, null);
        }
    }

    /** One row per element of the list field {@code each}; {@code row} placeholders name the element's fields. */
    record Table(String each, List<String> header, List<String> row, List<Integer> widths) implements TemplateBlock {
        public Table {
            header = List.copyOf(header);
            row = List.copyOf(row);
            widths = List.copyOf(widths);
        }
    }

    /** {@code caption} may be null. */
    record Qr(String payload, float sizeMm, String caption) implements TemplateBlock {
    }

    /** An image taken from an {@code ImageData} field of the data, such as the department's seal. */
    record ImageField(String field, float widthMm, Align align, boolean overlay) implements TemplateBlock {
    }

    /**
     * A block shown only when the field {@code when} is non-empty: not null, not blank, not an empty list, not
     * {@code false} ({@code when: caseNumber} in the file).
     */
    record When(String when, TemplateBlock block) implements TemplateBlock {
        public When {
            Objects.requireNonNull(when, "when");
            Objects.requireNonNull(block, "block");
        }
    }

    /** A block without placeholders (rule, spacer, cut, an image file shipped with the templates). */
    record Fixed(Block block) implements TemplateBlock {
        public Fixed {
            Objects.requireNonNull(block, "block");
        }
    }
}
