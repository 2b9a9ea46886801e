package org.govkiosk.bench.province;

import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Issue 21: the province's deployment under load on this machine. 1, 2 and 3 platform instances (JVMs of their own,
 * started as the package starts them) on one PostgreSQL behind HAProxy; every terminal sends signed heartbeats on
 * its interval, pads hold their windows' event streams, terminals submit signed cases and the windows post rating
 * requests to any instance. Prints per instance count the intake (cases/s, p50/p99), the heartbeats answered, the
 * pad push latency (rating request posted through the balancer until its pad read it: p50/p99), and what limited it:
 * each process's CPU over the measurement (/proc), the whole machine's, and PostgreSQL's activity
 * (pg_stat_activity). A benchmark: it prints figures and fails nothing on a timing.
 */
public final class ProvinceBenchmark {

    private static final String ENROL = "bench-enrol-5Gq8Xv2Lm7Rt4Wn9Kp3";
    private static final String CLERK = "bench-clerk-3Hs6Yp1Kd8Vb5Zc2Qw7";

    /** The sizes, from environment variables in the script (defaults: the full size). */
    public record Settings(int terminals, int pads, List<Integer> instances, int submitters, int casesPerSecond,
            int heartbeatSeconds, int ratingRequestsPerSecond, int warmupSeconds, int measureSeconds, String heap,
            boolean fsync) {

        public static Settings fromEnvironment(Map<String, String> env) {
            List<Integer> counts = new ArrayList<>();
            for (String n : env.getOrDefault("INSTANCES", "1 2 3").trim().split("[ ,]+")) {
                counts.add(Integer.parseInt(n));
            }
            return new Settings(num(env, "TERMINALS", 2000), num(env, "PADS", 5000), counts,
                    num(env, "SUBMITTERS", 32), num(env, "CASE_RATE", 50), num(env, "HEARTBEAT_SECONDS", 30),
                    num(env, "RATING_REQUESTS", 20),
                    num(env, "WARMUP_SECONDS", 15), num(env, "MEASURE_SECONDS", 30), env.getOrDefault("HEAP", "768m"),
                    !"off".equals(env.getOrDefault("PG_FSYNC", "on")));
        }

        private static int num(Map<String, String> env, String key, int fallback) {
            return Integer.parseInt(env.getOrDefault(key, Integer.toString(fallback)).trim());
        }
    }

    /**
     * The figures of one measurement of one instance count; {@code intakeLoad} says how cases came: as fast as the
     * platform answered them, or at a steady rate.
     */
    public record Round(int instances, String intakeLoad, int cases, double casesPerSecond, double intakeP50,
            double intakeP99, int intakeFailures, int heartbeats, double heartbeatsPerSecond, int heartbeatFailures,
            int padsConnected, int ratingRequests, int pushed, double pushP50, double pushP99, int ratingRequestFailures,
            int padReconnects, int padFailedOpens, Map<String, Double> cpuPercent, double machineBusyPercent,
            String load, String database, String limit) {
    }

