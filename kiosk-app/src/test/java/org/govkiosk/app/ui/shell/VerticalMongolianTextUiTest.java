package org.govkiosk.app.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.geometry.Bounds;
import javafx.scene.layout.StackPane;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import org.govkiosk.app.i18n.I18n;
import org.govkiosk.app.ui.Navigator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Vertical Mongolian on the screens (issue 20): JavaFX's own text layout (on Linux Pango, HarfBuzz inside) shapes
 * the traditional script as HarfBuzz's {@code hb-shape} does with the same font file, glyph for glyph (initial,
 * medial and final forms, a free variation selector, a suffix after U+202F); and {@link VerticalMongolianText} turns
 * the words 90° clockwise, top to bottom, and starts a new column to the right, inside its own box.
 */
class VerticalMongolianTextUiTest {

    static final Path FONT = Path.of("/usr/share/fonts/truetype/noto/NotoSansMongolian-Regular.ttf");
    /** Words of the terminal's texts: FVS1 after ᠲ and ᠳ (foreign t, d), ᠠ᠋ (FVS1 on a), a suffix after U+202F. */
    static final List<String> WORDS = List.of("ᠮᠣᠩᠭᠣᠯ", "ᠮᠠᠲ᠋ᠸᠷᠢᠶᠠᠯ", "ᠳ᠋ᠤᠭᠠᠷ", "ᠠ᠋", "ᠺᠣᠳ᠋",
            "ᠬᠡᠷᠡᠭ\u202Fᠦᠨ", "ᠲᠠᠰᠤᠯᠪᠤᠷᠢ", "ᠪᠡᠶ᠎ᠡ", I18n.mongolian("home.title"));

    private final FxRobot robot = new FxRobot();

