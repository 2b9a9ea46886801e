package org.govkiosk.app.security;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;

/**
 * The terminal's data directory holds citizens' data (outbox, audit log) and its keys: what it makes there is for its
 * own account only, directories 0700 and files 0600, whatever umask it was started with. On a file system without
 * POSIX permissions (a developer's Windows machine) the calls only create.
 */
public final class OwnerOnly {

    public static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    public static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private OwnerOnly() {
    }

    /**
     * Creates {@code dir} and any missing parents, each new one 0700. A directory that already exists is left as it
     * is (it may be shared, e.g. /var/lib), except {@code dir} itself, which is ours.
     */
    public static Path directory(Path dir) throws IOException {
        Path absolute = dir.toAbsolutePath();
        Deque<Path> missing = new ArrayDeque<>();
        for (Path p = absolute; p != null && !Files.exists(p); p = p.getParent()) {
            missing.push(p);
        }
        for (Path p : missing) {
            try {
                Files.createDirectory(p, PosixFilePermissions.asFileAttribute(DIRECTORY));
            } catch (FileAlreadyExistsException raced) {
                // another component made it at the same moment
            } catch (UnsupportedOperationException e) {
                Files.createDirectories(p);
            }
            restrict(p, DIRECTORY);
            // Named durably: a terminal powered off right after its first start finds its folders again.
            DurableFiles.syncDirectory(p.getParent());
        }
        restrict(absolute, DIRECTORY);
        return dir;
    }

    /** Creates an empty file 0600 if there is none (SQLite then keeps that mode for its -wal and -shm), else makes it 0600. */
    public static Path file(Path file) throws IOException {
        directory(file.toAbsolutePath().getParent());
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(FILE));
            // SQLite syncs the directory of a database it creates itself, not of one made for it here.
            DurableFiles.syncDirectory(file.toAbsolutePath().getParent());
        } catch (FileAlreadyExistsException e) {
            restrict(file, FILE);
        } catch (UnsupportedOperationException e) {
            if (!Files.exists(file)) {
                Files.createFile(file);
            }
        }
        return file;
    }

    /**
     * An SQLite database file made or kept owner-only before SQLite opens it, and its -wal, -shm and -journal files
     * when an earlier start left them wider (SQLite gives new ones the main file's mode).
     */
    public static Path sqlite(Path file) throws IOException {
        file(file);
        for (String suffix : new String[] {"-wal", "-shm", "-journal"}) {
            restrictIfPresent(file.resolveSibling(file.getFileName() + suffix));
        }
        return file;
    }

    /** Makes an existing file 0600; nothing when it is not there. */
    public static void restrictIfPresent(Path file) throws IOException {
        if (Files.exists(file)) {
            restrict(file, FILE);
        }
    }

    private static void restrict(Path p, Set<PosixFilePermission> mode) throws IOException {
        try {
            // The umask narrows the mode asked for at creation, never widens it; set it anyway, so an older wider
            // file or directory is closed too.
            if (!Files.getPosixFilePermissions(p).equals(mode)) {
                Files.setPosixFilePermissions(p, mode);
            }
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system
        }
    }
}
