package org.govkiosk.bench.province;

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
import java.util.stream.Stream;

/**
 * The benchmark's own PostgreSQL (Debian's package): initdb into a temp folder, started on a free loopback port,
 * durable (fsync on, as a province's database runs). PostgreSQL refuses to run as root, so as root its commands run
 * as user nobody. The tests' PostgresCluster does the same for tests; this one is the benchmark's, with the
 * connection limit a province's instances need and the postmaster's pid for the CPU figures.
 */
final class BenchPostgres implements AutoCloseable {

    static final String USER = "govkiosk";

    private final Path bin;
    private final Path root;
    private final int port;
    private final boolean asNobody;
    private long postmaster;

    private BenchPostgres(Path bin, Path root, int port, boolean asNobody) {
        this.bin = bin;
        this.root = root;
        this.port = port;
        this.asNobody = asNobody;
    }

    /** Debian's PostgreSQL programs (/usr/lib/postgresql/N/bin), if installed. */
    static Optional<Path> binaries() {
        Path lib = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(lib)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(lib)) {
            return versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
                    .max(Comparator.comparing(Path::toString));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    static BenchPostgres start(boolean fsync) throws Exception {
        Path bin = binaries().orElseThrow(() -> new IllegalStateException(
                "PostgreSQL is not installed (Debian package postgresql)"));
        boolean asNobody = "root".equals(System.getProperty("user.name"));
        Path root = Files.createTempDirectory("govkiosk-bench-pg");
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
        BenchPostgres pg = new BenchPostgres(bin, root, freePort(), asNobody);
        Path data = root.resolve("data");
        Files.createDirectory(data);
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwx------"));
        Path log = Files.createFile(root.resolve("postgres.log"));
        if (asNobody) {
            UserPrincipal nobody = root.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
            Files.setOwner(data, nobody);
            Files.setOwner(log, nobody);
        }
        pg.run(List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", USER, "--auth=trust",
                "--encoding=UTF8", "--locale=C", "--no-sync"));
        pg.run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", log.toString(), "-w", "-t",
                "60", "-o", "-p " + pg.port + " -k '' -c listen_addresses=127.0.0.1 -c max_connections=300"
                        + " -c fsync=" + (fsync ? "on" : "off"), "start"));
        pg.postmaster = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).strip());
        return pg;
    }

    /** A new empty database; returns its JDBC URL. */
    String createDatabase(String name) throws SQLException {
        try (Connection c = DriverManager.getConnection(url("postgres"), USER, "");
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        return url(name);
    }

    String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** The postmaster; its children are the server's backends and workers. */
    long pid() {
        return postmaster;
    }

    private void run(List<String> command) throws Exception {
        List<String> full = new ArrayList<>();
        if (asNobody) {
            full.addAll(List.of("/usr/sbin/runuser", "-u", "nobody", "--"));
        }
        full.addAll(command);
        Process p = new ProcessBuilder(full).redirectErrorStream(true).directory(root.toFile()).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException(command.get(0) + " failed: " + new String(out) + "\n"
                    + Files.readString(root.resolve("postgres.log")));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() {
        try {
            run(List.of(bin.resolve("pg_ctl").toString(), "-D", root.resolve("data").toString(), "-m", "fast", "-w",
                    "stop"));
        } catch (Exception e) {
            // already stopped
        }
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // a temp folder left behind is harmless
        }
    }
}
