package org.govkiosk.app.ui.shell;

import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.layout.HBox;

/**
 * A row of choices that must look alike (the five 好差评 levels): every child gets one and the same width, its
 * preferred where the row has room, all narrower alike where it has not (never below a child's minimum), and the
 * row is centred. An {@link HBox} would shrink them unevenly by the pixel its rounding leaves over, or grow one.
 * Right to left, the row is mirrored as any node is.
 */
public final class EvenRow extends HBox {

    public EvenRow(double spacing) {
        super(spacing);
    }

    @Override
    protected void layoutChildren() {
        List<Node> children = getManagedChildren();
        if (children.isEmpty()) {
            return;
        }
        Insets in = getInsets();
        int n = children.size();
        double gaps = snapSpaceX(getSpacing()) * (n - 1);
        double room = getWidth() - in.getLeft() - in.getRight() - gaps;
        double width = Math.floor(room / n);
        for (Node child : children) {
            width = Math.min(width, child.prefWidth(-1));
        }
        for (Node child : children) {
            width = Math.max(width, child.minWidth(-1));
        }
        double rowHeight = 0;
        for (Node child : children) {
            rowHeight = Math.max(rowHeight, child.prefHeight(width));
        }
        double used = width * n + gaps;
        double x = in.getLeft() + Math.max(0, Math.floor((room + gaps - used) / 2));
        double top = in.getTop();
        double height = getHeight() - in.getTop() - in.getBottom();
        for (Node child : children) {
            double h = Math.min(Math.max(child.minHeight(width), Math.min(rowHeight, child.maxHeight(width))),
                    height);
            child.resizeRelocate(x, top + Math.floor((height - h) / 2), width, h);
            x += width + snapSpaceX(getSpacing());
        }
    }
}
