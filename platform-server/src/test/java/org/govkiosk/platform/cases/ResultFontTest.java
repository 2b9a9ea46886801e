package org.govkiosk.platform.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which font the result documents embed: the configured one or the first usable Debian one, and why not. */
class ResultFontTest {

    @TempDir
    Path dir;

    @Test
    void theFirstUsableCandidateIsTakenMissingFilesAndNonFontsSkipped() throws Exception {
        ResultFont system = ResultPdfTest.systemFont();
        Path garbage = Files.writeString(dir.resolve("garbage.ttf"), "not a font at all");
        Optional<ResultFont> found = ResultFont.resolve(Optional.empty(),
                List.of(dir.resolve("missing.ttc"), garbage, system.file()));
        assertThat(found).hasValueSatisfying(f -> {
            assertThat(f.file()).isEqualTo(system.file());
            assertThat(f.face()).isNotBlank();
        });
        // Parsed once per JVM: the same instance again.
        assertThat(ResultFont.resolve(Optional.of(system.file()), List.of())).containsSame(found.get());
    }

    @Test
    void withoutAnyUsableCandidateThereIsNoFont() throws Exception {
        Path garbage = Files.writeString(dir.resolve("garbage.ttc"), "ttcf but not really");
        assertThat(ResultFont.resolve(Optional.empty(), List.of(dir.resolve("none.ttc"), garbage))).isEmpty();
    }

    @Test
    void aConfiguredFontThatCannotBeUsedIsAConfigurationErrorSayingWhy() throws Exception {
        Path missing = dir.resolve("missing.ttc");
        assertThatThrownBy(() -> ResultFont.resolve(Optional.of(missing), ResultFont.DEBIAN_FONTS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("result-font").hasMessageContaining(missing.toString())
                .hasMessageContaining("does not exist");
        Path text = Files.writeString(dir.resolve("notes.ttf"), "hello");
        assertThatThrownBy(() -> ResultFont.resolve(Optional.of(text), List.of()))
                .hasMessageContaining("result-font").hasMessageContaining("not a TrueType font");
        // An OpenType font with CFF outlines starts with OTTO (Noto Sans CJK, Source Han Sans).
        Path cff = Files.write(dir.resolve("NotoSansCJK-Regular.otf"), new byte[] {'O', 'T', 'T', 'O', 0, 9, 0, 0});
        assertThatThrownBy(() -> ResultFont.resolve(Optional.of(cff), List.of()))
                .hasMessageContaining("result-font").hasMessageContaining("NotoSansCJK-Regular.otf")
                .hasMessageContaining("CFF (PostScript) outlines, which PDFBox cannot embed")
                .hasMessageContaining("fonts-wqy-zenhei");
    }

    @Test
    void aRealCffFontIsRefused() {
        Path otf = Path.of("/usr/share/fonts/opentype/urw-base35/C059-Roman.otf");
        assumeTrue(Files.isRegularFile(otf), "skipped: fonts-urw-base35 is not installed");
        assertThatThrownBy(() -> ResultFont.resolve(Optional.of(otf), List.of()))
                .hasMessageContaining("CFF (PostScript) outlines");
    }

    @Test
    void aTrueTypeFontWithoutChineseIsRefused() {
        Path latin = Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");
        assumeTrue(Files.isRegularFile(latin), "skipped: fonts-dejavu-core is not installed");
        assertThatThrownBy(() -> ResultFont.resolve(Optional.of(latin), List.of()))
                .hasMessageContaining("result-font").hasMessageContaining("has no Chinese glyphs");
        // As a candidate it is only skipped.
        assertThat(ResultFont.resolve(Optional.empty(), List.of(latin))).isEmpty();
    }
}
