package org.govkiosk.app.ui.keyboard;

import javafx.application.Platform;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Bounds;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.Rectangle;

/**
 * Brings the keyboard up for the field a citizen taps, with that field's layout, and keeps the field in sight:
 * the keyboard lies over the bottom of the screen, and while it is up the screen is laid out in the room above it
 * (a bottom margin as tall as the keyboard), so its scroll panes end where the keyboard begins and nothing of the
 * screen lies under the keyboard; the field is scrolled into the room left (in its scroll pane, and, where the
 * screen is taller than that room, in the shell's page). It stays in sight when the layout changes while the
 * keyboard is up (another type size, language or window size, {@link #revealOnChange}): it is scrolled there
 * again. Nothing changes while a finger is
 * down: the keyboard comes and goes when the tap ends. It goes when the citizen taps 完成 or anywhere that is
 * neither keyboard nor field, when the screen changes, and when a hardware keyboard is used (a technician's, or a
 * test's robot), so typed keys and on-screen keys never compete.
 */
public final class KeyboardDock {

    /** Marks, for the length of one focus request, a field a screen offers as the first to fill. */
    private static final String OFFERED = "govkiosk.keyboard.offered";

    /** Space kept between the field and the keyboard, so the field's frame is seen whole. */
    static final double MARGIN = 24;

    private final KeyboardViewModel model;
    private final Node keyboard;
    private final Region content;
    private TextInputControl pressedField;
    private boolean pressedKeyboard;
    private TextInputControl target;
    /** The screen laid out above the keyboard (its bottom margin), to be given its whole room back. */
    private Node raised;

    /**
     * @param keyboard the keyboard's node, laid over the bottom of the shell
     * @param content  the shell's content area: the screen in it moves up when a field would be covered
     */
    public KeyboardDock(KeyboardViewModel model, Node keyboard, Region content) {
        this.model = model;
        this.keyboard = keyboard;
        this.content = content;
        // A screen moved up must not slide over the shell's top bar.
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(content.widthProperty());
        clip.heightProperty().bind(content.heightProperty());
        content.setClip(clip);
        model.shownProperty().addListener((obs, was, shown) -> {
            if (!shown) {
                target = null;
                // The screen given room, though another may be showing now (a screen change hides the keyboard).
                if (raised != null) {
                    raised.setTranslateY(0);
                    StackPane.setMargin(raised, null);
                    raised = null;
                }
                screen().ifPresent(s -> s.setTranslateY(0));
                ScrollPane page = page();
                if (page != null && !Double.isNaN(pageBefore)) {
                    page.setVvalue(pageBefore);
                }
                pageBefore = Double.NaN;
            }
        });
        // The keyboard's height follows the type size: the room left above it follows the keyboard; and the
        // content area follows the window's size.
        keyboard.layoutBoundsProperty().addListener((obs, was, now) -> {
            if (target != null) {
                keepRoom();
                revealLater();
            }
        });
        content.layoutBoundsProperty().addListener((obs, was, now) -> {
            if (target != null && !revealing) {
                revealLater();
            }
        });
    }

    /** The room above the keyboard: the screen's bottom margin as tall as the keyboard, while it is up. */
    private void keepRoom() {
        screen().ifPresent(s -> {
            if (raised != null && raised != s) {
                raised.setTranslateY(0);
                StackPane.setMargin(raised, null);
            }
            raised = s;
            double height = keyboard.isVisible() ? Math.ceil(keyboard.getLayoutBounds().getHeight()) : 0;
            Insets now = StackPane.getMargin(s);
            if (now == null || now.getBottom() != height) {
                StackPane.setMargin(s, height == 0 ? null : new Insets(0, 0, height, 0));
            }
        });
    }

    private boolean revealPending;
    /** While the field is being scrolled into sight: its moves then are the reveal's own. */
    private boolean revealing;
    /** Where the page was scrolled before the keyboard came up, to go back there when it goes. */
    private double pageBefore = Double.NaN;

    /**
     * Scrolls the field into sight again after each of {@code changes} (the language, the type size) while the
     * keyboard is up: the screen's layout changed under it. A citizen's own swipe through the form is left alone.
     */
    public void revealOnChange(javafx.beans.Observable... changes) {
        for (javafx.beans.Observable change : changes) {
            change.addListener(o -> {
                if (target != null && !revealing) {
                    revealLater();
                }
            });
        }
    }

    private void revealLater() {
        if (revealPending) {
            return;
        }
        revealPending = true;
        Platform.runLater(() -> {
            revealPending = false;
            if (target != null && model.shownProperty().get()) {
                reveal(target);
            }
        });
    }

    /** Hides the keyboard whenever {@code screen} changes: it belongs to the field of the screen it came up for. */
    public void hideOnChange(ObservableValue<?> screen) {
        screen.addListener((obs, was, now) -> model.hide());
    }

