package org.govkiosk.app.ui.check;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextInputControl;
import javafx.scene.image.Image;
import javafx.scene.image.PixelReader;
import javafx.scene.paint.Color;
import javafx.scene.text.Text;

/**
 * What a person would see wrong on a rendered screen, found from the scene graph and the rendered pixels: text cut
 * to "…" or clipped, text drawn past the screen's edge, contrast below 4.5:1 (7:1 in large type) between a text's
 * colour and the background actually rendered behind it, touch targets under 60×60 px, controls overlapping,
 * "null", raw message keys, choices meant to be seen together (the five rating levels) not all in view, and Chinese
 * left on a screen in another language (a node marked as showing a person's own data, style class
 * {@value #PERSONAL_DATA}, is data, not UI, and may be in any script).
 */
public final class ScreenInspector {

    /** One thing wrong, named so a reviewer can find it. */
    public record Finding(String kind, String node, String detail) {
        @Override
        public String toString() {
            return kind + " " + node + ": " + detail;
        }
    }

    public static final double MIN_TARGET = 60;
    private static final Pattern RAW_KEY = Pattern.compile("[a-z][a-z0-9-]*(\\.[a-z0-9-]+)+");
    private static final Pattern NULL = Pattern.compile("\\bnull\\b");
    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");
    /** Style class of nodes that show a person's own data: never "untranslated". */
    public static final String PERSONAL_DATA = org.govkiosk.app.ui.shell.Controls.PERSONAL_DATA;
    /** Style class of a pane whose choices must all be in view at once. */
    static final String SEEN_TOGETHER = org.govkiosk.app.ui.shell.Controls.SEEN_TOGETHER;

    private final Set<String> bundleKeys;
    /** Node ids whose text may be in another script on purpose (the language switch names the other language). */
    private final Set<String> otherScriptAllowed;

    public ScreenInspector(Set<String> bundleKeys, Set<String> otherScriptAllowed) {
        this.bundleKeys = Set.copyOf(bundleKeys);
        this.otherScriptAllowed = Set.copyOf(otherScriptAllowed);
    }

    /**
     * Inspects {@code scene} as rendered in {@code shot} (a snapshot of the same scene, same size).
     *
     * @param largeType whether 适老化 large type is on: text contrast must then reach 7:1
     */
    public List<Finding> inspect(Scene scene, Image shot, Locale locale, boolean largeType) {
        List<Finding> found = new ArrayList<>();
        List<Node> leaves = new ArrayList<>();
        Bounds screen = new BoundingBox(0, 0, scene.getWidth(), scene.getHeight());
        walk(scene.getRoot(), screen, false, found, leaves, shot, locale, largeType);
        overlaps(leaves, screen, found);
        if (org.govkiosk.app.i18n.I18n.isRightToLeft(locale)
                && scene.getRoot().getEffectiveNodeOrientation() != javafx.geometry.NodeOrientation.RIGHT_TO_LEFT) {
            found.add(new Finding("not-mirrored", name(scene.getRoot()), locale + " reads right to left, the screen"
                    + " is laid out " + scene.getRoot().getEffectiveNodeOrientation()));
        }
        return found;
    }

