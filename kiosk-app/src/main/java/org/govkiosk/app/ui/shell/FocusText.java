package org.govkiosk.app.ui.shell;

import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextInputControl;

/**
 * What read-the-screen says for a focused control: its accessible text where it has one, else a button's or label's
 * text, else a field's prompt. What a citizen typed and a person's own data are never said aloud in the hall.
 */
public final class FocusText {

    private FocusText() {
    }

    /**
     * The text of the label {@code touched} is in (a touch lands on the label's text node), unless it shows a
     * person's own data; empty for anything else (controls speak when they take the focus).
     */
    public static java.util.Optional<String> label(Node touched) {
        for (Node n = touched; n != null; n = n.getParent()) {
            if (n.getStyleClass().contains(Controls.PERSONAL_DATA)) {
                return java.util.Optional.empty();
            }
            if (n instanceof javafx.scene.control.Label label) {
                return java.util.Optional.ofNullable(label.getText()).filter(t -> !t.isBlank());
            }
            if (n instanceof javafx.scene.control.Control) {
                return java.util.Optional.empty();
            }
        }
        return java.util.Optional.empty();
    }

    public static String of(Node node) {
        if (node == null || node.getStyleClass().contains(Controls.PERSONAL_DATA)) {
            return "";
        }
        if (node.getAccessibleText() != null && !node.getAccessibleText().isBlank()) {
            return node.getAccessibleText();
        }
        if (node instanceof Labeled labeled) {
            return labeled.getText() == null ? "" : labeled.getText();
        }
        if (node instanceof TextInputControl field) {
            return field.getPromptText() == null ? "" : field.getPromptText();
        }
        return "";
    }
}
