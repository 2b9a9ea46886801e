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

    /** What every paper of a terminal in training mode says, in the two languages a clerk and a citizen read. */
    public static final String SPECIMEN_TEXT = "培训 SPECIMEN · 无效 NOT VALID";

    /**
     * The same document marked as a training specimen: the mark first, and again at its end (before a final cut),
     * so both ends of a receipt carry it. Marking a marked document changes nothing.
     */
    public Document specimen() {
        if (blocks.stream().anyMatch(b -> b instanceof Block.Specimen)) {
            return this;
        }
        Block mark = new Block.Specimen(SPECIMEN_TEXT);
        java.util.List<Block> marked = new java.util.ArrayList<>(blocks.size() + 2);
        marked.add(mark);
        marked.addAll(blocks);
        int end = !marked.isEmpty() && marked.get(marked.size() - 1) instanceof Block.Cut
                ? marked.size() - 1 : marked.size();
        marked.add(end, mark);
        return new Document(templateId, title, medium, marked);
    }
}
