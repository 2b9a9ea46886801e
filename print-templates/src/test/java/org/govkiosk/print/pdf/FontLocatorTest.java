package org.govkiosk.print.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.govkiosk.print.Samples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding a font: a bad configuration or a bare machine gives an error that says what to install. */
class FontLocatorTest {

    @Test
    void configuredPathThatDoesNotExistIsAClearError(@TempDir Path dir) {
        Path absent = dir.resolve("simhei.ttf");
        assertThatThrownBy(() -> FontLocator.of(Optional.of(absent)).locate())
                .isInstanceOf(FontNotFoundException.class)
                .hasMessageContaining("print.font-path: " + absent + " does not exist")
                .hasMessageContaining("install fonts-wqy-zenhei");
    }

    @Test
    void machineWithoutACjkFontIsToldWhatToInstall(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("readme.txt"), "no fonts here");
        assertThatThrownBy(() -> new FontLocator(Optional.empty(), List.of(dir, dir.resolve("missing"))).locate())
                .isInstanceOf(FontNotFoundException.class)
                .hasMessageStartingWith("No TrueType CJK font found")
                .hasMessageContaining("fonts-wqy-zenhei")
                .hasMessageContaining("print.font-path");
    }

    @Test
    void filesThatAreNotTrueTypeCjkFontsAreRejectedWithTheReason(@TempDir Path dir) throws IOException {
        Path text = Files.writeString(dir.resolve("fake.ttf"), "definitely not a font");
        assertThatThrownBy(() -> FontLocator.of(Optional.of(text)).locate())
                .hasMessageContaining("is not usable: not a TrueType font");
        // a Latin-only TrueType font, if the machine has DejaVu, has no Chinese glyphs
        Path dejavu = Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");
        if (Files.isRegularFile(dejavu)) {
            assertThatThrownBy(() -> FontLocator.of(Optional.of(dejavu)).locate())
                    .hasMessageContaining("no Chinese glyphs");
            // and a search that only finds Latin fonts keeps looking, then fails clearly
            assertThatThrownBy(() -> new FontLocator(Optional.empty(), List.of(dejavu.getParent())).locate())
                    .hasMessageContaining("No TrueType CJK font found");
        }
    }

    @Test
    void systemSearchFindsATrueTypeCjkFace() {
        Samples.font(); // skips, saying why, where the machine has none
        FontSource found = FontLocator.system().locate();
        assertThat(found.file().getFileName().toString()).matches("(?i).*\\.tt[fc]");
        assertThat(FontLocator.problemWith(found.file())).isEqualTo("ok:" + found.faceName());
        // a configured path to the same file gives the same face
        assertThat(FontLocator.of(Optional.of(found.file())).locate()).isEqualTo(found);
    }

    @Test
    void wenQuanYiCollectionIsReadThroughItsFirstFace() {
        Path wqy = Path.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(wqy),
                "fonts-wqy-zenhei not installed (apt-get install fonts-wqy-zenhei)");
        FontSource s = FontLocator.of(Optional.of(wqy)).locate();
        assertThat(s.faceName()).isEqualTo("WenQuanYiZenHei");
    }
}
