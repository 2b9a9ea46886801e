package org.govkiosk.platform.store;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The files of an H2 file database hold every citizen's case: its directory is made owner-only (0700) and its files
 * (.mv.db, .trace.db, .lock.db, temporary files) owner-only (0600), whatever umask the platform was started with.
 * H2 itself creates files with the umask's mode, so they are tightened after opening and again at close. A directory
 * that already existed is not changed (it may be shared, e.g. /tmp), only reported when others can enter it.
 */
final class H2Files {

    private static final Logger LOG = LoggerFactory.getLogger(H2Files.class);
    static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private final Path base;

    private H2Files(Path base) {
        this.base = base;
    }

    /** The database's files for a {@code jdbc:h2:} URL naming a file database; empty for mem:, tcp: and others. */
    static Optional<H2Files> of(String url) {
        if (!url.startsWith("jdbc:h2:")) {
            return Optional.empty();
        }
        String rest = url.substring("jdbc:h2:".length()).split(";", 2)[0];
        String lower = rest.toLowerCase(Locale.ROOT);
        if (lower.startsWith("file:")) {
            rest = rest.substring("file:".length());
        } else if (lower.matches("^[a-z]{2,}:.*")) {
            return Optional.empty(); // mem:, tcp:, ssl:, zip:, nio...: not a plain file here
        }
        if (rest.isBlank()) {
            return Optional.empty();
        }
        if (rest.startsWith("~")) {
            rest = System.getProperty("user.home") + rest.substring(1);
        }
        return Optional.of(new H2Files(Path.of(rest).toAbsolutePath().normalize()));
    }

    /** Before H2 opens the database: makes its directory, owner-only, if it does not exist yet. */
    void prepareDirectory() {
        Path dir = base.getParent();
        try {
            if (!Files.exists(dir)) {
                Files.createDirectories(dir);
                setQuietly(dir, DIRECTORY);
            } else if (!DIRECTORY.containsAll(posix(dir))) {
                LOG.warn("The platform's database directory {} is open to other accounts ({}); its files are made"
                        + " owner-only, but a directory of its own with mode 0700 is safer", dir,
                        PosixFilePermissions.toString(posix(dir)));
            }
        } catch (IOException | UnsupportedOperationException e) {
            LOG.warn("Cannot make or check the database directory {}: {}", dir, e.getMessage());
        }
    }

    /**
     * Makes the database file's name, and its directory's, survive a power cut: a file's sync keeps its data, not
     * the directory entry that names it. Without this, powercutfs came back without the database at all.
     */
    void syncNames() {
        Path dir = base.getParent();
        for (Path d : new Path[] {dir, dir.getParent()}) {
            if (d == null) {
                continue;
            }
            try (java.nio.channels.FileChannel c = java.nio.channels.FileChannel.open(d,
                    java.nio.file.StandardOpenOption.READ)) {
                c.force(true);
            } catch (IOException e) {
                if (d == dir) {
                    throw new StorageException("cannot make the database's name durable in " + d + ": "
                            + e.getMessage(), e);
                }
                LOG.warn("Cannot sync {} (the database directory's own name may not survive a power cut): {}", d,
                        e.getMessage());
            }
        }
    }

    /** Makes every file of this database owner-only (0600). */
    void restrictFiles() {
        Path dir = base.getParent();
        String prefix = base.getFileName().toString() + ".";
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, f -> f.getFileName().toString()
                .startsWith(prefix) && Files.isRegularFile(f))) {
            for (Path f : files) {
                setQuietly(f, FILE);
            }
        } catch (IOException | UnsupportedOperationException e) {
            LOG.warn("Cannot restrict the database files in {}: {}", dir, e.getMessage());
        }
    }

    private static Set<PosixFilePermission> posix(Path p) throws IOException {
        return Files.getPosixFilePermissions(p);
    }

    private static void setQuietly(Path p, Set<PosixFilePermission> perms) {
        try {
            if (!posix(p).equals(perms)) {
                Files.setPosixFilePermissions(p, perms);
            }
        } catch (IOException e) {
            LOG.warn("Cannot set {} to {}: {}", p, PosixFilePermissions.toString(perms), e.getMessage());
        } catch (UnsupportedOperationException e) {
            LOG.debug("No POSIX permissions on {}", p);
        }
    }
}
