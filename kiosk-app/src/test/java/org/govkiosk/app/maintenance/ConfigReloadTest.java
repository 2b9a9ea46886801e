package org.govkiosk.app.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.govkiosk.app.context.AppContext;
import org.govkiosk.app.config.TerminalConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.govkiosk.app.testkit.RepoConfig;

/** Reloading a copy of the shipped configuration directory, edited as a technician would. */
class ConfigReloadTest {

    @TempDir
    Path dir;

    private final List<String> audited = new ArrayList<>();
    private final List<TerminalConfig.Session> appliedSessions = new ArrayList<>();
    private ConfigReload reload;

    @BeforeEach
    void copyConfig() throws Exception {
        RepoConfig.copyTo(dir);
        reload = new ConfigReload(AppContext.loadConfiguration(dir), () -> AppContext.loadConfiguration(dir),
                Map.of(ConfigReload.Section.SESSION, loaded -> appliedSessions.add(loaded.config().session())),
                (event, details) -> audited.add(event + " " + details));
    }

    private void edit(String file, String from, String to) throws Exception {
        Path f = dir.resolve(file);
        String text = Files.readString(f);
        assertThat(text).as("the edit must find its text").contains(from);
        Files.writeString(f, text.replace(from, to));
    }

    @Test
    void anUnchangedDirectoryChangesNothing() {
        assertThat(reload.reload()).isEqualTo(new ConfigReload.Result.Unchanged());
        assertThat(appliedSessions).isEmpty();
        assertThat(audited).singleElement().asString().contains("config-reload", "unchanged");
    }

    @Test
    void anInvalidDirectoryListsEveryProblemAndKeepsTheOldConfiguration() throws Exception {
        edit("terminal.yaml", "idle-timeout: 90s", "idle-timeout: soon");
        edit("terminal.yaml", "receipt-width: 80", "receipt-width: 66");

        ConfigReload.Result result = reload.reload();

        assertThat(result).isInstanceOf(ConfigReload.Result.Invalid.class);
        List<String> problems = ((ConfigReload.Result.Invalid) result).problems();
        assertThat(problems).hasSizeGreaterThanOrEqualTo(2);
        assertThat(String.join("\n", problems)).contains("idle-timeout", "receipt-width");
        assertThat(appliedSessions).isEmpty();

        // Fixed again, it is what runs: nothing changed.
        edit("terminal.yaml", "idle-timeout: soon", "idle-timeout: 90s");
        edit("terminal.yaml", "receipt-width: 66", "receipt-width: 80");
        assertThat(reload.reload()).isEqualTo(new ConfigReload.Result.Unchanged());
    }

    @Test
    void sessionTimeoutsApplyLiveAndOtherSectionsWaitForARestartUntilItComes() throws Exception {
        edit("terminal.yaml", "idle-timeout: 90s", "idle-timeout: 120s");
        edit("terminal.yaml", "receipt-width: 80", "receipt-width: 58");

        assertThat(reload.reload()).isEqualTo(new ConfigReload.Result.Changed(List.of(ConfigReload.Section.SESSION),
                List.of(ConfigReload.Section.PRINT)));
        assertThat(appliedSessions).singleElement().satisfies(s ->
                assertThat(s.idleTimeout()).isEqualTo(Duration.ofSeconds(120)));

        // Reloading again applies nothing new, but the print change still waits for the restart.
        assertThat(reload.reload()).isEqualTo(new ConfigReload.Result.Changed(List.of(),
                List.of(ConfigReload.Section.PRINT)));
        assertThat(appliedSessions).hasSize(1);
    }

    @Test
    void aCatalogEditIsSeen() throws Exception {
        Path catalog = dir.resolve("catalog.yaml");
        String text = Files.readString(catalog);
        // A keyword more for the first item: keywords are plain text (names may be written {zh, en}).
        int keywords = text.indexOf("keywords: [");
        assertThat(keywords).isPositive();
        Files.writeString(catalog, text.substring(0, keywords) + "keywords: [新词, "
                + text.substring(keywords + "keywords: [".length()));

        assertThat(reload.reload()).isEqualTo(new ConfigReload.Result.Changed(List.of(),
                List.of(ConfigReload.Section.CATALOG)));
    }

    @Test
    void anApplierThatFailsLeavesItsSectionWaitingForARestart() throws Exception {
        ConfigReload failing = new ConfigReload(AppContext.loadConfiguration(dir),
                () -> AppContext.loadConfiguration(dir), Map.of(ConfigReload.Section.SESSION, loaded -> {
                    throw new IllegalStateException("cannot");
                }), (event, details) -> { });
        edit("terminal.yaml", "idle-timeout: 90s", "idle-timeout: 100s");

        assertThat(failing.reload()).isEqualTo(new ConfigReload.Result.Changed(List.of(),
                List.of(ConfigReload.Section.SESSION)));
    }
}
