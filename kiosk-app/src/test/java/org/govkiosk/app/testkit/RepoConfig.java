package org.govkiosk.app.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The repository's shipped configuration ({@code config/}), copied for a test that edits its own copy. */
public final class RepoConfig {

    private RepoConfig() {
    }

    /** The shipped folder: {@code -Dgovkiosk.config.dir} or {@code ../config} from the module. */
    public static Path source() {
        return Path.of(System.getProperty("govkiosk.config.dir", "../config"));
    }

    /** Copies every file of the shipped configuration into {@code target}, keeping its folders. */
    public static Path copyTo(Path target) throws IOException {
        Path source = source();
        try (Stream<Path> files = Files.walk(source)) {
            for (Path f : files.toList()) {
                Path to = target.resolve(source.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(f, to);
                }
            }
        }
        return target;
    }
}
