package org.govkiosk.print.template;

import java.util.List;
import java.util.Objects;
import org.govkiosk.print.data.TemplateKind;
import org.govkiosk.print.model.Medium;

/** A loaded, checked template: {@code id} is its file name without extension. */
public record Template(String id, TemplateKind kind, String title, Medium medium, List<TemplateBlock> blocks) {

    public Template {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(medium, "medium");
        blocks = List.copyOf(blocks);
    }
}
