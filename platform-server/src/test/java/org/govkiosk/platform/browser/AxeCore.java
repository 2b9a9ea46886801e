package org.govkiosk.platform.browser;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * axe-core, the accessibility checker, from the npm tooling folder {@code tools/web-checks} (pinned in its
 * package-lock.json; scripts/test-all.sh installs it before the build). A developer's run installs it there with
 * {@code npm ci} when it is missing and npm is on the PATH.
 */
public final class AxeCore {

    private AxeCore() {
    }

    /** The checker's source, to evaluate in a page; empty if it is not installed and cannot be. */
    public static Optional<String> source() throws Exception {
        Path tools = toolsFolder().orElse(null);
        if (tools == null) {
            return Optional.empty();
        }
        Path axe = tools.resolve("node_modules/axe-core/axe.min.js");
        if (!Files.exists(axe) && npm().isPresent()) {
            Process p = new ProcessBuilder(npm().get().toString(), "ci", "--no-audit", "--no-fund")
                    .directory(tools.toFile()).redirectErrorStream(true)
                    .redirectOutput(Files.createTempFile("npm-ci", ".log").toFile()).start();
            if (!p.waitFor(10, TimeUnit.MINUTES)) {
                p.destroyForcibly();
            }
        }
        return Files.exists(axe) ? Optional.of(Files.readString(axe)) : Optional.empty();
    }

    /** {@code tools/web-checks} of this source tree: the nearest such folder above the working directory. */
    public static Optional<Path> toolsFolder() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path tools = dir.resolve("tools/web-checks");
            if (Files.exists(tools.resolve("package-lock.json"))) {
                return Optional.of(tools);
            }
        }
        return Optional.empty();
    }

    private static Optional<Path> npm() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path p = Path.of(dir, "npm");
            if (Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
