package org.govkiosk.app.ui.guide;

import java.util.List;

/** One headed part of a service guide, as shown and as printed: the heading and its lines, in the UI language. */
public record GuideSection(String id, String heading, List<String> lines) {

    public GuideSection {
        lines = List.copyOf(lines);
    }
}