    private void walk(Node node, Bounds screen, boolean inLabeled, List<Finding> found, List<Node> leaves, Image shot,
            Locale locale, boolean largeType) {
        if (!node.isVisible() || node.getOpacity() == 0) {
            return;
        }
        Bounds shown = shownBounds(node, screen);
        if (shown == null || covered(node, shown)) {
            return;
        }
        if (node instanceof Labeled labeled && !inLabeled) {
            labeled(labeled, shown, screen, found, shot, locale, largeType);
            leaves.add(node);
        } else if (node instanceof TextInputControl input) {
            leaves.add(node);
            texts(input, input.getText(), locale, found);
        }
        if (node instanceof org.govkiosk.app.ui.shell.VerticalMongolianText vertical) {
            vertical(vertical, screen, found, locale);
        }
        if (node instanceof Parent choices && node.getStyleClass().contains(SEEN_TOGETHER)) {
            together(choices, screen, found);
        }
        if ((node instanceof ButtonBase || node instanceof TextInputControl || node instanceof ComboBoxBase<?>)
                && !node.isDisabled()) {
            Bounds b = node.localToScene(node.getLayoutBounds());
            if (b.getWidth() < MIN_TARGET - 0.5 || b.getHeight() < MIN_TARGET - 0.5) {
                found.add(new Finding("small-target", name(node),
                        String.format(Locale.ROOT, "%.0f×%.0f px, less than 60×60", b.getWidth(), b.getHeight())));
            }
        }
        if (node instanceof Parent parent) {
            // Text inside a labelled control is its graphic, checked with it; a table's row holds cells of its own.
            boolean nested = inLabeled || node instanceof Labeled && !(node instanceof javafx.scene.control.TableRow<?>);
            for (Node child : parent.getChildrenUnmodifiable()) {
                walk(child, screen, nested, found, leaves, shot, locale, largeType);
            }
        }
    }

    private void labeled(Labeled labeled, Bounds shown, Bounds screen, List<Finding> found, Image shot, Locale locale,
            boolean largeType) {
        String text = labeled.getText();
        if (text == null || text.isBlank()) {
            return;
        }
        texts(labeled, text, locale, found);
        Text drawn = drawnText(labeled);
        if (drawn != null) {
            String shownText = drawn.getText() == null ? "" : drawn.getText();
            if (!shownText.equals(text)) {
                found.add(new Finding("cut", name(labeled), "shows \"" + shownText + "\" of \"" + text + "\""));
            } else {
                Bounds t = drawn.localToScene(drawn.getBoundsInLocal());
                Bounds l = labeled.localToScene(labeled.getLayoutBounds());
                // A skin clips a text that does not fit its box (the bounds then stay inside): compare with the clip.
                boolean skinClipped = drawn.getClip() != null && (drawn.getClip().getBoundsInLocal().getHeight()
                        < drawn.getLayoutBounds().getHeight() - 1 || drawn.getClip().getBoundsInLocal().getWidth()
                        < drawn.getLayoutBounds().getWidth() - 1);
                // A few pixels of a wrapped line's rounding are no clipping; a cut-off word or line is more.
                // A wrapped line's trailing space may stick out by up to half an em: that is no clipping either.
                double slack = labeled.isWrapText() ? Math.max(4, labeled.getFont().getSize() / 2) : 4;
                if (skinClipped || t.getMinX() < l.getMinX() - slack || t.getMaxX() > l.getMaxX() + slack
                        || t.getMinY() < l.getMinY() - 4 || t.getMaxY() > l.getMaxY() + 4) {
                    found.add(new Finding("clipped", name(labeled), String.format(Locale.ROOT,
                            "\"%s\" is drawn outside its box (text %.0f,%.0f–%.0f,%.0f; box %.0f,%.0f–%.0f,%.0f%s)",
                            abbreviate(text), t.getMinX(), t.getMinY(), t.getMaxX(), t.getMaxY(), l.getMinX(),
                            l.getMinY(), l.getMaxX(), l.getMaxY(), skinClipped ? "; clipped by its skin" : "")));
                }
                // Past the left or right edge nothing scrolls back; below the bottom only what no pane scrolls.
                if (t.getMaxX() > screen.getMaxX() + 1 || t.getMinX() < -1
                        || t.getMaxY() > screen.getMaxY() + 1 && !inScrollingPane(labeled)) {
                    found.add(new Finding("off-screen", name(labeled), "\"" + text + "\" runs past the screen's edge"));
                }
            }
        }
        if (!labeled.isDisabled() && labeled.getTextFill() instanceof Color fill && shot != null) {
            Color behind = background(shot, shown);
            if (behind != null) {
                double ratio = contrast(blend(fill, behind), behind);
                double needed = largeType ? 7.0 : 4.5;
                if (ratio < needed) {
                    found.add(new Finding("contrast", name(labeled), String.format(Locale.ROOT,
                            "\"%s\" %s on %s is %.2f:1, needs %.1f:1", abbreviate(text), hex(fill), hex(behind),
                            ratio, needed)));
                }
            }
        }
    }

