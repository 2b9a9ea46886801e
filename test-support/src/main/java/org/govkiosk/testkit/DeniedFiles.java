package org.govkiosk.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Files and folders the running user may not use, for tests of what a terminal says when it meets one (a serial
 * node without the dialout group, a configuration file the service cannot read, a write-protected USB stick).
 * Permission bits bind an ordinary user, but CI runs as root, whom they do not bind; so that these tests run (and
 * can fail) in CI too, as root the denial comes from the kernel instead: a link to a {@code /proc/sys} file whose
 * mode denies even root (sysctl files check their mode bits for root as for anyone), or a read-only mount.
 * Where neither is possible the test is aborted, saying why, which a strict CI run counts as a failure.
 */
public final class DeniedFiles {

    /** Write-only for everyone, root included: reading it is refused. */
    private static final Path UNREADABLE_FOR_ROOT = Path.of("/proc/sys/vm/compact_memory");
    /** Read-only for everyone, root included: opening it for writing is refused. */
    private static final Path UNWRITABLE_FOR_ROOT = Path.of("/proc/sys/kernel/osrelease");

    private DeniedFiles() {
    }

    /** Makes the file at {@code file} (created empty when absent) one the running user cannot read. */
    public static Path unreadable(Path file) throws IOException {
        return denied(file, UNREADABLE_FOR_ROOT, Files::isReadable, "read");
    }

    /** Makes the file at {@code file} (created empty when absent) one the running user cannot open read-write. */
    public static Path notReadWrite(Path file) throws IOException {
        return denied(file, UNWRITABLE_FOR_ROOT, f -> Files.isReadable(f) && Files.isWritable(f), "written");
    }

    private static Path denied(Path file, Path forRoot, java.util.function.Predicate<Path> allowed, String what)
            throws IOException {
        if (!Files.exists(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            Files.createFile(file);
        }
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
        if (!allowed.test(file)) {
            return file;
        }
        // Root: the mode bits above do not bind; a kernel file that refuses root stands in.
        Assumptions.assumeTrue(Files.exists(forRoot) && !allowed.test(forRoot),
                () -> "no file here that refuses to be " + what + " by this user (root, and no " + forRoot + ")");
        Files.delete(file);
        Files.createSymbolicLink(file, forRoot);
        return file;
    }

    /**
     * Makes {@code folder} one the running user cannot write into, until closed: its mode for an ordinary user,
     * a read-only file system mounted over it for root (as a write-protected stick is mounted).
     */
    public static AutoCloseable readOnly(Path folder) throws IOException, InterruptedException {
        folder.toFile().setWritable(false, false);
        if (!Files.isWritable(folder)) {
            return () -> folder.toFile().setWritable(true, true);
        }
        int mounted = run(List.of("mount", "-t", "tmpfs", "-o", "ro,size=64k", "govkiosk-test-ro",
                folder.toString()));
        Assumptions.assumeTrue(mounted == 0 && !Files.isWritable(folder),
                () -> "cannot make " + folder + " read-only for this user (root, and mount failed: " + mounted + ")");
        return () -> {
            if (run(List.of("umount", folder.toString())) != 0) {
                throw new IOException("could not unmount the read-only file system on " + folder);
            }
            folder.toFile().setWritable(true, true);
        };
    }

    private static int run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return -1;
        }
        return p.exitValue();
    }
}
