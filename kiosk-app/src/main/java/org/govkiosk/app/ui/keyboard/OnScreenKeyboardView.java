package org.govkiosk.app.ui.keyboard;

import java.util.EnumMap;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.govkiosk.app.i18n.I18n;

/**
 * The keys of every layout on a fixed grid of fixed-size keys (kiosk.css: {@code .osk-key}, at least 64 px, 72 px in
 * large type): a key never moves or resizes under the finger, whatever is typed, and candidates sit in a fixed
 * row of fixed slots. Keys take no focus, so the field keeps its caret. Each layout's keys are built once.
 */
public final class OnScreenKeyboardView {

    private static final PseudoClass CHOSEN = PseudoClass.getPseudoClass("chosen");
    private static final String[] LETTER_ROWS = {"1234567890", "qwertyuiop", "asdfghjkl-", "zxcvbnm"};

    private final KeyboardViewModel model;
    private final I18n i18n;
    private final VBox root = new VBox(8);
    private final StackPane body = new StackPane();
    private final Map<KeyboardLayout, Node> panes = new EnumMap<>(KeyboardLayout.class);
    private final HBox candidateBar;

    public OnScreenKeyboardView(KeyboardViewModel model, I18n i18n) {
        this.model = model;
        this.i18n = i18n;
        root.setId("osk");
        // Its keys are Latin letters, pinyin and digits: the same order on a Uyghur (right-to-left) screen.
        org.govkiosk.app.ui.shell.Controls.leftToRight(root);
        root.getStyleClass().add("osk");
        root.setAlignment(Pos.TOP_CENTER);
        root.setMaxHeight(Region.USE_PREF_SIZE);
        candidateBar = candidateBar();
        root.getChildren().addAll(candidateBar, body);
        root.visibleProperty().bind(model.shownProperty());
        root.managedProperty().bind(model.shownProperty());
        model.layoutProperty().addListener((obs, was, now) -> showLayout(now));
        showLayout(model.layoutProperty().get());
    }

    public Node view() {
        return root;
    }

    private void showLayout(KeyboardLayout layout) {
        boolean candidates = layout == KeyboardLayout.CHINESE;
        candidateBar.setVisible(candidates);
        candidateBar.setManaged(candidates);
        if (layout == KeyboardLayout.NONE) {
            body.getChildren().clear();
            return;
        }
        body.getChildren().setAll(panes.computeIfAbsent(layout, this::build));
    }

    private Node build(KeyboardLayout layout) {
        return switch (layout) {
            case DATE -> new DatePickerView(model, i18n).view();
            case PHONE -> digits(layout, "-");
            case ID_NUMBER -> digits(layout, "X");
            case DECIMAL -> digits(layout, ".");
            default -> letters(layout);
        };
    }

    /** The pinyin typed so far, and a page of what it may be. */
    private HBox candidateBar() {
        Label composing = new Label();
        composing.setId("osk-composing");
        composing.getStyleClass().add("osk-composing");
        composing.textProperty().bind(model.composingProperty());
        Button previous = key("◀", "osk-page", model::previousPage);
        previous.setId("osk-page-previous");
        previous.disableProperty().bind(model.hasPreviousPageProperty().not());
        HBox bar = new HBox(8, composing, previous);
        for (int i = 0; i < KeyboardViewModel.PAGE_SIZE; i++) {
            int slot = i;
            Button c = key("", "osk-candidate", () -> model.choose(slot));
            c.setId("osk-candidate-" + i);
            c.textProperty().bind(Bindings.createStringBinding(
                    () -> slot < model.page().size() ? model.page().get(slot).text() : "", model.page()));
            c.disableProperty().bind(Bindings.size(model.page()).lessThanOrEqualTo(slot));
            bar.getChildren().add(c);
        }
        Button next = key("▶", "osk-page", model::nextPage);
        next.setId("osk-page-next");
        next.disableProperty().bind(model.hasNextPageProperty().not());
        bar.getChildren().add(next);
        bar.setId("osk-candidates");
        bar.setAlignment(Pos.CENTER);
        return bar;
    }

    /** Ten digits on wide keys, one more key that the field needs ("-", "X" or "."), delete, clear and done. */
    private Node digits(KeyboardLayout layout, String extra) {
        GridPane grid = grid("osk-" + layout.name().toLowerCase(java.util.Locale.ROOT));
        for (int d = 1; d <= 9; d++) {
            grid.add(charKey(String.valueOf(d), "osk-digit"), (d - 1) % 3, (d - 1) / 3);
        }
        grid.add(charKey(extra, "osk-digit"), 0, 3);
        grid.add(charKey("0", "osk-digit"), 1, 3);
        addFunctionKeys(grid, 3, 1, 2);
        return grid;
    }

