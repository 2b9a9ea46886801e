package org.govkiosk.app.security;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * What a power cut keeps of a file's name: a file's data is durable once the file is synced, but its creation,
 * rename or removal only once its directory is synced too; before, the disk may come back with the old name, or
 * none (ext4 and the power-cut tests' powercutfs both behave so). Every file the terminal must find again after a
 * cut (key store, its secret, counters, the databases it creates) is named through here.
 */
public final class DurableFiles {

    private DurableFiles() {
    }

    /** Makes the entries of {@code dir} (files created, renamed or removed in it) survive a power cut. */
    public static void syncDirectory(Path dir) throws IOException {
        try (FileChannel c = FileChannel.open(dir, StandardOpenOption.READ)) {
            c.force(true);
        }
    }

    /**
     * Puts {@code tmp} (written and synced) in the place of {@code file} in one step, and syncs the directory: after
     * a power cut the file is either the old one or the new one, whole.
     */
    public static void replace(Path tmp, Path file) throws IOException {
        try {
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
        syncDirectory(file.toAbsolutePath().getParent());
    }
}
