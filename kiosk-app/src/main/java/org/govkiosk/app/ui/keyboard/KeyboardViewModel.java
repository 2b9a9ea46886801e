package org.govkiosk.app.ui.keyboard;

import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The on-screen keyboard: which layout is up and for which field, the pinyin being composed and the page of
 * candidates shown for it. Keys act on a {@link Target} (the field), never through key events, so the field
 * keeps its focus and its caret; pinyin stays in the keyboard until a candidate is chosen, so the field holds only
 * what the citizen chose.
 */
public final class KeyboardViewModel {

    /** The field typed into. */
    public interface Target {
        void insert(String text);

        void deleteBackward();

        /** Replaces the whole value (the date picker, clear). */
        void replace(String text);

        String text();
    }

    /** Candidates shown at once: a fixed row of fixed slots, so nothing moves while one types. */
    public static final int PAGE_SIZE = 6;
    /** Longer than any syllable run a citizen types before choosing; keeps the composition on its one line. */
    static final int MAX_COMPOSING = 24;

    private final Supplier<PinyinDictionary> dictionary;
    private final DatePickerViewModel date;
    private final ReadOnlyObjectWrapper<KeyboardLayout> layout = new ReadOnlyObjectWrapper<>(KeyboardLayout.NONE);
    private final ReadOnlyBooleanWrapper shown = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper composing = new ReadOnlyStringWrapper("");
    private final ObservableList<PinyinDictionary.Candidate> page = FXCollections.observableArrayList();
    private final ReadOnlyIntegerWrapper pageIndex = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyBooleanWrapper hasPreviousPage = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper hasNextPage = new ReadOnlyBooleanWrapper(false);
    private final BooleanProperty latin = new SimpleBooleanProperty(false);
    private final BooleanProperty caps = new SimpleBooleanProperty(false);
    private List<PinyinDictionary.Candidate> candidates = List.of();
    private PinyinDictionary loaded;
    private Target target;

    /** @param dictionary read on first use: a terminal whose citizens never type Chinese never reads it */
    public KeyboardViewModel(Supplier<PinyinDictionary> dictionary, DatePickerViewModel date) {
        this.dictionary = dictionary;
        this.date = date;
    }

    /** Shows {@code kind} for {@code field}; a pinyin still being composed for another field is dropped. */
    public void show(KeyboardLayout kind, Target field) {
        if (kind == KeyboardLayout.NONE) {
            hide();
            return;
        }
        setComposing("");
        target = field;
        latin.set(false);
        caps.set(kind == KeyboardLayout.CODE);
        layout.set(kind);
        if (kind == KeyboardLayout.DATE) {
            date.open(field.text(), field::replace);
        }
        shown.set(true);
    }

    /** Takes the keyboard away (the screen changed, the citizen is done): what was being composed goes. */
    public void hide() {
        setComposing("");
        target = null;
        shown.set(false);
        layout.set(KeyboardLayout.NONE);
    }

    /** Done: pinyin not yet turned into characters stays as the letters typed, so nothing typed is lost. */
    public void done() {
        if (target != null && !composing.get().isEmpty()) {
            target.insert(composing.get());
        }
        hide();
    }

    /** A key with a character: a letter joins the pinyin being composed, anything else goes into the field. */
    public void type(String key) {
        if (target == null || key.isEmpty()) {
            return;
        }
        boolean letter = key.length() == 1 && Character.isLetter(key.charAt(0));
        if (letter && composingPinyin()) {
            if (composing.get().length() < MAX_COMPOSING) {
                setComposing(composing.get() + key.toLowerCase(Locale.ROOT));
            }
            return;
        }
        commitBest();
        target.insert(letter && caps.get() ? key.toUpperCase(Locale.ROOT) : letter ? key.toLowerCase(Locale.ROOT)
                : key);
    }

    /** Space: takes the best candidate while composing, else a space. */
    public void space() {
        if (target == null) {
            return;
        }
        if (!composing.get().isEmpty()) {
            commitBest();
        } else {
            target.insert(" ");
        }
    }

    public void backspace() {
        if (target == null) {
            return;
        }
        String c = composing.get();
        if (!c.isEmpty()) {
            setComposing(c.substring(0, c.length() - 1));
        } else {
            target.deleteBackward();
        }
    }

    /** Empties the field (and the pinyin). */
    public void clear() {
        if (target != null) {
            setComposing("");
            target.replace("");
        }
    }

    /** Chooses the candidate at {@code slot} of the page shown; the letters it does not take stay composed. */
    public void choose(int slot) {
        if (target == null || slot < 0 || slot >= page.size()) {
            return;
        }
        PinyinDictionary.Candidate c = page.get(slot);
        target.insert(c.text());
        setComposing(composing.get().substring(Math.min(c.consumes(), composing.get().length())));
    }

    public void nextPage() {
        if (hasNextPage.get()) {
            showPage(pageIndex.get() + 1);
        }
    }

    public void previousPage() {
        if (hasPreviousPage.get()) {
            showPage(pageIndex.get() - 1);
        }
    }

    /** 中/英: between pinyin and Latin letters; the pinyin composed so far goes in as letters. */
    public void toggleLatin() {
        if (layout.get() == KeyboardLayout.CHINESE) {
            if (!composing.get().isEmpty() && target != null) {
                target.insert(composing.get());
                setComposing("");
            }
            latin.set(!latin.get());
        }
    }

    public void toggleCaps() {
        caps.set(!caps.get());
    }

    private boolean composingPinyin() {
        return layout.get().composes() && !latin.get();
    }

    private void commitBest() {
        while (!composing.get().isEmpty()) {
            if (page.isEmpty()) {
                // Letters no word is spelled with: kept as typed rather than lost.
                target.insert(composing.get());
                setComposing("");
            } else {
                choose(0);
            }
        }
    }

    private void setComposing(String letters) {
        composing.set(letters);
        if (letters.isEmpty()) {
            candidates = List.of();
        } else {
            if (loaded == null) {
                loaded = dictionary.get();
            }
            candidates = loaded.candidates(letters);
        }
        showPage(0);
    }

    private void showPage(int index) {
        int from = index * PAGE_SIZE;
        page.setAll(candidates.subList(Math.min(from, candidates.size()),
                Math.min(from + PAGE_SIZE, candidates.size())));
        pageIndex.set(index);
        hasPreviousPage.set(index > 0);
        hasNextPage.set(from + PAGE_SIZE < candidates.size());
    }

    public ReadOnlyObjectProperty<KeyboardLayout> layoutProperty() {
        return layout.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty shownProperty() {
        return shown.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty composingProperty() {
        return composing.getReadOnlyProperty();
    }

    /** The candidates shown now, at most {@link #PAGE_SIZE}. */
    public ObservableList<PinyinDictionary.Candidate> page() {
        return FXCollections.unmodifiableObservableList(page);
    }

    public ReadOnlyIntegerProperty pageIndexProperty() {
        return pageIndex.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty hasPreviousPageProperty() {
        return hasPreviousPage.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty hasNextPageProperty() {
        return hasNextPage.getReadOnlyProperty();
    }

    /** In the Chinese layout: letters go in as they are. */
    public BooleanProperty latinProperty() {
        return latin;
    }

    public BooleanProperty capsProperty() {
        return caps;
    }

    public DatePickerViewModel date() {
        return date;
    }
}
