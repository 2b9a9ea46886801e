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
import org.govkiosk.print.text.ScriptShaper;
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

    /** What the screens draw: each word's glyphs are HarfBuzz's (hb-shape on the same font file). */
    @Test
    void theWordsAreShapedAsHarfBuzzShapesThem() throws Exception {
        ScriptShaper shaper = VerticalMongolianText.shaper().orElseThrow();
        List<String> mismatches = new ArrayList<>();
        for (String text : WORDS) {
            for (String word : text.split(" ")) {
                List<Integer> drawn = new ArrayList<>();
                for (ScriptShaper.Run r : shaper.shape(word)) {
                    assertThat(r.covered()).as(word).isTrue();
                    for (int g : r.glyphs()) {
                        drawn.add(g);
                    }
                }
                if (!drawn.equals(hbShape(word))) {
                    mismatches.add(word + ": drawn " + drawn + ", hb-shape " + hbShape(word));
                }
            }
        }
        assertThat(mismatches).as("words drawn otherwise than hb-shape shapes them").isEmpty();
        // The forms differ by position: ᠭ is medial in ᠮᠣᠩᠭᠣᠯ and the word ends in a final ᠯ, not an isolated one.
        assertThat(hbShapeNames("ᠮᠣᠩᠭᠣᠯ")).startsWith("u182E.ini").endsWith("u182F.fin");
        // FVS1 picks the second form of ᠠ.
        assertThat(hbShape("ᠠ᠋")).isNotEqualTo(hbShape("ᠠ"));
    }

    /**
     * Why the screens do not let JavaFX draw Mongolian text: JavaFX 21 does not shape it (the isolated forms, the
     * selector drawn as a glyph); a complex character after the word (a zero width non-joiner) gets the right
     * forms from Pango, but the vowel separator is then drawn as glyph 0, the .notdef box. If an update of JavaFX
     * makes these pass the other way, VerticalMongolianText can go back to Text nodes.
     */
    @Test
    void javaFxAloneDoesNotShapeMongolian() throws Exception {
        assertThat(onFx(() -> javaFxGlyphs("ᠮᠣᠩᠭᠣᠯ"))).as("JavaFX, a plain word").isNotEqualTo(hbShape("ᠮᠣᠩᠭᠣᠯ"));
        assertThat(onFx(() -> javaFxGlyphs("ᠮᠣᠩᠭᠣᠯ\u200C")).subList(0, 6)).as("JavaFX, with a non-joiner")
                .isEqualTo(hbShape("ᠮᠣᠩᠭᠣᠯ"));
        assertThat(onFx(() -> javaFxGlyphs("ᠪᠡᠶ᠎ᠡ\u200C"))).as("JavaFX draws the vowel separator as .notdef")
                .contains(0).doesNotContainSequence(hbShape("ᠪᠡᠶ᠎ᠡ"));
    }

    /** The picture of a word has ink, in the control's colour, and is taller than wide (turned). */
    @Test
    void aWordIsDrawnTurnedInTheGivenColour() throws Exception {
        ScriptShaper shaper = VerticalMongolianText.shaper().orElseThrow();
        javafx.scene.image.WritableImage img = onFx(() -> VerticalMongolianText.picture(shaper, "ᠲᠠᠰᠤᠯᠪᠤᠷᠢ", 40,
                javafx.scene.paint.Color.rgb(200, 0, 0)));
        assertThat(img.getHeight()).isGreaterThan(img.getWidth() * 2);
        int ink = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int argb = img.getPixelReader().getArgb(x, y);
                if ((argb >>> 24) > 200) {
                    ink++;
                    assertThat((argb >> 16) & 0xFF).isGreaterThan(150);
                    assertThat(argb & 0xFF).isLessThan(60);
                }
            }
        }
        assertThat(ink).as("inked pixels").isGreaterThan(200);
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