    /**
     * Vertical Mongolian (the pictures of its words): shown only on a Mongolian screen, every word drawn (a picture
     * with pixels), inside the control it stands in and on the screen, and no Chinese or raw key in it.
     */
    private void vertical(org.govkiosk.app.ui.shell.VerticalMongolianText vertical, Bounds screen,
            List<Finding> found, Locale locale) {
        if (!org.govkiosk.app.i18n.I18n.isVerticalMongolian(locale)) {
            if (allowedOtherScript(vertical)) {
                return; // the language switch names Mongolian in its own script on every screen
            }
            found.add(new Finding("stray-mongolian", name(vertical), "vertical Mongolian on a " + locale + " screen"));
            return;
        }
        String text = vertical.getText();
        if (HAN.matcher(text).find() || bundleKeys.contains(text.strip()) || RAW_KEY.matcher(text.strip()).matches()) {
            found.add(new Finding("untranslated", name(vertical), "\"" + abbreviate(text) + "\" in vertical Mongolian"));
        }
        Node owner = vertical.getParent();
        while (owner != null && !(owner instanceof Labeled)) {
            owner = owner.getParent();
        }
        Bounds box = owner == null ? null : owner.localToScene(owner.getLayoutBounds());
        for (javafx.scene.image.ImageView word : vertical.pictures()) {
            if (word.getImage() == null || word.getImage().getWidth() < 1) {
                found.add(new Finding("not-drawn", name(vertical), "\"" + abbreviate(text) + "\" has a word with no picture"));
                continue;
            }
            Bounds b = word.localToScene(word.getBoundsInLocal());
            if (box != null && (b.getMinX() < box.getMinX() - 1 || b.getMaxX() > box.getMaxX() + 1
                    || b.getMinY() < box.getMinY() - 1 || b.getMaxY() > box.getMaxY() + 1)) {
                found.add(new Finding("clipped", name(vertical), String.format(Locale.ROOT,
                        "\"%s\" is drawn outside %s (word %.0f,%.0f–%.0f,%.0f; box %.0f,%.0f–%.0f,%.0f)",
                        abbreviate(text), name(owner), b.getMinX(), b.getMinY(), b.getMaxX(), b.getMaxY(),
                        box.getMinX(), box.getMinY(), box.getMaxX(), box.getMaxY())));
                return;
            }
            if (b.getMaxX() > screen.getMaxX() + 1 || b.getMinX() < -1
                    || b.getMaxY() > screen.getMaxY() + 1 && !inScrollingPane(vertical)) {
                found.add(new Finding("off-screen", name(vertical), "\"" + abbreviate(text) + "\" runs past the screen's edge"));
                return;
            }
        }
    }

    /**
     * Choices a person must see all at once (the five 好差评 levels): each wholly in view, none cut by the screen's
     * edge or a scrolling pane's viewport, with no scrolling to reach it.
     */
    private static void together(Parent choices, Bounds screen, List<Finding> found) {
        List<String> outOfView = new ArrayList<>();
        int shown = 0;
        for (Node choice : choices.getChildrenUnmodifiable()) {
            if (!choice.isVisible() || !choice.isManaged()) {
                continue;
            }
            shown++;
            Bounds whole = choice.localToScene(choice.getBoundsInLocal());
            Bounds seen = shownBounds(choice, screen);
            if (seen == null || seen.getWidth() < whole.getWidth() - 1 || seen.getHeight() < whole.getHeight() - 1) {
                outOfView.add(name(choice));
            }
        }
        if (!outOfView.isEmpty()) {
            found.add(new Finding("not-together", name(choices), String.format(Locale.ROOT,
                    "%d of %d choices wholly in view; not: %s", shown - outOfView.size(), shown,
                    String.join(", ", outOfView))));
        }
    }

