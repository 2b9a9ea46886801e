package org.govkiosk.app.ui.shell;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import org.govkiosk.app.i18n.I18n;

/** Small builders for the terminal's labelled controls, so every text is bound to the language switch. */
public final class Controls {

    private Controls() {
    }

    /**
     * Style classes whose labels and buttons show the Mongolian vertically beside the Chinese, with the size of the
     * Mongolian against the control's font and the longest column in ems: headings and the home screen's tiles. The
     * journey's buttons (下一步, 提交, 返回) stay Chinese: a column of Mongolian makes a button twice as tall, and at
     * 1280×1024 the form would slip under the on-screen keyboard (docs/translations.md).
     */
    private static final java.util.Map<String, double[]> BILINGUAL = java.util.Map.of("title", new double[] {0.7, 4},
            "tile", new double[] {0.85, 5});

    public static Label label(I18n i18n, String key, String styleClass, Object... args) {
        Label label = new Label();
        label.textProperty().bind(i18n.bind(key, args));
        label.getStyleClass().add(styleClass);
        if (BILINGUAL.containsKey(styleClass)) {
            mongolian(label, i18n.bindMongolian(key, args), BILINGUAL.get(styleClass)[0],
                    BILINGUAL.get(styleClass)[1]);
        }
        return wrap(label);
    }

    public static Button button(I18n i18n, String key, String styleClass, Runnable action) {
        Button button = new Button();
        button.textProperty().bind(i18n.bind(key));
        button.getStyleClass().add(styleClass);
        button.setOnAction(e -> action.run());
        if (BILINGUAL.containsKey(styleClass)) {
            mongolian(button, i18n.bindMongolian(key), BILINGUAL.get(styleClass)[0], BILINGUAL.get(styleClass)[1]);
        }
        return fitText(button);
    }

    /**
     * The bilingual Mongolian + Chinese form of {@code labeled}: {@code mongolian} (empty except on a Mongolian
     * screen) written vertically left of the Chinese, as Inner Mongolia's bilingual signs put it (Mongolian first,
     * its columns running left to right). The Chinese keeps the control's text; the Mongolian is its graphic, in the
     * control's own text colour.
     */
    public static <T extends javafx.scene.control.Labeled> T mongolian(T labeled,
            javafx.beans.value.ObservableValue<String> mongolian) {
        return mongolian(labeled, mongolian, 1, 8);
    }

