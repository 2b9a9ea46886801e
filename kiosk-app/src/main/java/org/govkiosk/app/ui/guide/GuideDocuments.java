package org.govkiosk.app.ui.guide;

import java.util.ArrayList;
import java.util.List;
import org.govkiosk.print.model.Align;
import org.govkiosk.print.model.Block;
import org.govkiosk.print.model.Document;
import org.govkiosk.print.model.Medium;
import org.govkiosk.print.model.TextSize;
import org.govkiosk.print.model.TextStyle;

/** A service guide as a printable document: its sections as headings and paragraphs, on A4 (receipt if none). */
public final class GuideDocuments {

    private static final TextStyle SECTION = new TextStyle(Align.LEFT, TextSize.NORMAL, true);

    private GuideDocuments() {
    }

    public static Document of(PrintableGuide guide) {
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Heading(guide.title(), TextStyle.TITLE));
        blocks.add(new Block.KeyValueTable(List.of(new Block.Entry("事项编码", guide.itemCode()),
                new Block.Entry("办理部门", guide.department()))));
        for (GuideSection section : guide.sections()) {
            if (section.lines().isEmpty()) {
                continue;
            }
            blocks.add(new Block.Heading(section.heading(), SECTION));
            for (String line : section.lines()) {
                if (!line.isBlank()) {
                    blocks.add(new Block.Paragraph(line, TextStyle.BODY));
                }
            }
        }
        return new Document("service-guide", guide.title(), Medium.A4, blocks);
    }
}