    private ProvinceBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Settings s = Settings.fromEnvironment(System.getenv());
        System.out.printf(Locale.ROOT, "%d cores, load average %s; %d terminals (heartbeat every %d s), %d pads,"
                + " cases from %d terminals at a time as fast as answered, then %d cases/s; %d rating requests/s;"
                + " %d s warm-up, %d s measured each; PostgreSQL fsync %s%n",
                Runtime.getRuntime().availableProcessors(), ProcessCpu.loadAverage(), s.terminals(),
                s.heartbeatSeconds(), s.pads(), s.submitters(), s.casesPerSecond(), s.ratingRequestsPerSecond(),
                s.warmupSeconds(), s.measureSeconds(), s.fsync() ? "on" : "off");
        for (Round r : run(s, Files.createTempDirectory("govkiosk-province-bench"), System.out::println)) {
            print(r);
        }
    }

    /** Runs every round; {@code progress} hears what is being done. */
    public static List<Round> run(Settings s, Path dir, java.util.function.Consumer<String> progress)
            throws Exception {
        int most = s.instances().stream().mapToInt(Integer::intValue).max().orElse(1);
        ExecutorService clientThreads = Executors.newFixedThreadPool(4, daemon("bench-client"));
        HttpClient http = HttpClient.newBuilder().executor(clientThreads).connectTimeout(Duration.ofSeconds(5))
                .build();
        List<PlatformInstance> instances = new ArrayList<>();
        List<Round> rounds = new ArrayList<>();
        try (BenchPostgres pg = BenchPostgres.start(s.fsync())) {
            String db = pg.createDatabase("province");
            try {
                for (int i = 0; i < most; i++) {
                    // One after the other: the first migrates the database and makes the signing keys.
                    PlatformInstance in = PlatformInstance.start("p" + (i + 1), db, dir, s.heap(), ENROL, CLERK);
                    instances.add(in);
                    in.awaitHealthy(http, Duration.ofSeconds(180));
                }
                Fleet fleet;
                // Every instance warmed before any round is measured: a round of a JVM that had served nothing yet
                // measured its JIT compiling (on this shared machine, 5 to 8 times fewer cases/s than the same
                // instance count after it), not the deployment.
                try (Balancer lb = Balancer.start(instances, dir, s.pads() + s.terminals() + 2000)) {
                    lb.awaitUp(http, most, Duration.ofSeconds(60));
                    progress.accept("registering " + s.terminals() + " terminals and " + s.pads() + " pads");
                    fleet = Fleet.register(http, lb.uri, ENROL, s.terminals(), s.pads());
                    progress.accept("warming all " + most + " instances up (not measured)");
                    round(s, most, "warm", http, lb, fleet, instances, pg, db);
                }
                for (int n : s.instances()) {
                    try (Balancer lb = Balancer.start(instances.subList(0, n), dir, s.pads() + s.terminals() + 2000)) {
                        lb.awaitUp(http, n, Duration.ofSeconds(60));
                        progress.accept(n + " instance(s): connecting the pads");
                        rounds.addAll(round(s, n, "r" + n, http, lb, fleet, instances.subList(0, n), pg, db));
                    }
                }
            } finally {
                for (PlatformInstance in : instances) {
                    in.close();
                }
            }
        } finally {
            clientThreads.shutdownNow();
        }
        return rounds;
    }

    /**
     * One round: the pads connect, then the intake as fast as the platform answers is measured and, if a rate is
     * set, the intake at that rate (a province's day, beside the stress), each with the heartbeats and rating
     * requests. {@code tag} makes its cases' idempotency keys and case numbers its own.
     */
    private static List<Round> round(Settings s, int n, String tag, HttpClient http, Balancer lb, Fleet fleet,
            List<PlatformInstance> serving, BenchPostgres pg, String db) throws Exception {
        Map<String, Long> posted = new java.util.concurrent.ConcurrentHashMap<>();
        try (PadStreams pads = new PadStreams(http, lb.uri, fleet.pads, posted)) {
            pads.connectAll(Duration.ofMinutes(5).toMillis());
            List<Round> rounds = new ArrayList<>();
            rounds.add(measure(s, n, tag, 0, http, lb, fleet, serving, pg, db, pads, posted));
            if (s.casesPerSecond() > 0 && !tag.equals("warm")) {
                rounds.add(measure(s, n, tag + "r", s.casesPerSecond(), http, lb, fleet, serving, pg, db, pads,
                        posted));
            }
            return rounds;
        }
    }

    /** One measurement on the connected pads: cases as fast as answered ({@code casesPerSecond} 0) or at a rate. */
    private static Round measure(Settings s, int n, String tag, int casesPerSecond, HttpClient http, Balancer lb,
            Fleet fleet, List<PlatformInstance> serving, BenchPostgres pg, String db, PadStreams pads,
            Map<String, Long> posted) throws Exception {
        posted.clear();
        pads.newMeasurement();
        Load load = new Load(http, lb.uri, fleet, CLERK, tag, posted);
        try {
            int reconnectsBefore = pads.reconnects.get();
            int failedOpensBefore = pads.failedOpens.get();
            load.start(s.submitters(), casesPerSecond, s.heartbeatSeconds(), s.ratingRequestsPerSecond());
            Thread.sleep(s.warmupSeconds() * 1000L);
            Map<String, Long> pids = new LinkedHashMap<>();
            serving.forEach(in -> pids.put("platform " + in.name, in.pid()));
            pids.put("haproxy", lb.pid());
            pids.put("postgres", pg.pid());
            pids.put("benchmark client", ProcessHandle.current().pid());
            Map<String, Double> cpuBefore = cpu(pids);
            long[] machineBefore = ProcessCpu.machine();
            PgActivity activity = new PgActivity(db);
            long t0 = System.nanoTime();
            load.measuring.set(true);
            Thread.sleep(s.measureSeconds() * 1000L);
            load.measuring.set(false);
            double seconds = (System.nanoTime() - t0) / 1e9;
            Map<String, Double> cpuAfter = cpu(pids);
            long[] machineAfter = ProcessCpu.machine();
            String loadAverage = ProcessCpu.loadAverage();
            activity.close();
            load.stop();
            // The last requests posted may still be on their way to their pads.
            long until = System.currentTimeMillis() + 10_000;
            while (pads.received.size() < posted.size() && System.currentTimeMillis() < until) {
                Thread.sleep(100);
            }
            Map<String, Double> cpuPercent = new LinkedHashMap<>();
            cpuAfter.forEach((k, v) -> cpuPercent.put(k, 100 * (v - cpuBefore.get(k)) / seconds));
            int cores = Runtime.getRuntime().availableProcessors();
            double busy = 100.0 * cores * (machineAfter[0] - machineBefore[0])
                    / Math.max(1, machineAfter[1] - machineBefore[1]);
            int cases = load.intake.count();
            String intakeLoad = casesPerSecond > 0 ? casesPerSecond + " cases/s"
                    : s.submitters() + " terminals at a time, as fast as answered";
            return new Round(n, intakeLoad, cases, cases / seconds, load.intake.percentileMs(50),
                    load.intake.percentileMs(99), load.intakeFailures.get(), load.heartbeats.get(),
                    load.heartbeats.get() / seconds, load.heartbeatFailures.get(), pads.connected.get(), posted.size(),
                    pads.push.count(), pads.push.percentileMs(50), pads.push.percentileMs(99),
                    load.ratingRequestFailures.get(), pads.reconnects.get() - reconnectsBefore,
                    pads.failedOpens.get() - failedOpensBefore, cpuPercent, busy, loadAverage, activity.summary(),
                    limit(cpuPercent, busy, cores, activity, n, casesPerSecond));
        } finally {
            load.stop();
        }
    }

    private static Map<String, Double> cpu(Map<String, Long> pids) {
        Map<String, Double> out = new LinkedHashMap<>();
        pids.forEach((k, pid) -> out.put(k, k.equals("postgres") ? ProcessCpu.secondsWithChildren(pid)
                : ProcessCpu.seconds(pid)));
        return out;
    }

    /** A first reading of what limited the round, from the figures beside it (the docs say more). */
    private static String limit(Map<String, Double> cpu, double busy, int cores, PgActivity pg, int instances,
            int casesPerSecond) {
        double ours = cpu.values().stream().mapToDouble(Double::doubleValue).sum();
        String top = cpu.entrySet().stream().max(Map.Entry.comparingByValue()).map(e -> String.format(Locale.ROOT,
                "%s %.0f%%", e.getKey(), e.getValue())).orElse("?");
        // Each instance's pool holds 9 connections (and one listens): a pool that is mostly busy queues requests.
        if (pg.averageActive() >= 0.8 * 9 * instances) {
            return String.format(Locale.ROOT, "the database: %.1f of the instances' %d pooled connections running"
                    + " statements on average", pg.averageActive(), 9 * instances);
        }
        if (busy >= 90 * cores) {
            return String.format(Locale.ROOT, "CPU: the machine's %d cores were %.0f%% busy (of %d%%), %.0f%% of it"
                    + " this benchmark's processes, the rest other work on the machine; the largest: %s", cores, busy,
                    100 * cores, ours, top);
        }
        return String.format(Locale.ROOT, "no saturated resource (machine %.0f%% of %d%% busy): %s; the largest CPU"
                + " user: %s", busy, 100 * cores, casesPerSecond > 0 ? "the intake is the rate offered"
                        : "the submitters' round trips", top);
    }

    static void print(Round r) {
        System.out.printf(Locale.ROOT, "%n%d instance(s), cases %s: intake %.0f cases/s (%d cases, p50 %.1f ms,"
                + " p99 %.1f ms, %d failed); heartbeats %.0f/s (%d failed); %d pads connected, rating request to pad"
                + " p50 %.1f ms, p99 %.1f ms (%d of %d requests reached their pad, %d posts failed; %d streams ended"
                + " and reopened, %d opens failed)%n",
                r.instances(), r.intakeLoad(), r.casesPerSecond(), r.cases(), r.intakeP50(), r.intakeP99(),
                r.intakeFailures(),
                r.heartbeatsPerSecond(), r.heartbeatFailures(), r.padsConnected(), r.pushP50(), r.pushP99(),
                r.pushed(), r.ratingRequests(), r.ratingRequestFailures(), r.padReconnects(),
                r.padFailedOpens());
        StringBuilder cpu = new StringBuilder();
        r.cpuPercent().forEach((k, v) -> cpu.append(cpu.length() == 0 ? "" : ", ")
                .append(String.format(Locale.ROOT, "%s %.0f%%", k, v)));
        System.out.printf(Locale.ROOT, "  CPU (%% of one core): %s; whole machine %.0f%% of %d%% (load average %s)%n",
                cpu, r.machineBusyPercent(), 100 * Runtime.getRuntime().availableProcessors(), r.load());
        System.out.printf(Locale.ROOT, "  PostgreSQL: %s%n", r.database());
        System.out.printf(Locale.ROOT, "  limited by: %s%n", r.limit());
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
