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
