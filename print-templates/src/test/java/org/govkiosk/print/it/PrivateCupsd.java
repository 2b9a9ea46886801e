package org.govkiosk.print.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A cupsd of the test's own: its config, spool, logs and queue in a temporary directory, listening on a free
 * localhost port, so the machine's CUPS (if any) is neither used nor touched. One queue, backed by cups-pdf, whose
 * output goes to {@link #outputDir()}: cups-pdf reads its per-instance config from {@code /etc/cups} (a path
 * compiled into the backend), so that one file is written there, and removed again on {@link #close()} with the
 * queue's cups-pdf log in {@code /var/log/cups}.
 *
 * <p>cupsd runs as root (the cups-pdf backend is mode 0700 and only runs as root); filters run as {@code lp},
 * which is why the directories are world-readable rather than JUnit's private temp dirs.
 */
final class PrivateCupsd implements AutoCloseable {

    static final Path CUPSD = Path.of("/usr/sbin/cupsd");
    static final Path CUPS_PDF_BACKEND = Path.of("/usr/lib/cups/backend/cups-pdf");
    static final Path CUPS_PDF_PPD = Path.of("/usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd");
    static final Path CUPS_PDF_CONF_DIR = Path.of("/etc/cups");
    /** Where cups-pdf logs, one file per queue (compiled in like the config directory). */
    static final Path CUPS_PDF_LOG_DIR = Path.of("/var/log/cups");

    private final Path root;
    private final Path out;
    private final int port;
    private final String instance;
    private final Path cupsPdfConf;
    private Process process;
    private String queue;
    private Thread shutdownHook;

    private PrivateCupsd(Path root, int port, String instance) {
        this.root = root;
        this.out = root.resolve("out");
        this.port = port;
        this.instance = instance;
        this.cupsPdfConf = CUPS_PDF_CONF_DIR.resolve("cups-pdf-" + instance + ".conf");
    }

    /** What is missing on this machine to run the test, or null when everything is there. */
    static String missingPrerequisite() {
        if (!Files.isExecutable(CUPSD)) {
            return "cupsd not installed (apt-get install cups)";
        }
        if (!Files.exists(CUPS_PDF_BACKEND) || !Files.exists(CUPS_PDF_PPD)) {
            return "cups-pdf not installed (apt-get install printer-driver-cups-pdf)";
        }
        for (String tool : List.of("lpadmin", "cupsdisable", "cupsenable", "pdftotext", "pdftocairo")) {
            if (!onPath(tool)) {
                return tool + " not on PATH (apt-get install cups-client poppler-utils)";
            }
        }
        if (!"root".equals(System.getProperty("user.name")) || !Files.isWritable(CUPS_PDF_CONF_DIR)) {
            return "needs root: cupsd must run the cups-pdf backend as root and its config lives in /etc/cups";
        }
        return null;
    }

    static PrivateCupsd start(String queue) throws IOException, InterruptedException {
        Path root = Files.createTempDirectory("govkiosk-cupsd-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        PrivateCupsd cupsd = new PrivateCupsd(root, port, "govkiosk" + port);
        try {
            cupsd.launch(queue);
        } catch (IOException | InterruptedException | RuntimeException | Error e) {
            cupsd.close();
            throw e;
        }
        return cupsd;
    }

    private void launch(String queue) throws IOException, InterruptedException {
        this.queue = queue;
        for (String d : List.of("spool", "spool/tmp", "cache", "state", "log", "ppd", "out")) {
            Files.createDirectories(root.resolve(d));
            Files.setPosixFilePermissions(root.resolve(d), PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Files.writeString(root.resolve("cupsd.conf"), String.join("\n",
                "Listen 127.0.0.1:" + port,
                "LogLevel debug",
                "WebInterface No",
                "Browsing No",
                "DefaultAuthType None",
                "ErrorPolicy stop-printer",
                "<Location />", "  Order allow,deny", "  Allow all", "</Location>",
                "<Location /admin>", "  Order allow,deny", "  Allow all", "</Location>",
                "<Policy default>", "  <Limit All>", "    Order deny,allow", "  </Limit>", "</Policy>", ""));
        Files.writeString(root.resolve("cups-files.conf"), String.join("\n",
                "ServerRoot " + root,
                "RequestRoot " + root.resolve("spool"),
                "TempDir " + root.resolve("spool/tmp"),
                "CacheDir " + root.resolve("cache"),
                "StateDir " + root.resolve("state"),
                "ErrorLog " + root.resolve("log/error_log"),
                "AccessLog " + root.resolve("log/access_log"),
                "PageLog " + root.resolve("log/page_log"),
                "FileDevice No",
                "SystemGroup root",
                "User lp",
                "Group lp", ""));
        // TitlePref 0: name files by the CUPS job title (a PDF has no PostScript %%Title to prefer).
        Files.writeString(cupsPdfConf, String.join("\n",
                "Out " + out, "AnonDirName " + out, "Label 2", "TitlePref 0", "Grp root", ""));
        process = new ProcessBuilder(CUPSD.toString(), "-f", "-c", root.resolve("cupsd.conf").toString(),
                "-s", root.resolve("cups-files.conf").toString())
                .redirectErrorStream(true)
                .redirectOutput(root.resolve("log/cupsd.out").toFile())
                .start();
        shutdownHook = new Thread(() -> process.destroyForcibly());
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        awaitListening(Duration.ofSeconds(30));
        // cups-pdf takes PostScript only, so CUPS converts the PDF. Its default converter (Ghostscript) drops the
        // text's Unicode mapping and pdftotext reads Chinese as garbage from the result; Cairo names each glyph
        // by its code point, from which Ghostscript in cups-pdf rebuilds the mapping.
        run("lpadmin", "-p", queue, "-E", "-v", "cups-pdf:/" + instance, "-P", CUPS_PDF_PPD.toString(),
                "-o", "pdftops-renderer-default=pdftocairo");
    }

    private void awaitListening(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("cupsd exited with " + process.exitValue() + ": " + log());
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException notYet) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("cupsd did not listen on port " + port + " within " + timeout
                            + ": " + log());
                }
                Thread.sleep(50);
            }
        }
    }

    /** Runs a CUPS command-line tool against this cupsd; fails with its output when it fails. */
    String run(String... command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("CUPS_SERVER", server());
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        }
        return output;
    }

    String server() {
        return "127.0.0.1:" + port;
    }

    Path outputDir() {
        return out;
    }

    Map<String, String> driverOptions() {
        return Map.of("cups-server", server(), "job-timeout", "120", "response-timeout", "10000");
    }

    /** The last lines of cupsd's error log, to explain a failure. */
    String log() {
        List<String> lines = new ArrayList<>();
        for (String f : List.of("log/cupsd.out", "log/error_log")) {
            try {
                List<String> all = Files.readAllLines(root.resolve(f));
                lines.add("== " + f);
                lines.addAll(all.subList(Math.max(0, all.size() - 40), all.size()));
            } catch (IOException e) {
                lines.add("== " + f + ": " + e.getMessage());
            }
        }
        return String.join("\n", lines);
    }

    /** cupsd's RequestRoot: a job's document (d*) and its control and history file (c*) while cupsd keeps them. */
    public Path spool() {
        return root.resolve("spool");
    }

    @Override
    public void close() {
        if (process != null) {
            process.destroy(); // SIGTERM: cupsd stops its jobs and exits
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs anyway
            }
        }
        try {
            Files.deleteIfExists(cupsPdfConf);
            if (queue != null) {
                Files.deleteIfExists(CUPS_PDF_LOG_DIR.resolve("cups-pdf-" + queue + "_log"));
            }
            try (Stream<Path> files = Files.walk(root)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean onPath(String program) {
        String path = System.getenv("PATH");
        return path != null && Stream.of(path.split(java.io.File.pathSeparator))
                .anyMatch(d -> Files.isExecutable(Path.of(d, program)));
    }
}
