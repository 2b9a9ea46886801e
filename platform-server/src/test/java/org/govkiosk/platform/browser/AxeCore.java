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

    /**
     * Runs axe-core ({@code axe}, from {@link #source()}) in the browser's page: every finding is written to
     * {@code report} for a person to read; serious and critical ones fail, and so does a run that checked nothing.
     */
    public static void check(HeadlessChromium browser, String axe, Path report, String where) throws Exception {
        String found = browser.evaluateAwaited(axe + "\n;axe.run(document).then(r => JSON.stringify({"
                + "passes: r.passes.length, violations: r.violations.map(v => v.id + ' (' + v.impact"
                + " + '): ' + v.nodes.map(n => n.target.join(' ')).slice(0, 5).join(', '))}))");
        Files.createDirectories(report.toAbsolutePath().getParent());
        Files.writeString(report, found);
        var result = new com.fasterxml.jackson.databind.ObjectMapper().readTree(found);
        org.assertj.core.api.Assertions.assertThat(result.path("passes").asInt())
                .as(where + ": axe-core ran its rules").isGreaterThan(10);
        java.util.List<String> grave = new java.util.ArrayList<>();
        result.path("violations").forEach(v -> {
            if (v.asText().contains("(serious)") || v.asText().contains("(critical)")) {
                grave.add(v.asText());
            }
        });
        org.assertj.core.api.Assertions.assertThat(grave).as(where + ": axe-core, serious or critical").isEmpty();
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
