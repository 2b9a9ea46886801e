package org.govkiosk.app.ui.journeys;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.stream.Stream;
import org.govkiosk.app.platform.RealPlatform;
import org.govkiosk.app.ui.TerminalRig;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What a full-app journey runs against: the real terminal ({@link TerminalRig}: the repository's configuration,
 * simulated devices) wired to a reference platform of the test's own over HTTP ({@link RealPlatform}), each in its
 * own folder. Started before each test, closed after it (terminal first, then what the setup added, then the
 * platform). Register it with {@code @RegisterExtension}.
 */
final class PlatformAndTerminal implements BeforeEachCallback, AfterEachCallback {

    /** Adds devices or printers to the terminal before it starts. */
    interface Setup {
        TerminalRig configure(TerminalRig rig, PlatformAndTerminal env) throws Exception;
    }

    private final Setup setup;
    private final Deque<AutoCloseable> added = new ArrayDeque<>();
    private Path dir;
    private RealPlatform platform;
    private TerminalRig rig;

    private PlatformAndTerminal(Setup setup) {
        this.setup = setup;
    }

    /** The repository's terminal as it is. */
    static PlatformAndTerminal standard() {
        return new PlatformAndTerminal((rig, env) -> rig);
    }

    static PlatformAndTerminal configured(Setup setup) {
        return new PlatformAndTerminal(setup);
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        dir = Files.createTempDirectory("journey-");
        platform = RealPlatform.http(Files.createDirectories(dir.resolve("platform")));
        rig = setup.configure(new TerminalRig(Files.createDirectories(dir.resolve("terminal"))), this)
                .withPlatform(platform).start();
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        try {
            if (rig != null) {
                rig.close();
            }
        } finally {
            try {
                while (!added.isEmpty()) {
                    added.pop().close();
                }
            } finally {
                if (platform != null) {
                    platform.close();
                }
                deleteQuietly(dir);
            }
        }
    }

    /** A folder of this test's own, for files a device of the setup reads (a camera's pictures, for one). */
    Path dir() {
        return dir;
    }

    /** Closes {@code resource} after the terminal, before the platform; returns it. */
    <T extends AutoCloseable> T closing(T resource) {
        added.push(resource);
        return resource;
    }

    RealPlatform platform() {
        return platform;
    }

    TerminalRig rig() {
        return rig;
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temporary folder is no test failure
        }
    }
}