    private void texts(Node node, String text, Locale locale, List<Finding> found) {
        if (text == null || text.isBlank()) {
            return;
        }
        if (NULL.matcher(text).find()) {
            found.add(new Finding("null", name(node), "\"" + abbreviate(text) + "\""));
        }
        String trimmed = text.strip();
        if (bundleKeys.contains(trimmed) || RAW_KEY.matcher(trimmed).matches() && !trimmed.contains("@")
                && !trimmed.startsWith("www.")) {
            found.add(new Finding("raw-key", name(node), "\"" + trimmed + "\""));
        }
        // A bilingual Mongolian screen shows Chinese horizontally by design (the Mongolian beside it is vertical).
        if (!org.govkiosk.app.i18n.I18n.horizontal(locale).getLanguage().equals("zh") && HAN.matcher(text).find() && !allowedOtherScript(node)
                && !personalData(node) && !markedChineseOnly(text, locale)) {
            found.add(new Finding("untranslated", name(node), "\"" + abbreviate(text) + "\" in " + locale));
        }
    }

    /**
     * A catalog text the catalog has no translation of, shown in Chinese and saying so ("(خەنزۇچىلا بار)", "(in Chinese
     * only)"): the citizen is told, not left to guess. The demo catalog translates its texts into English fully; into
     * Uyghur only names, departments and life events so far (docs/translations.md).
     */
    private static boolean markedChineseOnly(String text, Locale locale) {
        String marker = org.govkiosk.app.i18n.I18n.format(locale, "catalog.chinese-only", "").strip();
        return !marker.isEmpty() && !HAN.matcher(marker).find() && text.contains(marker);
    }

