package org.govkiosk.app.i18n;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;

/**
 * The UI's words, from the {@code messages} resource bundles: Chinese (zh-CN) first, English second, Uyghur (ug-CN,
 * right to left) third, and the bilingual Mongolian + Chinese mode (mn-Mong-CN) of Inner Mongolia's halls. Every
 * label binds to {@link #bind(String, Object...)} so a language switch re-labels every screen at once.
 *
 * <p>Mongolian is written in its traditional script, top to bottom with lines left to right, which no JavaFX text
 * control does: on a Mongolian screen {@link #bind} gives the Chinese (the horizontal half of every bilingual
 * text, and all of a text field, a table or a long guide), and the headings, buttons and tiles that show the
 * Mongolian vertically beside it take it from {@link #bindMongolian} ({@code messages_mn.properties}).
 */
public final class I18n {

    public static final String BUNDLE = "org.govkiosk.app.i18n.messages";
    public static final Locale ZH_CN = Locale.SIMPLIFIED_CHINESE;
    /** Uyghur as written in China, in Arabic script (UEY), right to left. */
    public static final Locale UG_CN = Locale.forLanguageTag("ug-CN");
    /** Mongolian as written in China: the traditional (Uyghurjin) script, vertical, beside the Chinese. */
    public static final Locale MN_CN = Locale.forLanguageTag("mn-Mong-CN");
    private static final java.util.Set<String> RIGHT_TO_LEFT = java.util.Set.of("ug", "ar", "fa", "he", "ur");

    private final List<Locale> supported;
    private final ObjectProperty<Locale> locale;

    public I18n(List<Locale> supported, Locale initial) {
        if (!supported.contains(initial)) {
            throw new IllegalArgumentException("initial locale " + initial + " is not among " + supported);
        }
        this.supported = List.copyOf(supported);
        this.locale = new SimpleObjectProperty<>(initial);
    }

    public ObjectProperty<Locale> localeProperty() {
        return locale;
    }

    public Locale locale() {
        return locale.get();
    }

    public List<Locale> supported() {
        return supported;
    }

    /** Switches to the next supported language (the button on every screen). */
    public void next() {
        locale.set(following());
    }

    /** The language {@link #next()} switches to. */
    public Locale following() {
        int i = supported.indexOf(locale.get());
        return supported.get((i + 1) % supported.size());
    }

    /** Whether {@code locale} is written right to left (Uyghur, in Arabic script): the screens mirror for it. */
    public static boolean isRightToLeft(Locale locale) {
        return RIGHT_TO_LEFT.contains(locale.getLanguage());
    }

    /**
     * Whether {@code locale} is the bilingual Mongolian mode: Mongolian in the traditional script, vertical, where
     * a control can show it, and the Chinese beside it, horizontal.
     */
    public static boolean isVerticalMongolian(Locale locale) {
        return "mn".equals(locale.getLanguage());
    }

    /** The language horizontal text is shown in: Chinese on a bilingual Mongolian screen, else {@code locale}. */
    public static Locale horizontal(Locale locale) {
        return isVerticalMongolian(locale) ? ZH_CN : locale;
    }

    /** The Mongolian (traditional script) of {@code key}, for the vertical half of a bilingual control. */
    public static String mongolian(String key, Object... args) {
        return formatIn(MN_CN, key, args);
    }

    /** The Mongolian of {@code key} while the screen is Mongolian, else empty: the vertical half shows only then. */
    public StringBinding bindMongolian(String key, Object... args) {
        return Bindings.createStringBinding(() -> isVerticalMongolian(locale.get()) ? mongolian(key, args) : "",
                locale);
    }

    public static ResourceBundle bundle(Locale locale) {
        // Chinese is the base bundle; without this control a JVM in an English default locale would fall back
        // to English for zh-CN lookups of missing keys instead of to the base.
        return ResourceBundle.getBundle(BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** The text of {@code key} now, with {@link MessageFormat} arguments. */
    public String text(String key, Object... args) {
        return format(locale.get(), key, args);
    }

    /** A binding that follows the language switch. */
    public StringBinding bind(String key, Object... args) {
        return Bindings.createStringBinding(() -> format(locale.get(), key, args), locale);
    }

    /** A binding whose key (e.g. a device status) changes too; an empty key shows nothing. */
    public StringBinding bindKey(ObservableValue<String> key) {
        return Bindings.createStringBinding(() -> key.getValue() == null || key.getValue().isEmpty() ? "" : format(locale.get(), key.getValue()),
                locale, key);
    }

    /** The text of {@code key} in {@code locale}, for code that is given a locale rather than this switch. */
    public static String format(Locale locale, String key, Object... args) {
        return formatIn(horizontal(locale), key, args);
    }

    private static String formatIn(Locale locale, String key, Object... args) {
        String pattern;
        try {
            pattern = bundle(locale).getString(key);
        } catch (MissingResourceException e) {
            // Visible on screen and caught by the bundle test, but never a crash at a citizen's terminal.
            return "⟨" + key + "⟩";
        }
        boolean rtl = isRightToLeft(locale);
        String text = args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(rtl ? leftToRight(args)
                : args);
        return rtl ? wrappable(text) : text;
    }

    /**
     * Values that read left to right (an ID number 110***********1232, a case number, a Chinese name) between two
     * left-to-right marks inside a right-to-left sentence: without them the bidirectional algorithm takes the stars
     * between the digit groups, or after a masked name, for right-to-left and shows 1232***********110 or *张.
     */
    private static Object[] leftToRight(Object[] args) {
        Object[] out = args.clone();
        for (int i = 0; i < out.length; i++) {
            if (out[i] instanceof CharSequence cs && startsLeftToRight(cs)) {
                out[i] = "\u200E" + cs + "\u200E";
            }
        }
        return out;
    }

    private static boolean startsLeftToRight(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            byte d = Character.getDirectionality(text.charAt(i));
            if (d == Character.DIRECTIONALITY_LEFT_TO_RIGHT || d == Character.DIRECTIONALITY_EUROPEAN_NUMBER) {
                return true;
            }
            if (d == Character.DIRECTIONALITY_RIGHT_TO_LEFT || d == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC) {
                return false;
            }
        }
        return false;
    }

    /** A space between two Arabic-script words, where {@link #wrappable} puts a left-to-right mark after it. */
    private static final java.util.regex.Pattern ARABIC_SPACE = java.util.regex.Pattern.compile(
            "(?<=\\p{IsArabic}|\\p{IsArabic}[.،؛:!?»)]) (?=[«(]?\\p{IsArabic})");

    /**
     * Right-to-left text that JavaFX 21 (Linux, Pango) wraps without drawing a line twice: it draws the whole of an
     * Arabic-script run on the first line when it has to split the run to wrap it (the second line then repeats the
     * end). A left-to-right mark (U+200E, invisible, zero width) after each space between two Arabic-script words
     * makes every word a run of its own, and a run is wrapped whole. Not put next to digits or Latin letters, whose
     * order around the space it would change.
     */
    public static String wrappable(String text) {
        return text.indexOf(' ') < 0 ? text : ARABIC_SPACE.matcher(text).replaceAll(" \u200E");
    }
}