    /** Letters and digits; in the Chinese layout letters spell pinyin, and 中/英 switches to letters as they are. */
    private Node letters(KeyboardLayout layout) {
        GridPane grid = grid("osk-" + layout.name().toLowerCase(java.util.Locale.ROOT));
        for (int row = 0; row < LETTER_ROWS.length; row++) {
            String keys = LETTER_ROWS[row];
            int first = row == 3 ? 2 : 0;
            for (int i = 0; i < keys.length(); i++) {
                grid.add(letterKey(String.valueOf(keys.charAt(i))), first + i, row);
            }
        }
        grid.add(punctuation("，", ","), 9, 3);
        Button caps = wide(i18n.bind("keyboard.caps"), model::toggleCaps);
        caps.setId("osk-caps");
        model.capsProperty().addListener((obs, was, on) -> caps.pseudoClassStateChanged(CHOSEN, on));
        caps.pseudoClassStateChanged(CHOSEN, model.capsProperty().get());
        grid.add(caps, 0, 3, 2, 1);
        Button language = wide(Bindings.when(model.latinProperty()).then(i18n.bind("keyboard.to-pinyin"))
                .otherwise(i18n.bind("keyboard.to-latin")), model::toggleLatin);
        language.setId("osk-language");
        // Kept in its place when there is no pinyin to switch to, so the other keys stand where they always do.
        language.setVisible(layout == KeyboardLayout.CHINESE);
        grid.add(language, 0, 4, 2, 1);
        Button space = key("", "osk-space", model::space);
        space.textProperty().bind(i18n.bind("keyboard.space"));
        space.setId("osk-space");
        grid.add(space, 2, 4, 6, 1);
        grid.add(punctuation("。", "."), 8, 4);
        grid.add(charKey("/", "osk-key"), 9, 4);
        addFunctionKeys(grid, 10, 2, 3);
        return grid;
    }

    /** Delete, clear and done at the right of every layout; done is the tallest key. */
    private void addFunctionKeys(GridPane grid, int column, int columns, int doneRows) {
        Button delete = wide(i18n.bind("keyboard.backspace"), model::backspace);
        delete.setId("osk-backspace");
        Button clear = wide(i18n.bind("keyboard.clear"), model::clear);
        clear.setId("osk-clear");
        Button done = wide(i18n.bind("keyboard.done"), model::done);
        done.setId("osk-done");
        done.getStyleClass().addAll("osk-done", "osk-tall-" + doneRows);
        grid.add(delete, column, 0, columns, 1);
        grid.add(clear, column, 1, columns, 1);
        grid.add(done, column, 2, columns, doneRows);
    }

    private static GridPane grid(String id) {
        GridPane grid = new GridPane();
        grid.setId(id);
        grid.setHgap(8);
        grid.setVgap(8);
        grid.setAlignment(Pos.CENTER);
        return grid;
    }

    private Button letterKey(String letter) {
        Button b = charKey(letter, "osk-key");
        // Capitals show when they are what a tap gives.
        b.textProperty().bind(Bindings.createStringBinding(() -> model.capsProperty().get()
                && Character.isLetter(letter.charAt(0)) ? letter.toUpperCase(java.util.Locale.ROOT) : letter,
                model.capsProperty()));
        return b;
    }

    /** Full-width punctuation while writing Chinese, Latin otherwise. */
    private Button punctuation(String chinese, String latin) {
        Button b = key("", "osk-key", () -> model.type(writesChinese() ? chinese : latin));
        b.setId("osk-key-" + (int) latin.charAt(0));
        b.textProperty().bind(Bindings.createStringBinding(() -> writesChinese() ? chinese : latin,
                model.latinProperty(), model.layoutProperty()));
        return b;
    }

    private boolean writesChinese() {
        return model.layoutProperty().get() == KeyboardLayout.CHINESE && !model.latinProperty().get();
    }

    private Button charKey(String character, String styleClass) {
        Button b = key(character, styleClass, () -> model.type(character));
        b.setId("osk-key-" + (Character.isLetterOrDigit(character.charAt(0)) ? character
                : String.valueOf((int) character.charAt(0))));
        return b;
    }

    private Button wide(javafx.beans.value.ObservableValue<String> text, Runnable action) {
        Button b = key("", "osk-wide", action);
        b.textProperty().bind(text);
        return b;
    }

    static Button key(String text, String styleClass, Runnable action) {
        Button b = new Button(text);
        b.getStyleClass().addAll("osk-button", styleClass);
        // Keys take no focus: the field keeps its caret, and a hardware keyboard still types into it.
        b.setFocusTraversable(false);
        b.setOnAction(e -> action.run());
        return b;
    }
}