    /**
     * {@link #mongolian(javafx.scene.control.Labeled, javafx.beans.value.ObservableValue)} with the Mongolian at
     * {@code scale} times the control's font size, in columns of at most {@code columnEms} of its size.
     */
    public static <T extends javafx.scene.control.Labeled> T mongolian(T labeled,
            javafx.beans.value.ObservableValue<String> mongolian, double scale, double columnEms) {
        VerticalMongolianText vertical = new VerticalMongolianText();
        vertical.columnLengthProperty().set(columnEms);
        vertical.textProperty().bind(mongolian);
        vertical.fillProperty().bind(labeled.textFillProperty());
        vertical.fontSizeProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(
                () -> labeled.getFont().getSize() * scale, labeled.fontProperty()));
        labeled.graphicProperty().bind(javafx.beans.binding.Bindings.when(vertical.managedProperty())
                .then((javafx.scene.Node) vertical).otherwise((javafx.scene.Node) null));
        labeled.setContentDisplay(javafx.scene.control.ContentDisplay.LEFT);
        labeled.setGraphicTextGap(12);
        return labeled;
    }

    /**
     * Scrolls every scrolling pane around {@code node} as little as brings all of it into view (its foot, where it
     * is taller than the view: the buttons that end a part of a screen), once the pending layout is done: for a
     * part of a screen that appears below the fold after a tap (the reasons of a bad rating with their 提交评价).
     */
    public static void reveal(javafx.scene.Node node) {
        if (node.getScene() == null) {
            return;
        }
        javafx.scene.Parent root = node.getScene().getRoot();
        root.applyCss();
        root.layout();
        for (javafx.scene.Node n = node.getParent(); n != null; n = n.getParent()) {
            if (n instanceof javafx.scene.control.ScrollPane pane) {
                javafx.geometry.Bounds view = pane.localToScene(pane.getLayoutBounds());
                scrollInto(pane, node, view.getMinY(), view.getMaxY());
                root.layout();
            }
        }
    }

    /**
     * Scrolls {@code pane} so {@code node} lies between {@code top} and {@code bottom} (scene coordinates), its foot
     * first where it does not fit, as far as the pane goes.
     */
    public static void scrollInto(javafx.scene.control.ScrollPane pane, javafx.scene.Node node, double top,
            double bottom) {
        javafx.geometry.Bounds f = node.localToScene(node.getLayoutBounds());
        double shift = f.getMaxY() > bottom ? f.getMaxY() - bottom : f.getMinY() < top ? f.getMinY() - top : 0;
        if (shift != 0) {
            scrollBy(pane, shift);
        }
    }

    /** Scrolls {@code pane} by {@code pixels} (down when positive), as far as it goes. */
    public static void scrollBy(javafx.scene.control.ScrollPane pane, double pixels) {
        double contentHeight = pane.getContent().getLayoutBounds().getHeight();
        double viewport = pane.getViewportBounds().getHeight();
        if (contentHeight <= viewport) {
            return;
        }
        double offset = pane.getVvalue() * (contentHeight - viewport) + pixels;
        double v = Math.max(0, Math.min(1, offset / (contentHeight - viewport)));
        pane.setVvalue(pane.getVmin() + v * (pane.getVmax() - pane.getVmin()));
    }

    /**
     * Style class of a pane whose children are choices a person must see all at once to choose fairly (the five
     * levels of 好差评: none below the fold or behind a scroll): the screen check finds any of them not wholly in view.
     */
    public static final String SEEN_TOGETHER = "seen-together";

    /** Marks {@code pane}'s children as choices seen together ({@link #SEEN_TOGETHER}). */
    public static <P extends javafx.scene.layout.Pane> P seenTogether(P pane) {
        pane.getStyleClass().add(SEEN_TOGETHER);
        return pane;
    }

    /**
     * Style class of a node that shows a person's own data (a name or address off the ID card, what the citizen
     * typed): data, not UI, so it is shown as written in every language and never counts as untranslated.
     */
    public static final String PERSONAL_DATA = "personal-data";

    /** Marks {@code node} as showing a person's own data ({@link #PERSONAL_DATA}). */
    public static <N extends javafx.scene.Node> N personalData(N node) {
        node.getStyleClass().add(PERSONAL_DATA);
        if (node instanceof javafx.scene.control.Labeled labeled) {
            // A name or address reads in its own direction: 张* on a Uyghur screen stays 张*, not *张.
            labeled.textProperty().addListener((obs, was, now) -> ownDirection(labeled, now));
            ownDirection(labeled, labeled.getText());
        }
        return node;
    }

    /** Left to right when the text's first strong letter is (Chinese, Latin); else the screen's direction. */
    private static void ownDirection(javafx.scene.Node node, String text) {
        node.setNodeOrientation(firstStrongIsLeftToRight(text) ? javafx.geometry.NodeOrientation.LEFT_TO_RIGHT
                : javafx.geometry.NodeOrientation.INHERIT);
    }

    static boolean firstStrongIsLeftToRight(String text) {
        if (text == null) {
            return false;
        }
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            byte d = Character.getDirectionality(cp);
            if (d == Character.DIRECTIONALITY_LEFT_TO_RIGHT) {
                return true;
            }
            if (d == Character.DIRECTIONALITY_RIGHT_TO_LEFT || d == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC) {
                return false;
            }
            i += Character.charCount(cp);
        }
        return false;
    }

    /** Wraps {@code labeled}'s text and gives it the height of all its lines, never cut after the first. */
    public static <T extends javafx.scene.control.Labeled> T wrap(T labeled) {
        labeled.setWrapText(true);
        labeled.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        return labeled;
    }

    /**
     * Keeps {@code control} from being squeezed below its text ("…") in either direction: a row that cannot hold
     * it must wrap or scroll.
     */
    public static <T extends javafx.scene.layout.Region> T fitText(T control) {
        control.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        control.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        return control;
    }

    /**
     * Keeps {@code node} left to right on a right-to-left (Uyghur) screen: phone, ID and case numbers, dates, codes
     * and the keypads that type them read the same in every language. Text inside it still follows the Unicode
     * bidirectional algorithm.
     */
    public static <T extends javafx.scene.Node> T leftToRight(T node) {
        node.setNodeOrientation(javafx.geometry.NodeOrientation.LEFT_TO_RIGHT);
        return node;
    }
}