    public void attach(Scene scene) {
        scene.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> {
            Node picked = e.getPickResult().getIntersectedNode();
            pressedKeyboard = inside(picked, keyboard);
            pressedField = pressedKeyboard ? null : field(picked);
        });
        scene.addEventFilter(MouseEvent.MOUSE_RELEASED, e -> {
            TextInputControl tapped = pressedField;
            boolean onKeyboard = pressedKeyboard;
            boolean tap = e.isStillSincePress();
            // The keyboard this tap may close: the one up before it, not one its button brings up for a new screen.
            TextInputControl upFor = target;
            pressedField = null;
            pressedKeyboard = false;
            // After the release has reached its target (a button fires on release): then the layout may change.
            Platform.runLater(() -> {
                if (tapped != null && tapped.getScene() == scene) {
                    open(tapped);
                } else if (!onKeyboard && tap && upFor != null && target == upFor && model.shownProperty().get()) {
                    model.hide();
                }
            });
        });
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (model.shownProperty().get()) {
                model.hide();
            }
        });
        scene.focusOwnerProperty().addListener((obs, was, now) -> {
            // Another field took the focus while the keyboard is up (the form's next field): follow it. A field a
            // screen offers as the first to fill comes up with its keyboard, as if tapped.
            if (now instanceof TextInputControl field && field != target && pressedField == null
                    && (model.shownProperty().get() || field.getProperties().containsKey(OFFERED))) {
                open(field);
            }
        });
    }

    /**
     * Gives {@code field} the focus with its keyboard up, as if the citizen had tapped it: for the first field a
     * screen needs filled, so a form that is all one date is one tap in the picker, not two. A screen calls it
     * when shown; the keyboard it belongs to follows the focus, so the screen needs no hold of it.
     */
    public static void offer(TextInputControl field) {
        if (field.getScene() == null || field.isFocused()) {
            return;
        }
        field.getProperties().put(OFFERED, Boolean.TRUE);
        try {
            field.requestFocus();
        } finally {
            field.getProperties().remove(OFFERED);
        }
    }

    /** The keyboard for {@code field}, and the field moved into sight above it. */
    void open(TextInputControl field) {
        KeyboardLayout layout = KeyboardLayout.of(field);
        if (!field.isEditable() || field.isDisabled() || layout == KeyboardLayout.NONE) {
            model.hide();
            return;
        }
        if (!field.isFocused()) {
            field.requestFocus();
        }
        target = field;
        model.show(layout, new FieldTarget(field));
        reveal(field);
    }

    /**
     * Lays the screen out above the keyboard and scrolls {@code field} into sight there: in the scroll panes around
     * it, then in the shell's page where the screen is taller than the room above the keyboard. Where there is no
     * page to scroll, the screen is moved up instead. Scrolls only as far as needed: calling it again changes
     * nothing.
     */
    void reveal(Node field) {
        Parent root = content.getScene() == null ? null : content.getScene().getRoot();
        var screen = screen();
        if (root == null || screen.isEmpty() || revealing) {
            return;
        }
        revealing = true;
        try {
            root.applyCss();
            root.layout();
            keepRoom();
            root.layout();
            double keyboardTop = keyboard.localToScene(keyboard.getLayoutBounds()).getMinY();
            // A screen taller than the room above the keyboard: its foot (the buttons) right above the keyboard
            // first, whatever the sizes, and back up only if the field would then be hidden at the top.
            ScrollPane page = page();
            if (page != null) {
                if (Double.isNaN(pageBefore)) {
                    pageBefore = page.getVvalue();
                }
                page.setVvalue(page.getVmax());
                root.layout();
            }
            for (Node n = field.getParent(); n != null && n != content; n = n.getParent()) {
                if (n instanceof ScrollPane pane) {
                    scrollInto(pane, field, keyboardTop);
                    root.layout();
                }
            }
            Bounds f = field.localToScene(field.getLayoutBounds());
            double over = f.getMaxY() - (keyboardTop - MARGIN);
            if (page != null) {
                Bounds view = page.localToScene(page.getLayoutBounds());
                double above = view.getMinY() + MARGIN - f.getMinY();
                double shift = above > 0 ? -above : over > 0 ? over : 0;
                if (shift != 0) {
                    org.govkiosk.app.ui.shell.Controls.scrollBy(page, shift);
                    root.layout();
                }
                return;
            }
            screen.get().setTranslateY(0);
            root.layout();
            f = field.localToScene(field.getLayoutBounds());
            over = f.getMaxY() - (keyboardTop - MARGIN);
            if (over > 0) {
                screen.get().setTranslateY(-over);
            }
        } finally {
            revealing = false;
        }
    }

    /** The shell's page: the scroll pane around the content area, if any. */
    private ScrollPane page() {
        for (Node n = content.getParent(); n != null; n = n.getParent()) {
            if (n instanceof ScrollPane pane) {
                return pane;
            }
        }
        return null;
    }

    /** Scrolls {@code pane} so the field lies in the part of it the keyboard leaves free, as far as it can. */
    private static void scrollInto(ScrollPane pane, Node field, double keyboardTop) {
        Bounds view = pane.localToScene(pane.getLayoutBounds());
        org.govkiosk.app.ui.shell.Controls.scrollInto(pane, field, view.getMinY() + MARGIN,
                Math.min(view.getMaxY(), keyboardTop) - MARGIN);
    }

    private java.util.Optional<Node> screen() {
        return content.getChildrenUnmodifiable().isEmpty() ? java.util.Optional.empty()
                : java.util.Optional.of(content.getChildrenUnmodifiable().get(0));
    }

    private static boolean inside(Node node, Node ancestor) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n == ancestor) {
                return true;
            }
        }
        return false;
    }

    /** The text field {@code node} belongs to (a tap lands on its inner text or skin), if editable. */
    private static TextInputControl field(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n instanceof TextInputControl f) {
                return f.isEditable() && !f.isDisabled() ? f : null;
            }
        }
        return null;
    }

    /** Keys act on the field through its own editing: at the caret, replacing a selection. */
    private record FieldTarget(TextInputControl field) implements KeyboardViewModel.Target {
        @Override
        public void insert(String text) {
            field.replaceSelection(text);
        }

        @Override
        public void deleteBackward() {
            if (field.getSelection().getLength() > 0) {
                field.replaceSelection("");
            } else {
                field.deletePreviousChar();
            }
        }

        @Override
        public void replace(String text) {
            field.setText(text);
            field.positionCaret(text.length());
        }

        @Override
        public String text() {
            return field.getText() == null ? "" : field.getText();
        }
    }
}
