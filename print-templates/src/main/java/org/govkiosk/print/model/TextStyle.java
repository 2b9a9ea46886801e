package org.govkiosk.print.model;

import java.util.Objects;

/** How a run of text is set: alignment, size, weight. */
public record TextStyle(Align align, TextSize size, boolean bold) {

    public static final TextStyle BODY = new TextStyle(Align.LEFT, TextSize.NORMAL, false);
    public static final TextStyle TITLE = new TextStyle(Align.CENTER, TextSize.LARGE, true);

    public TextStyle {
        Objects.requireNonNull(align, "align");
        Objects.requireNonNull(size, "size");
    }
}
