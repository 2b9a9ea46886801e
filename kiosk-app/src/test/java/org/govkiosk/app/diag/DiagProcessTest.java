package org.govkiosk.app.diag;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code java -jar ... diag} as a technician runs it: a real process, started through the jar's Main-Class as the
 * shaded jar is. (The shaded jar itself is made after the tests; this jar names the same classes by its manifest's
 * Class-Path. The Debian package test runs the real one.)
 */
class DiagProcessTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void configCheckAndUsageThroughJavaDashJar() throws Exception {
        Path jar = launcherJar(dir.resolve("govkiosk-terminal-test.jar"));
        Path config = Path.of(System.getProperty("govkiosk.config.dir", "../config")).toAbsolutePath();

        Result ok = run(jar, "diag", "config-check", "--config", config.toString(), "--json");
        assertThat(ok.code()).as(ok.toString()).isZero();
        JsonNode json = JSON.readTree(ok.out());
        assertThat(json.get("command").asText()).isEqualTo("config-check");
        assertThat(json.get("ok").asBoolean()).isTrue();
        assertThat(ok.out().lines().count()).as("stdout is the JSON only: " + ok).isEqualTo(1);

        Path broken = DiagFixtures.config(dir.resolve("broken"), dir.resolve("data"),
                "devices:\n  - id: x\n    family: receipt-printer\n    transport: serial\n");
        Result bad = run(jar, "diag", "config-check", "--config", broken.toString());
        assertThat(bad.code()).as(bad.toString()).isEqualTo(78);
        assertThat(bad.err()).contains("devices.yaml: devices[0].port: required for transport serial");

        Result usage = run(jar, "diag", "nonsense");
        assertThat(usage.code()).as(usage.toString()).isEqualTo(2);
    }

    private record Result(int code, String out, String err) {
    }

    private Result run(Path jar, String... args) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = Stream.concat(Stream.of(java, "-Xmx128m", "-jar", jar.toString()), Stream.of(args))
                .toList();
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("diag ended").isTrue();
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    /** A jar with the terminal's Main-Class and this test run's class path. */
    private static Path launcherJar(Path jar) throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.put(Attributes.Name.MAIN_CLASS, "org.govkiosk.app.Main");
        main.put(Attributes.Name.CLASS_PATH, Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(entry -> Path.of(entry).toAbsolutePath().toUri().toString()).collect(Collectors.joining(" ")));
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream ignored = new JarOutputStream(out, manifest)) {
            // the manifest is all it holds
        }
        return jar;
    }
}
