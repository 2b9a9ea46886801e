package org.govkiosk.platform;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server for tests: initdb into a temp dir, pg_ctl start on a free loopback port, no unix
 * socket. PostgreSQL refuses to run as root, so as root the commands run as user {@code nobody} via runuser.
 */
public final class PostgresCluster implements AutoCloseable {

    public static final String USER = "govkiosk";

    private static PostgresCluster shared;
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private final Path bin;
    private final Path root;
    private final Path data;
    private final int port;
    private final boolean asNobody;
    private final boolean fsync;
    private long postmaster;

    private PostgresCluster(Path bin, Path root, Path data, int port, boolean asNobody, boolean fsync) {
        this.bin = bin;
        this.root = root;
        this.data = data;
        this.port = port;
        this.asNobody = asNobody;
        this.fsync = fsync;
    }

    /** Where PostgreSQL's programs are, if installed (Debian: /usr/lib/postgresql/15/bin). */
    public static Optional<Path> binaries() {
        Path lib = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(lib)) {
            try (Stream<Path> versions = Files.list(lib)) {
                Optional<Path> found = versions.map(v -> v.resolve("bin"))
                        .filter(b -> Files.isExecutable(b.resolve("initdb")) && Files.isExecutable(b.resolve("pg_ctl")))
                        .max(Comparator.comparing(Path::toString));
                if (found.isPresent()) {
                    return found;
                }
            } catch (IOException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** Why a PostgreSQL test cannot run here, or empty if it can. */
    public static Optional<String> unavailableReason() {
        if (binaries().isEmpty()) {
            return Optional.of("PostgreSQL is not installed (Debian package postgresql: /usr/lib/postgresql/*/bin)");
        }
        if (isRoot() && !Files.isExecutable(Path.of("/usr/sbin/runuser"))) {
            return Optional.of("running as root and runuser is missing: PostgreSQL cannot run as root");
        }
        return Optional.empty();
    }

    /** One cluster shared by the test classes of this JVM; stopped when the JVM exits. */
    public static synchronized PostgresCluster shared() throws Exception {
        if (shared == null) {
            shared = start();
            PostgresCluster cluster = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(cluster::close, "postgres-stop"));
        }
        return shared;
    }

    public static PostgresCluster start() throws Exception {
        Path bin = binaries().orElseThrow(() -> new IllegalStateException(unavailableReason().orElse("?")));
        boolean asNobody = isRoot();
        Path root = Files.createTempDirectory("govkiosk-pg");
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
        PostgresCluster cluster = new PostgresCluster(bin, root, root.resolve("data"), freePort(), asNobody, false);
        cluster.initdb(cluster.data, List.of());
        cluster.startServer();
        return cluster;
    }

    /**
     * A cluster made by initdb in {@code initInto} that will run, durably (fsync on, as in production, unless
     * {@code fsync} is false), from {@code runFrom}: the same folder seen through a mount laid over it later, such
     * as a power-cut filesystem. {@code root} (log) must be reachable by user nobody. Not started.
     */
    public static PostgresCluster prepare(Path root, Path initInto, Path runFrom, boolean fsync) throws Exception {
        Path bin = binaries().orElseThrow(() -> new IllegalStateException(unavailableReason().orElse("?")));
        PostgresCluster made = new PostgresCluster(bin, root, runFrom, freePort(), isRoot(), fsync);
        // Small WAL segments: each is written through the test filesystem, and a cut drops what was not synced.
        made.initdb(initInto, List.of("--wal-segsize=1"));
        return made;
    }

    private void initdb(Path into, List<String> options) throws Exception {
        Files.createDirectory(into);
        Files.setPosixFilePermissions(into, PosixFilePermissions.fromString("rwx------"));
        if (asNobody) {
            UserPrincipal nobody = root.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
            Files.setOwner(into, nobody);
            Path log = root.resolve("postgres.log");
            Files.createFile(log);
            Files.setOwner(log, nobody);
        }
        List<String> command = new ArrayList<>(List.of(bin.resolve("initdb").toString(), "-D", into.toString(),
                "-U", USER, "--auth=trust", "--encoding=UTF8", "--locale=C"));
        command.addAll(options);
        // The files initdb leaves are made durable by a sync of their own before a power-cut test mounts them.
        command.add("--no-sync");
        run(command, 120);
    }

    /** Starts (or restarts) the server process. */
    public void startServer() throws Exception {
        run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", root.resolve("postgres.log").toString(),
                "-w", "-t", "60", "-o", "-p " + port + " -k '' -c listen_addresses=127.0.0.1 -c fsync="
                        + (fsync ? "on" : "off"), "start"), 90);
        // Kept outside the data folder, where a power cut cannot take it.
        postmaster = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).strip());
    }

    /**
     * The machine's power goes: the server and all its processes die at once, without a shutdown (SIGKILL), as
     * they do when the power is cut. Its next {@link #startServer} recovers from what its disk kept.
     */
    public void killHard() throws Exception {
        ProcessHandle.of(postmaster).ifPresent(postmaster -> {
            postmaster.descendants().forEach(ProcessHandle::destroyForcibly);
            postmaster.destroyForcibly();
            postmaster.onExit().join();
        });
    }


    /** The last lines of the server's log: what it said before a test failed. */
    public String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(root.resolve("postgres.log"));
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** Stops the server process (fast shutdown): what a platform sees as "database down". */
    public void stopServer() throws Exception {
        run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "fast", "-w", "stop"), 60);
    }

    /** A fresh, empty database on this cluster; returns its JDBC URL. */
    public String createDatabase() throws SQLException {
        String name = "gk" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        try (Connection c = DriverManager.getConnection(url("postgres"), USER, "");
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        return url(name);
    }

    public String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    private void run(List<String> command, int timeoutSeconds) throws Exception {
        List<String> full = new ArrayList<>();
        if (asNobody) {
            full.addAll(List.of("/usr/sbin/runuser", "-u", "nobody", "--"));
        }
        full.addAll(command);
        Process p = new ProcessBuilder(full).redirectErrorStream(true).directory(root.toFile()).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("timed out: " + command);
        }
        if (p.exitValue() != 0) {
            String log = Files.exists(root.resolve("postgres.log")) ? Files.readString(root.resolve("postgres.log")) : "";
            throw new IllegalStateException(command.get(0) + " failed (" + p.exitValue() + "): " + new String(out)
                    + "\n" + log);
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() {
        try {
            stopServer();
        } catch (Exception e) {
            // already stopped
        }
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // a temp dir left behind is harmless
        }
    }
}