    @BeforeEach
    void toolkit() throws Exception {
        assertThat(FONT).as("Noto Sans Mongolian (Debian fonts-noto-core)").isReadable();
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void cleanUp() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void javaFxShapesMongolianAsHarfBuzzDoes() throws Exception {
        List<String> mismatches = new ArrayList<>();
        for (String word : WORDS) {
            List<Integer> fx = onFx(() -> shownGlyphs(word));
            List<Integer> hb = hbShape(word);
            if (!fx.equals(hb)) {
                mismatches.add(word + ": JavaFX " + fx + ", hb-shape " + hb);
            }
        }
        assertThat(mismatches).as("JavaFX glyphs that differ from hb-shape").isEmpty();
        // The forms differ by position: ᠭ is medial in ᠮᠣᠩᠭᠣᠯ and the word ends in a final ᠯ, not an isolated one.
        assertThat(hbShapeNames("ᠮᠣᠩᠭᠣᠯ")).startsWith("u182E.ini").endsWith("u182F.fin");
        // FVS1 picks the second form of ᠠ: the sequence differs from the word without it.
        assertThat(hbShape("ᠠ᠋")).isNotEqualTo(hbShape("ᠠ"));
        assertThat(onFx(() -> shownGlyphs("ᠠ᠋"))).isNotEqualTo(onFx(() -> shownGlyphs("ᠠ")));
        // Without the non-joiner JavaFX 21 does not shape Mongolian at all: the isolated forms, letter by letter, and
        // the selector drawn as a glyph. If a JavaFX update shapes it, the non-joiner can go.
        assertThat(onFx(() -> javaFxGlyphs("ᠮᠣᠩᠭᠣᠯ"))).as("JavaFX without the non-joiner")
                .isNotEqualTo(hbShape("ᠮᠣᠩᠭᠣᠯ"));
    }

    /** The glyphs of a word as {@link VerticalMongolianText} shows it, without the non-joiner's (the last one). */
    static List<Integer> shownGlyphs(String word) throws ReflectiveOperationException {
        List<Integer> glyphs = javaFxGlyphs(VerticalMongolianText.shaped(word));
        assertThat(glyphs).as("the non-joiner's glyph closes " + word).isNotEmpty();
        return glyphs.subList(0, glyphs.size() - 1);
    }

    @Test
    void wordsAreTurnedTopToBottomAndColumnsRunLeftToRight() throws Exception {
        AtomicReference<VerticalMongolianText> node = new AtomicReference<>();
        FxToolkit.setupSceneRoot(() -> {
            VerticalMongolianText v = new VerticalMongolianText(I18n.mongolian("attract.devices-limited"));
            v.columnLengthProperty().set(6);
            node.set(v);
            StackPane root = new StackPane(v);
            root.getStyleClass().add("shell");
            root.getStylesheets().add(Navigator.class.getResource("kiosk.css").toExternalForm());
            return root;
        });
        FxToolkit.showStage();
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            VerticalMongolianText v = node.get();
            Bounds box = v.localToScene(v.getLayoutBounds());
            List<Text> words = v.words();
            assertThat(words).hasSizeGreaterThan(4);
            assertThat(words.get(0).getFont().getFamily()).isEqualTo("Noto Sans Mongolian");
            double longestWord = words.stream().mapToDouble(t -> t.getLayoutBounds().getWidth()).max().orElse(0);
            assertThat(box.getHeight()).as("a column is at most 6 ems long, or one word")
                    .isLessThanOrEqualTo(Math.max(6 * 20, longestWord) + 1);
            Bounds previous = null;
            int columns = 1;
            for (Text t : words) {
                Bounds b = t.localToScene(t.getBoundsInLocal());
                // Turned: taller than wide, and inside the box.
                assertThat(b.getHeight()).isGreaterThan(b.getWidth() * 0.9);
                assertThat(b.getMinX()).isGreaterThanOrEqualTo(box.getMinX() - 1);
                assertThat(b.getMaxX()).isLessThanOrEqualTo(box.getMaxX() + 1);
                assertThat(b.getMinY()).isGreaterThanOrEqualTo(box.getMinY() - 1);
                assertThat(b.getMaxY()).isLessThanOrEqualTo(box.getMaxY() + 1);
                if (previous != null) {
                    if (b.getMinY() > previous.getMaxY() - 1) {
                        // The next word of the column stands below, in the same column.
                        assertThat(b.getMinX()).isCloseTo(previous.getMinX(), org.assertj.core.data.Offset.offset(12.0));
                    } else {
                        // A new column starts at the top, right of the last.
                        assertThat(b.getMinX()).isGreaterThan(previous.getMaxX() - 1);
                        assertThat(b.getMinY()).isCloseTo(box.getMinY(), org.assertj.core.data.Offset.offset(2.0));
                        columns++;
                    }
                }
                previous = b;
            }
            assertThat(columns).as("a long text wraps into columns").isGreaterThan(1);
            assertThat(v.getRotate()).isZero();
        });
    }

    @Test
    void emptyTextTakesNoRoom() throws Exception {
        VerticalMongolianText v = onFx(() -> new VerticalMongolianText(""));
        assertThat(v.isManaged()).isFalse();
        assertThat(v.isVisible()).isFalse();
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> call) throws Exception {
        AtomicReference<T> out = new AtomicReference<>();
        AtomicReference<Exception> err = new AtomicReference<>();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, WaitForAsyncUtils.asyncFx(() -> {
            try {
                out.set(call.call());
            } catch (Exception e) {
                err.set(e);
            }
        }));
        if (err.get() != null) {
            throw err.get();
        }
        return out.get();
    }

    /** The glyph ids JavaFX's text layout chose for {@code text} in the Mongolian font (its runs, in order). */
    static List<Integer> javaFxGlyphs(String text) throws ReflectiveOperationException {
        Font font = Font.loadFont(FONT.toUri().toString(), 40);
        assertThat(font).as("JavaFX loads " + FONT).isNotNull();
        Text t = new Text(text);
        t.setFont(font);
        Method layout = Text.class.getDeclaredMethod("getTextLayout");
        layout.setAccessible(true);
        Object textLayout = layout.invoke(t);
        Object[] runs = (Object[]) textLayout.getClass().getMethod("getRuns").invoke(textLayout);
        List<Integer> glyphs = new ArrayList<>();
        for (Object run : runs) {
            Method count = run.getClass().getMethod("getGlyphCount");
            Method code = run.getClass().getMethod("getGlyphCode", int.class);
            count.setAccessible(true);
            code.setAccessible(true);
            int n = (int) count.invoke(run);
            for (int i = 0; i < n; i++) {
                int g = (int) code.invoke(run, i);
                // A selector or a zero-width control is laid out as glyph 0xFFFF (invisible); hb-shape drops them.
                if (g != 0xFFFF && g != 0xFFFE) {
                    glyphs.add(g);
                }
            }
        }
        return glyphs;
    }

    static List<Integer> hbShape(String text) throws IOException, InterruptedException {
        List<Integer> ids = new ArrayList<>();
        Matcher m = Pattern.compile("(\\d+)=\\d+").matcher(hb(text, true));
        while (m.find()) {
            ids.add(Integer.parseInt(m.group(1)));
        }
        return ids;
    }

    static String hbShapeNames(String text) throws IOException, InterruptedException {
        return hb(text, false).replaceAll("^\\[|\\]\\s*$", "").replaceAll("=\\d+", "").replace('|', ' ');
    }

    private static String hb(String text, boolean ids) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("hb-shape", "--no-positions"));
        if (ids) {
            cmd.add("--no-glyph-names");
        }
        cmd.add(FONT.toString());
        cmd.add(text);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("hb-shape: " + out).isZero();
        return out.strip();
    }
}
