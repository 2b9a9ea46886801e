package org.govkiosk.app.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.govkiosk.app.testkit.RepoConfig;

/**
 * The whole terminal in a child JVM (headless JavaFX), started as systemd starts it with Type=notify and
 * WatchdogSec: it must say READY=1 once its first screen is up, keep feeding the watchdog, and say STOPPING=1
 * when systemd stops it with SIGTERM.
 */
class WatchdogProcessTest {

    private static final Duration START = Duration.ofSeconds(120);

    @TempDir
    Path dir;

    @Test
    void theTerminalReportsReadyFeedsTheWatchdogAndSaysStoppingOnSigterm() throws Exception {
        Path config = terminalConfig(dir.resolve("config"), dir.resolve("data"));
        Path log = dir.resolve("child.log");
        try (NotifyReceiver systemd = new NotifyReceiver(dir.resolve("notify").toString())) {
            ProcessBuilder pb = new ProcessBuilder(javaCommand(config)).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            pb.environment().put("NOTIFY_SOCKET", systemd.name());
            pb.environment().put("WATCHDOG_USEC", "1000000");
            Process child = pb.start();
            try {
                String ready = systemd.awaitMessage("READY=1", START);
                assertThat(ready).contains("MAINPID=" + child.pid()).contains("first screen shown");
                systemd.awaitMessage("WATCHDOG=1", Duration.ofSeconds(20));
                systemd.awaitMessage("WATCHDOG=1", Duration.ofSeconds(20));
                child.destroy(); // SIGTERM, as systemctl stop sends
                systemd.awaitMessage("STOPPING=1", Duration.ofSeconds(30));
                assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("child exits after SIGTERM").isTrue();
                // SIGTERM skips JavaFX's stop(): the terminal's own hook still closed everything in order.
                assertThat(tail(log)).contains("Terminal stopped");
                List<String> audit = Files.readAllLines(dir.resolve("data").resolve("audit").resolve("audit.log"));
                assertThat(audit.get(audit.size() - 1)).as("last audit record").contains("app-stopped");
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "\nchild log:\n" + tail(log), e);
            } finally {
                child.destroyForcibly();
            }
        }
    }

    /** The shipped configuration with the ops port off (other tests use 9464) and data in the test's folder. */
    static Path terminalConfig(Path target, Path data) throws IOException {
        RepoConfig.copyTo(target);
        Path terminal = target.resolve("terminal.yaml");
        String yaml = Files.readString(terminal).replace("listen: 127.0.0.1:9464", "listen: \"off\"");
        assertThat(yaml).contains("listen: \"off\"");
        Files.writeString(terminal, yaml + "\nstorage:\n  data-dir: " + data.toAbsolutePath() + "\n");
        return target;
    }

    private static List<String> javaCommand(Path config) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return List.of(java, "-Xmx384m", "-cp", System.getProperty("java.class.path"),
                "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw", "-Dprism.text=t2k",
                "-Dheadless.geometry=1280x1024-32", "-Djava.awt.headless=true",
                "-Dgovkiosk.config.dir=" + config, "org.govkiosk.app.Main", "--windowed");
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }
}
