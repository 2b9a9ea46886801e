package org.govkiosk.app.ui.guide;

import java.util.List;

/**
 * A service guide ready for paper: the item's official (Chinese) name, code and department, then every section in
 * the language the citizen chose, as on screen.
 */
public record PrintableGuide(String title, String itemCode, String department, List<GuideSection> sections) {

    public PrintableGuide {
        sections = List.copyOf(sections);
    }
}
