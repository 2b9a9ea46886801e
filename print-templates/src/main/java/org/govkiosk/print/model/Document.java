package org.govkiosk.print.model;

import java.util.List;
import java.util.Objects;

/** A filled document, ready for any renderer: no placeholders left, every field present. */
public record Document(String templateId, String title, Medium medium, List<Block> blocks) {

    public Document {
        Objects.requireNonNull(templateId, "templateId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(medium, "medium");
        blocks = List.copyOf(blocks);
    }
}
