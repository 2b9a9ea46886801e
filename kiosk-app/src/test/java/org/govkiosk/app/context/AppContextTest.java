package org.govkiosk.app.context;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.govkiosk.app.config.LaunchOptions;
import org.govkiosk.app.testkit.RepoConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The composition root: its assemblies' threads come from one registry and are all gone once it is closed. */
class AppContextTest {

    /** The threads the assemblies make through the registry. */
    private static final Pattern ASSEMBLY_THREADS = Pattern.compile(
            "(journey|document-scan|device-scheduler|print-render|maintenance|housekeeping|platform-start|heartbeat|ops-http)-\\d+");

    @Test
    void theDemoPlatformWaitsForTheFirstScreenAndEveryAssemblyThreadIsClosedWithTheContext(@TempDir Path dir)
            throws Exception {
        RepoConfig.copyTo(dir);
        Path yaml = dir.resolve("terminal.yaml");
        String config = Files.readString(yaml).replaceAll("listen:\\s*\\S+", "listen: 127.0.0.1:0");
        Files.writeString(yaml, config + "\nstorage:\n  data-dir: " + dir.resolve("state").toAbsolutePath() + "\n");

        before = java.util.Set.copyOf(Thread.getAllStackTraces().keySet());
        AppContext context = AppContext.start(new LaunchOptions(dir, true, Optional.empty(), false),
                Clock.systemDefaultZone());
        try {
            context.journeyThread().execute(() -> { });
            context.maintenanceThread().execute(() -> { });
            Thread.sleep(500);
            assertThat(context.platform()).as("the embedded platform waits for the first screen").isEmpty();
            assertThat(liveAssemblyThreads()).noneMatch(name -> name.startsWith("platform-start"));
            assertThat(context.threads().open()).hasSizeGreaterThanOrEqualTo(6);

            context.firstScreenShown();
            waitFor(Duration.ofSeconds(60), () -> context.platform().isPresent());
            assertThat(context.platform()).as("started once the first screen is shown").isPresent();
            assertThat(liveAssemblyThreads()).contains("journey-1", "maintenance-1");
        } finally {
            context.close();
        }

        assertThat(context.threads().open()).as("nothing left open in the registry").isEmpty();
        waitFor(Duration.ofSeconds(5), () -> liveAssemblyThreads().isEmpty());
        assertThat(liveAssemblyThreads()).isEmpty();

        context.close(); // a second close does nothing
        Path audit = context.dataDir().resolve("audit").resolve("audit.log");
        assertThat(Files.readString(audit).split("app-stopped", -1)).as("app-stopped recorded once").hasSize(2);
    }

    /** Threads alive before this test's context started (another test's): not this context's. */
    private java.util.Set<Thread> before;

    private List<String> liveAssemblyThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).filter(t -> !before.contains(t))
                .map(Thread::getName)
                .filter(name -> ASSEMBLY_THREADS.matcher(name).matches()).sorted().toList();
    }

    private static void waitFor(Duration limit, java.util.function.BooleanSupplier condition)
            throws InterruptedException {
        long until = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < until) {
            Thread.sleep(50);
        }
    }
}
