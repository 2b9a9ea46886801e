package org.govkiosk.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Problems with the files themselves: missing, unreadable, empty, not YAML, not UTF-8. */
class ConfigFilesTest {

    @TempDir
    Path dir;

    private static final String T = ConfigLoader.TERMINAL_FILE;
    private static final String D = ConfigLoader.DEVICES_FILE;

    @Test
    void validDirectoryLoads() {
        TerminalConfig config = new ConfigDir(dir).load();

        assertThat(config.terminal().id()).isEqualTo("t-1");
        assertThat(config.devices()).hasSize(3);
    }

    @Test
    void theCalendarBesideTheFilesIsLoadedAndABrokenOneIsAProblemNamingFileAndPath() throws IOException {
        assertThat(new ConfigDir(dir).load().calendar().years()).as("no calendar folder: weekends only").isEmpty();

        Path calendar = Files.createDirectory(dir.resolve(ConfigLoader.CALENDAR_DIR));
        Files.writeString(calendar.resolve("2025.yaml"), String.join("\n", "year: 2025", "source: 国办发明电〔2024〕12号",
                "holidays:", "  - {name: 元旦, from: 2025-01-01, to: 2025-01-01}", "working-weekends: [2025-01-26]", ""));
        TerminalConfig config = new ConfigDir(dir).load();
        assertThat(config.calendar().years()).containsExactly(2025);
        assertThat(config.calendar().isWorkingDay(java.time.LocalDate.of(2025, 1, 26))).isTrue();

        Files.writeString(calendar.resolve("2026.yaml"), "year: 2026\nsource: x\nholidays: [{name: 元旦, from: 2026-1-1, to: 2026-01-03}]\n");
        assertThat(new ConfigDir(dir).problems()).containsExactly(
                "calendar/2026.yaml: holidays[0].from: expected a date like 2026-10-01, got '2026-1-1'");
    }

    @Test
    void missingFileNamesTheFileAndTheDirectory() throws IOException {
        new ConfigDir(dir).write();
        Files.delete(dir.resolve(D));

        List<String> problems = new ConfigDir(dir).problemsWithoutWriting();

        assertThat(problems).hasSize(1);
        assertThat(problems.get(0)).startsWith(D + ": ").contains("not found", dir.toAbsolutePath().toString());
    }

    @Test
    void missingDirectoryReportsBothFilesAndSaysTheDirectoryIsMissing() {
        Path nowhere = dir.resolve("etc-govkiosk");

        assertThatThrownBy(() -> ConfigLoader.load(nowhere)).isInstanceOfSatisfying(ConfigException.class, e -> {
            assertThat(e.problems()).hasSize(2);
            assertThat(e.problems()).anySatisfy(p -> assertThat(p).startsWith(T + ": "));
            assertThat(e.problems()).anySatisfy(p -> assertThat(p).startsWith(D + ": "));
            assertThat(e.problems()).allSatisfy(p -> assertThat(p)
                    .contains(nowhere.toAbsolutePath().toString(), "directory does not exist"));
        });
    }

    @Test
    void aDirectoryInPlaceOfTheFileIsNotReadAsMissing() throws IOException {
        new ConfigDir(dir).write();
        Files.delete(dir.resolve(T));
        Files.createDirectory(dir.resolve(T));

        List<String> problems = new ConfigDir(dir).problemsWithoutWriting();

        assertThat(problems).singleElement().asString().startsWith(T + ": ").contains("not a file")
                .doesNotContain("not found");
    }

    @Test
    void unreadableFileIsReported() throws IOException {
        new ConfigDir(dir).write();
        org.govkiosk.testkit.DeniedFiles.unreadable(dir.resolve(T));

        List<String> problems = new ConfigDir(dir).problemsWithoutWriting();

        assertThat(problems).singleElement().asString().startsWith(T + ": ").contains("cannot be read");
    }

    @Test
    void emptyFileAndCommentOnlyFileAreReported() throws IOException {
        new ConfigDir(dir).write();
        Files.writeString(dir.resolve(T), "");
        Files.writeString(dir.resolve(D), "# devices: to be filled in\n");

        List<String> problems = new ConfigDir(dir).problemsWithoutWriting();

        assertThat(problems).hasSize(2);
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith(T + ": ").contains("empty"));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith(D + ": ").contains("empty"));
    }

    @Test
    void badYamlSyntaxGivesLineAndColumn() {
        // line 7 ("  warning: 10s") is indented one space less than its sibling: broken structure
        List<String> problems = new ConfigDir(dir).terminal("  warning: 10s", " warning: 10s").problems();

        assertThat(problems).singleElement().asString().startsWith(T + ": ").contains("line 7", "column 2", "YAML");
    }

    @Test
    void unclosedListGivesTheLineWhereItGoesWrong() {
        List<String> problems = new ConfigDir(dir).terminal("[zh-CN, en]", "[zh-CN, en").problems();

        assertThat(problems).singleElement().asString().startsWith(T + ": ").contains("line 10", "column");
    }

    @Test
    void aKeyGivenTwiceIsReportedWithItsLine() {
        List<String> problems = new ConfigDir(dir).terminal("  mode: kiosk\n", "  mode: kiosk\n  mode: pad\n").problems();

        assertThat(problems).singleElement().asString().startsWith(T + ": ").contains("line 5", "'mode'", "twice");
    }

    @Test
    void aFileSavedAsGbkIsRejectedWithItsLine() throws IOException {
        new ConfigDir(dir).write();
        String yaml = Files.readString(dir.resolve(T));
        Files.write(dir.resolve(T), yaml.getBytes(Charset.forName("GBK")));

        List<String> problems = new ConfigDir(dir).problemsWithoutWriting();

        assertThat(problems).singleElement().asString().startsWith(T + ": ").contains("line 3", "UTF-8");
    }

    @Test
    void aByteOrderMarkIsAccepted() throws IOException {
        new ConfigDir(dir).write();
        Files.writeString(dir.resolve(T), "\uFEFF" + Files.readString(dir.resolve(T)));

        assertThat(ConfigLoader.load(dir).terminal().hallName()).isEqualTo("测试政务服务中心");
    }

    @Test
    void aListAtTheTopIsNotAConfigFile() {
        List<String> problems = new ConfigDir(dir).devicesText("- id: reader\n  family: id-card-reader\n").problems();

        assertThat(problems).singleElement().asString().startsWith(D + ": ").contains("top");
    }

    @Test
    void defaultDirectoryIsTheSystemProperty() {
        String property = System.getProperty(ConfigLoader.DIR_PROPERTY);
        assumeThat(property).as("surefire sets " + ConfigLoader.DIR_PROPERTY).isNotNull();

        assertThat(ConfigLoader.defaultDirectory()).isEqualTo(Path.of(property));
    }
}
