package org.govkiosk.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The power-cut filesystem keeps what a disk keeps when the power goes, and nothing more. */
class PowerCutFsTest {

    @TempDir
    Path work;
    private PowerCutFs fs;
    private Path dir;

    @BeforeEach
    void mount() throws Exception {
        fs = PowerCutFs.mount(work);
        dir = fs.path();
    }

    @AfterEach
    void unmount() throws Exception {
        fs.close();
    }

    @Test
    void whatWasWrittenAfterTheLastFsyncIsGoneAndWhatWasSyncedStays() throws Exception {
        Path f = dir.resolve("outbox.db");
        write(f, "committed", true, StandardOpenOption.CREATE_NEW);
        syncDirectory(dir);
        write(f, " and then some", false, StandardOpenOption.APPEND);
        assertThat(Files.readString(f)).isEqualTo("committed and then some");

        fs.cut();
        fs.powerOn();

        assertThat(Files.readString(f)).isEqualTo("committed");
    }

    @Test
    void aFileWhoseDirectoryWasNeverSyncedIsGoneThoughItsDataWasSynced() throws Exception {
        write(dir.resolve("receipt.json"), "{}", true, StandardOpenOption.CREATE_NEW);

        fs.cut();
        fs.powerOn();

        assertThat(dir.resolve("receipt.json")).doesNotExist();
    }

    @Test
    void withLinuxNamesAnFsyncAlsoKeepsTheNameOfANewFileAndFolderAsExt4Does() throws Exception {
        fs.close();
        fs = PowerCutFs.mount(work, PowerCutFs.Option.LINUX_NAMES);
        Path folder = Files.createDirectory(dir.resolve("base"));
        write(folder.resolve("PG_VERSION"), "15", true, StandardOpenOption.CREATE_NEW);
        syncDirectory(folder);
        write(dir.resolve("unsynced.json"), "{}", false, StandardOpenOption.CREATE_NEW);

        fs.cut();
        fs.powerOn();

        assertThat(folder.resolve("PG_VERSION")).as("its folder was synced, which names it in its parent")
                .hasContent("15");
        assertThat(dir.resolve("unsynced.json")).as("never synced: gone in this mode too").doesNotExist();
    }

    @Test
    void aRenameIsDurableOnlyOnceItsDirectoryIsSynced() throws Exception {
        Path target = dir.resolve("counters.json");
        write(target, "old", true, StandardOpenOption.CREATE_NEW);
        write(dir.resolve("synced.json"), "kept", true, StandardOpenOption.CREATE_NEW);
        syncDirectory(dir);
        Path tmp = dir.resolve("counters.json.tmp");
        write(tmp, "new", true, StandardOpenOption.CREATE_NEW);
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        Files.delete(dir.resolve("synced.json"));

        fs.cut();
        fs.powerOn();

        assertThat(Files.readString(target)).as("the rename was not synced").isEqualTo("old");
        assertThat(dir.resolve("synced.json")).as("nor the unlink").exists();
        assertThat(dir.resolve("counters.json.tmp")).doesNotExist();

        write(tmp, "new", true, StandardOpenOption.CREATE_NEW);
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        syncDirectory(dir);
        fs.cut();
        fs.powerOn();

        assertThat(Files.readString(target)).as("renamed and synced").isEqualTo("new");
    }

    @Test
    void subfoldersKeepTheirSyncedEntries() throws Exception {
        Path sub = Files.createDirectory(dir.resolve("audit"));
        syncDirectory(dir);
        write(sub.resolve("audit.log"), "line 1\n", true, StandardOpenOption.CREATE_NEW);
        syncDirectory(sub);
        write(sub.resolve("audit.log"), "line 2\n", false, StandardOpenOption.APPEND);

        fs.cut();
        fs.powerOn();

        assertThat(Files.readString(sub.resolve("audit.log"))).isEqualTo("line 1\n");
    }

    @Test
    void withThePowerOffEveryCallFails() throws Exception {
        write(dir.resolve("a"), "x", true, StandardOpenOption.CREATE_NEW);

        fs.cut();

        assertThatThrownBy(() -> Files.readString(dir.resolve("a"))).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> Files.writeString(dir.resolve("b"), "y")).isInstanceOf(IOException.class);
        assertThat(fs.disk().resolve("a")).as("not durable by name: the disk has lost it").doesNotExist();
    }

    private static void write(Path f, String text, boolean sync, StandardOpenOption... how) throws IOException {
        java.util.Set<StandardOpenOption> options = new java.util.HashSet<>(java.util.List.of(how));
        options.add(StandardOpenOption.WRITE);
        try (FileChannel c = FileChannel.open(f, options)) {
            c.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
            if (sync) {
                c.force(true);
            }
        }
    }

    /** What SQLite and a careful program do after creating or renaming a file: fsync its directory. */
    static void syncDirectory(Path d) throws IOException {
        try (FileChannel c = FileChannel.open(d, StandardOpenOption.READ)) {
            c.force(true);
        }
    }
}