    /** A name or address off the card is the citizen's data, written as it is, not UI left untranslated. */
    private static boolean personalData(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n.getStyleClass().contains(PERSONAL_DATA)) {
                return true;
            }
        }
        return false;
    }

    private boolean allowedOtherScript(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n.getId() != null && otherScriptAllowed.contains(n.getId())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether an opaque layer drawn after {@code node} (an overlay such as help or the idle warning: a later sibling
     * of the node or of one of its ancestors, with a background) hides all of it.
     */
    private static boolean covered(Node node, Bounds shown) {
        for (Node n = node; n.getParent() != null; n = n.getParent()) {
            List<Node> siblings = n.getParent().getChildrenUnmodifiable();
            for (int i = siblings.indexOf(n) + 1; i < siblings.size(); i++) {
                Node s = siblings.get(i);
                if (s.isVisible() && s.getOpacity() > 0 && s instanceof javafx.scene.layout.Region r
                        && r.getBackground() != null && !r.getBackground().getFills().isEmpty()
                        && s.localToScene(s.getBoundsInLocal()).contains(shown)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean inScrollingPane(Node node) {
        for (Node n = node.getParent(); n != null; n = n.getParent()) {
            if (n instanceof javafx.scene.control.ScrollPane) {
                return true;
            }
        }
        return false;
    }

    /** Labels, buttons and fields that share pixels, neither inside the other. */
    private static void overlaps(List<Node> leaves, Bounds screen, List<Finding> found) {
        Map<Node, Bounds> shown = new HashMap<>();
        for (Node n : leaves) {
            shown.put(n, shownBounds(n, screen));
        }
        for (int i = 0; i < leaves.size(); i++) {
            for (int j = i + 1; j < leaves.size(); j++) {
                Node a = leaves.get(i);
                Node b = leaves.get(j);
                if (related(a, b)) {
                    continue;
                }
                Bounds x = intersection(shown.get(a), shown.get(b));
                if (x != null && x.getWidth() > 2 && x.getHeight() > 2) {
                    found.add(new Finding("overlap", name(a), "overlaps " + name(b) + String.format(Locale.ROOT,
                            " by %.0f×%.0f px", x.getWidth(), x.getHeight())));
                }
            }
        }
    }

    private static boolean related(Node a, Node b) {
        for (Node n = a; n != null; n = n.getParent()) {
            if (n == b) {
                return true;
            }
        }
        for (Node n = b; n != null; n = n.getParent()) {
            if (n == a) {
                return true;
            }
        }
        return false;
    }

    /** The part of {@code node} a person can see: its bounds cut by every clipping ancestor and the screen. */
    static Bounds shownBounds(Node node, Bounds screen) {
        Bounds b = node.localToScene(node.getBoundsInLocal());
        b = intersection(b, screen);
        for (Node n = node.getParent(); n != null && b != null; n = n.getParent()) {
            if (n.getClip() != null) {
                // A clip is in its node's coordinates (it has no parent of its own in the scene).
                b = intersection(b, n.localToScene(n.getClip().getBoundsInParent()));
            }
        }
        return b == null || b.getWidth() < 1 || b.getHeight() < 1 ? null : b;
    }

    static Bounds intersection(Bounds a, Bounds b) {
        if (a == null || b == null) {
            return null;
        }
        double minX = Math.max(a.getMinX(), b.getMinX());
        double minY = Math.max(a.getMinY(), b.getMinY());
        double maxX = Math.min(a.getMaxX(), b.getMaxX());
        double maxY = Math.min(a.getMaxY(), b.getMaxY());
        return maxX <= minX || maxY <= minY ? null : new BoundingBox(minX, minY, maxX - minX, maxY - minY);
    }

    /** The Text node a Labeled's skin draws its text with (it holds what is shown, "…" included). */
    private static Text drawnText(Labeled labeled) {
        for (Node child : labeled.getChildrenUnmodifiable()) {
            if (child instanceof Text t) {
                return t;
            }
        }
        return null;
    }

    /** The most frequent colour of the rendered pixels in {@code area}: what the text is drawn on. */
    static Color background(Image shot, Bounds area) {
        PixelReader pixels = shot.getPixelReader();
        int x0 = (int) Math.max(0, Math.floor(area.getMinX()));
        int y0 = (int) Math.max(0, Math.floor(area.getMinY()));
        int x1 = (int) Math.min(shot.getWidth(), Math.ceil(area.getMaxX()));
        int y1 = (int) Math.min(shot.getHeight(), Math.ceil(area.getMaxY()));
        if (x1 <= x0 || y1 <= y0) {
            return null;
        }
        Map<Integer, Integer> counts = new HashMap<>();
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                counts.merge(pixels.getArgb(x, y) | 0xff000000, 1, Integer::sum);
            }
        }
        int argb = counts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        return Color.rgb((argb >> 16) & 0xff, (argb >> 8) & 0xff, argb & 0xff);
    }

    /** A translucent text colour as it lands on {@code behind}. */
    private static Color blend(Color fill, Color behind) {
        double a = fill.getOpacity();
        return Color.color(fill.getRed() * a + behind.getRed() * (1 - a), fill.getGreen() * a
                + behind.getGreen() * (1 - a), fill.getBlue() * a + behind.getBlue() * (1 - a));
    }

    /** WCAG 2 contrast ratio. */
    public static double contrast(Color a, Color b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(Color c) {
        return 0.2126 * channel(c.getRed()) + 0.7152 * channel(c.getGreen()) + 0.0722 * channel(c.getBlue());
    }

    private static double channel(double v) {
        return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }

    private static String hex(Color c) {
        return String.format(Locale.ROOT, "#%02x%02x%02x", Math.round(c.getRed() * 255),
                Math.round(c.getGreen() * 255), Math.round(c.getBlue() * 255));
    }

    private static String abbreviate(String s) {
        String one = s.replace('\n', ' ');
        return one.length() > 40 ? one.substring(0, 40) + "…" : one;
    }

    /** The node's id, or its class and text, and the id of its nearest named ancestor. */
    static String name(Node node) {
        String own = node.getId() != null ? "#" + node.getId() : node.getClass().getSimpleName()
                + (node instanceof Labeled l && l.getText() != null ? "[" + abbreviate(l.getText()) + "]" : "");
        for (Node n = node.getParent(); n != null; n = n.getParent()) {
            if (n.getId() != null) {
                return own + " in #" + n.getId();
            }
        }
        return own;
    }
}
