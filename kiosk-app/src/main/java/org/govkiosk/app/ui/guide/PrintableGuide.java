package org.govkiosk.app.ui.guide;

import java.util.List;

/**
 * A service guide ready for paper: the item's name and code, then every section. Content stays Chinese as the
 * catalog words it; headings are in the language the citizen chose.
 */
public record PrintableGuide(String title, String itemCode, String department, List<GuideSection> sections) {

    public PrintableGuide {
        sections = List.copyOf(sections);
    }
}
