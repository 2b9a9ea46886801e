package org.govkiosk.app.ui.shell;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javafx.css.Stylesheet;

/**
 * A build step (kiosk-app's pom runs it after compiling): every stylesheet of the terminal gets its binary form
 * beside it, {@code kiosk.bss} beside {@code kiosk.css}. JavaFX loads the binary form of a {@code .css} it is asked
 * for when there is one, as it does for its own Modena: reading it is about a third of parsing the CSS on a cold
 * JVM (measured 43-59 ms against 155-200 ms for kiosk.css), and that parse sat on the JavaFX thread's way to the
 * first screen. The stylesheets stay written and named as CSS; {@code BinaryStylesheetsTest} checks each binary
 * form says what its CSS says, so one left over from an earlier build cannot go unnoticed.
 */
public final class BinaryStylesheets {

    private BinaryStylesheets() {
    }

    /** @param args the compiled classes' folder (target/classes) */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: BinaryStylesheets <classes folder>");
        }
        for (Path css : stylesheets(Path.of(args[0]))) {
            String text = Files.readString(css, java.nio.charset.StandardCharsets.UTF_8);
            if (text.contains("url(") || text.contains("@import")) {
                // Resolved against this build's folder, such a reference could point nowhere once in the jar.
                throw new IllegalStateException(css + " refers to another file (url() or @import): its binary form"
                        + " is not checked for that; extend BinaryStylesheets before adding one");
            }
            Stylesheet.convertToBinary(css.toFile(), binaryOf(css).toFile());
        }
    }

    /** The stylesheets ({@code .css}) under {@code folder}, in a stable order. */
    public static List<Path> stylesheets(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".css") && Files.isRegularFile(p))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where the binary form of {@code css} goes: the same name with {@code .bss}, where JavaFX looks for it. */
    public static Path binaryOf(Path css) {
        String name = css.getFileName().toString();
        return css.resolveSibling(name.substring(0, name.length() - ".css".length()) + ".bss");
    }
}
