package org.govkiosk.print.pdf;

import java.nio.file.Path;
import java.util.Objects;

/** A font file and, inside a collection (.ttc), the PostScript name of the face to use. */
public record FontSource(Path file, String faceName) {

    public FontSource {
        Objects.requireNonNull(file, "file");
        file = file.toAbsolutePath().normalize();
        Objects.requireNonNull(faceName, "faceName");
    }
}
