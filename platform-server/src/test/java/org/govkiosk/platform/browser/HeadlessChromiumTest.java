package org.govkiosk.platform.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The browser the page checks drive leaves nothing running and nothing writing into its profile once closed. */
class HeadlessChromiumTest {

    @TempDir
    Path dir;

    @Test
    void closingEndsEveryProcessTheBrowserStartedBeforeItReturns() throws Exception {
        Path chromium = HeadlessChromium.executable().orElse(null);
        Assumptions.assumeTrue(chromium != null, "chromium is not installed (Debian package 'chromium')");
        for (int round = 0; round < 3; round++) {
            Path profile = Files.createDirectories(dir.resolve("profile-" + round));
            List<ProcessHandle> family;
            try (HeadlessChromium browser = HeadlessChromium.launch(chromium, profile)) {
                browser.navigate("data:text/html,<p>hello</p>");
                family = browser.family();
                assertThat(family).as("the browser and the processes it started").hasSizeGreaterThan(2);
            }
            assertThat(family).as("round %d: alive after close", round).noneMatch(ProcessHandle::isAlive);
            // What JUnit does with a @TempDir afterwards: delete the profile, which nothing may still be writing.
            try (Stream<Path> files = Files.walk(profile)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
            assertThat(profile).doesNotExist();
        }
    }
}
