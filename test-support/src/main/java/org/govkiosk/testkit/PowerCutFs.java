package org.govkiosk.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A folder on powercutfs (this module's {@code powercutfs.py}): an ordinary folder to the programs using it, until
 * {@link #cut()}, after which only what they made durable (synced files, synced directory entries) is left, as
 * after a power cut, and every call on it fails until {@link #powerOn()}. For tests that a write acknowledged to a
 * citizen survives the power going, which killing a process cannot show (the operating system keeps its page
 * cache when a process dies).
 *
 * <p>Needs FUSE (/dev/fuse, Debian fuse3) and python3-fusepy; aborts the test where they are missing, which a
 * strict CI counts as a failure.
 */
public final class PowerCutFs implements AutoCloseable {

    private static final Duration MOUNT_WAIT = Duration.ofSeconds(20);

    private final Path backing;
    private final Path mount;
    private final Path script;
    private final Path log;
    private final java.util.Set<Option> options;
    private Process fs;
    private boolean powerOff;

    /** How the filesystem behaves besides keeping only what was synced. */
    public enum Option {
        /** Users other than this one may use it too (a database server that will not run as root). */
        OTHER_USERS("--allow-other"),
        /**
         * An fsync of a file or folder also makes its name durable, as ext4, XFS and btrfs do though POSIX does not
         * promise it (PostgreSQL relies on it). Without it, a name is durable only once its folder is synced.
         */
        LINUX_NAMES("--linux-names");

        private final String flag;

        Option(String flag) {
            this.flag = flag;
        }
    }

    private PowerCutFs(Path work, Option... options) throws IOException {
        this.options = options.length == 0 ? java.util.EnumSet.noneOf(Option.class)
                : java.util.EnumSet.copyOf(List.of(options));
        this.backing = Files.createDirectories(work.resolve("disk"));
        this.mount = Files.createDirectories(work.resolve("mnt"));
        this.script = work.resolve("powercutfs.py");
        this.log = work.resolve("powercutfs.log");
        try (InputStream in = PowerCutFs.class.getResourceAsStream("powercutfs.py")) {
            Files.write(script, in.readAllBytes());
        }
    }

    /** Mounts a new, empty power-cut filesystem in {@code work} (its disk in work/disk, mounted on work/mnt). */
    public static PowerCutFs mount(Path work) throws IOException, InterruptedException {
        return mount(work, new Option[0]);
    }

    /**
     * As {@link #mount(Path)}, with {@code options}; what is already in work/disk is the disk as the power came on
     * (durable).
     */
    public static PowerCutFs mount(Path work, Option... options) throws IOException, InterruptedException {
        Assumptions.assumeTrue(Files.exists(Path.of("/dev/fuse")), "no /dev/fuse: FUSE is not available here");
        Assumptions.assumeTrue(run(List.of("/usr/bin/python3", "-c", "import fusepy")) == 0,
                "python3-fusepy is not installed");
        PowerCutFs p = new PowerCutFs(work, options);
        p.powerOn();
        return p;
    }

    /** The folder the programs under test use. */
    public Path path() {
        return mount;
    }

    /** The disk: what is left after a cut, read with the power off. */
    public Path disk() {
        return backing;
    }

    /**
     * The power goes: the disk keeps only what was made durable, and every later call on {@link #path()} fails.
     * Returns when the cut is complete. Kill the programs using the folder next, as the power kills them.
     */
    public void cut() throws IOException, InterruptedException {
        try {
            Files.createDirectory(mount.resolve(".powercut"));
        } catch (IOException expected) {
            // The kernel looks the new folder up after making it; with the power off that fails. The cut is done.
        }
        if (!Files.readString(log, StandardCharsets.UTF_8).contains("power cut")) {
            throw new IOException("powercutfs did not cut the power: " + Files.readString(log));
        }
        powerOff = true;
    }

    /** Unmounts (after a cut, or to stop) and mounts the disk again: the machine powered on. */
    public void powerOn() throws IOException, InterruptedException {
        unmount();
        List<String> command = new java.util.ArrayList<>(List.of("/usr/bin/python3", script.toString()));
        options.forEach(o -> command.add(o.flag));
        command.addAll(List.of(backing.toString(), mount.toString()));
        fs = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + MOUNT_WAIT.toNanos();
        while (!mounted()) {
            if (!fs.isAlive()) {
                throw new IOException("powercutfs did not mount: " + Files.readString(log));
            }
            if (System.nanoTime() > deadline) {
                throw new IOException("powercutfs not mounted after " + MOUNT_WAIT + ": " + Files.readString(log));
            }
            Thread.sleep(20);
        }
    }

    private boolean mounted() throws IOException {
        String target = " " + mount.toAbsolutePath() + " ";
        return Files.readAllLines(Path.of("/proc/self/mounts")).stream().anyMatch(l -> l.contains(target));
    }

    private void unmount() throws IOException, InterruptedException {
        if (fs == null) {
            return;
        }
        if (mounted()) {
            run(List.of("fusermount3", "-u", "-z", mount.toString()));
        }
        if (powerOff) {
            // A lazy unmount waits for the files still open on it, which programs abandoned at the cut may hold
            // for long; after a cut the filesystem answers nothing anyway, so it goes at once.
            fs.destroyForcibly();
            powerOff = false;
        }
        if (!fs.waitFor(10, TimeUnit.SECONDS)) {
            fs.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        fs = null;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        unmount();
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
