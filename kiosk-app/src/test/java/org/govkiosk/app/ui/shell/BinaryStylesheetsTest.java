package org.govkiosk.app.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.css.CssParser;
import javafx.css.Stylesheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The build gives every stylesheet its binary form, which JavaFX loads instead of the CSS: each must say exactly
 * what its CSS says (a binary form left from an earlier build would show the citizen an old look).
 */
class BinaryStylesheetsTest {

    @Test
    void everyStylesheetHasABinaryFormThatSaysWhatItsCssSays() throws Exception {
        List<Path> sheets = BinaryStylesheets.stylesheets(classes());
        assertThat(sheets).extracting(p -> p.getFileName().toString())
                .contains("kiosk.css", "apply-view.css", "catalog-view.css", "guide-view.css");
        for (Path css : sheets) {
            Path bss = BinaryStylesheets.binaryOf(css);
            assertThat(bss).as("binary form of %s (made by the build's process-classes step)", css).isRegularFile();
            assertThat(rules(Stylesheet.loadBinary(bss.toUri().toURL()))).as("%s against its CSS", bss)
                    .isNotEmpty()
                    .isEqualTo(rules(new CssParser().parse(css.toUri().toURL())));
        }
    }

    @Test
    void aBinaryFormOfAnotherVersionOfTheCssIsToldApart(@TempDir Path dir) throws Exception {
        Path kiosk = classes().resolve("org/govkiosk/app/ui/kiosk.css");
        Path changed = dir.resolve("kiosk.css");
        String text = Files.readString(kiosk, StandardCharsets.UTF_8);
        Files.writeString(changed, text.replaceFirst("-fx-font-size: *[0-9.]+px", "-fx-font-size: 3px"));
        assertThat(Files.readString(changed)).isNotEqualTo(text);
        BinaryStylesheets.main(new String[] {dir.toString()});
        assertThat(rules(Stylesheet.loadBinary(BinaryStylesheets.binaryOf(changed).toUri().toURL())))
                .isNotEqualTo(rules(new CssParser().parse(kiosk.toUri().toURL())))
                .isEqualTo(rules(new CssParser().parse(changed.toUri().toURL())));
    }

    /** What the stylesheet says, rule by rule (selectors and declarations, in order). */
    private static List<String> rules(Stylesheet sheet) {
        // Rule.toString() leaves out the declarations of a binary rule until they are asked for: ask for them.
        return sheet.getRules().stream().map(rule -> rule.getSelectors() + " {" + rule.getDeclarations().stream()
                .map(d -> d.getProperty() + ": " + d.getParsedValue() + (d.isImportant() ? " !important" : ""))
                .collect(java.util.stream.Collectors.joining("; ")) + "}").toList();
    }

    private static Path classes() throws URISyntaxException, IOException {
        return Path.of(BinaryStylesheets.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }
}
