package org.govkiosk.app.soak;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.govkiosk.app.catalog.CatalogItem;
import org.govkiosk.app.catalog.CatalogLoader;
import org.govkiosk.app.journey.JourneyRig;
import org.govkiosk.print.template.TemplateRepository;

/**
 * The soak: many simulated citizen sessions, headless, against the real services, drivers, simulators, outboxes
 * and the reference platform-server on loopback (its own process, see {@link ChildPlatform}), with devices and the
 * platform failing at random. Every
 * {@code checkpointEvery} sessions it prints heap after GC, threads, open file descriptors and outbox depth; at the
 * end it checks in the platform's own store that every case and rating the terminals queued is there exactly once.
 * Not a timed test: it prints figures; {@link SoakReport#passed()} judges growth and losses.
 *
 * <p>{@code main} arguments: [sessions=100000] [checkpointEvery=10000] [terminals=4] [dir=a temp dir]
 * [seed=random]. The working directory must be the kiosk-app module (it reads {@code ../config}).
 */
public final class SoakHarness {

    /**
     * @param terminals         terminals in the hall, each with its own devices, outbox and key, working at once
     * @param deviceFaultRate   per session and terminal: the chance that a device fault starts
     * @param outageRate        per session of the first terminal: the chance that the platform goes down
     * @param drainWait         at a checkpoint, how long to wait for the outboxes to empty before measuring
     */
    record Options(int sessions, int checkpointEvery, int terminals, double deviceFaultRate, double outageRate,
            long seed, Path dir, Path configDir, Duration drainWait) {

        Options {
            if (sessions < 1 || checkpointEvery < 1 || terminals < 1 || terminals > 32) {
                throw new IllegalArgumentException("sessions and checkpoint interval must be positive, terminals"
                        + " 1..32");
            }
        }
    }

    private SoakHarness() {
    }

    public static void main(String[] args) throws Exception {
        int sessions = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int every = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        int terminals = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        Path dir = args.length > 3 ? Files.createDirectories(Path.of(args[3])) : Files.createTempDirectory("soak");
        long seed = args.length > 4 ? Long.parseLong(args[4]) : System.nanoTime();
        SoakReport report = run(new Options(sessions, every, terminals, 0.01, 0.002, seed, dir, Path.of("../config"),
                Duration.ofMinutes(5)), System.out);
        System.exit(report.passed() ? 0 : 1);
    }

    static SoakReport run(Options o, PrintStream out) throws Exception {
        out.printf("soak: %d sessions on %d terminals, checkpoint every %d, device fault rate %.3f per session,"
                + " platform outage rate %.4f, seed %d, data in %s%n", o.sessions(), o.terminals(),
                o.checkpointEvery(), o.deviceFaultRate(), o.outageRate(), o.seed(), o.dir());
        List<CatalogItem> items = CatalogLoader.load(o.configDir()).items();
        TemplateRepository templates = TemplateRepository.load(o.configDir().resolve(CatalogLoader.TEMPLATES_DIR));
        long started = System.nanoTime();
        List<Checkpoint> checkpoints = new ArrayList<>();
        ExecutorService kiosks = Executors.newFixedThreadPool(o.terminals(), named("soak-kiosk"));
        List<SoakTerminal> terminals = new ArrayList<>();
        ChildPlatform platform = new ChildPlatform(Files.createDirectories(o.dir().resolve("platform")));
        try (SoakLedger ledger = new SoakLedger(o.dir())) {
            for (int i = 0; i < o.terminals(); i++) {
                terminals.add(new SoakTerminal("T-SOAK-" + (i + 1), o.dir().resolve("terminal-" + (i + 1)), platform,
                        templates, ledger));
            }
            List<String> cards = terminals.get(0).readerSim.cardNames().stream().sorted().toList();
            CitizenVisit visit = new CitizenVisit(items, cards, JourneyRig.applicant());
            out.printf("catalog: %d of %d items applied for, %d ID cards%n", visit.itemCount(), items.size(),
                    cards.size());
            visit.unusable().forEach(u -> out.println("  item left out, its form cannot pass validation: " + u));
            PlatformOutages outages = new PlatformOutages(platform, o.outageRate(), ledger);
            List<Lane> lanes = new ArrayList<>();
            SplittableRandom seeds = new SplittableRandom(o.seed());
            for (SoakTerminal t : terminals) {
                lanes.add(new Lane(t, new SoakFaults(t, o.deviceFaultRate()), seeds.split(),
                        lanes.isEmpty() ? outages : null, visit));
            }
            long done = 0;
            while (done < o.sessions()) {
                int chunk = (int) Math.min(o.checkpointEvery(), o.sessions() - done);
                runChunk(kiosks, lanes, chunk);
                done += chunk;
                // Measured with everything plugged in and serving, so that a device unplugged at one checkpoint (its
                // pipe's threads gone) and not at another does not pass for growth.
                lanes.forEach(l -> l.faults().clearAll());
                outages.end();
                awaitDevicesUsable(terminals, Duration.ofSeconds(20));
                int depth = depth(terminals);
                awaitDrained(terminals, o.drainWait());
                Checkpoint c = Checkpoint.measure(done, depth, depth(terminals), confirmed(terminals),
                        Duration.ofNanos(System.nanoTime() - started));
                if (checkpoints.isEmpty()) {
                    out.println(Checkpoint.method());
                    out.println(Checkpoint.HEADER);
                }
                checkpoints.add(c);
                Files.writeString(o.dir().resolve("threads-" + done + ".txt"), Checkpoint.threadCensus());
                out.println(c.line());
                out.flush();
            }
            lanes.forEach(l -> l.faults().clearAll());
            outages.end();
            awaitDrained(terminals, o.drainWait());
            int waiting = depth(terminals);
            int dead = terminals.stream().mapToInt(t -> t.outbox.status().dead()).sum();
            terminals.forEach(t -> ledger.documentsCut.addAndGet(t.printerSim.documentCount()));
            terminals.forEach(SoakTerminal::close);
            terminals.clear();
            platform.stop(false);
            out.println(platform.summary());
            Set<String> cases = ledger.caseKeys();
            Set<String> ratings = ledger.ratingKeys();
            Map<String, Integer> storedCases = platform.storedKeys("cases");
            Map<String, Integer> storedRatings = platform.storedKeys("ratings");
            SoakReport report = SoakReport.of(checkpoints, ledger, cases, storedCases, ratings, storedRatings,
                    waiting, dead, Duration.ofNanos(System.nanoTime() - started));
            report.print(out);
            return report;
        } finally {
            terminals.forEach(SoakTerminal::close);
            kiosks.shutdownNow();
            platform.close();
        }
    }

    /** One terminal's thread of citizens, with its own random stream, faults and (for the first) the outages. */
    private record Lane(SoakTerminal terminal, SoakFaults faults, SplittableRandom random, PlatformOutages outages,
            CitizenVisit visit) {

        void sessions(int n) throws InterruptedException {
            for (int i = 0; i < n; i++) {
                faults.beforeSession(random);
                if (outages != null) {
                    outages.beforeSession(random);
                }
                visit.run(terminal, random);
            }
        }
    }

    private static void runChunk(ExecutorService kiosks, List<Lane> lanes, int sessions) throws Exception {
        List<Callable<Void>> work = new ArrayList<>();
        for (int i = 0; i < lanes.size(); i++) {
            Lane lane = lanes.get(i);
            int share = sessions / lanes.size() + (i < sessions % lanes.size() ? 1 : 0);
            work.add(() -> {
                lane.sessions(share);
                return null;
            });
        }
        for (Future<Void> f : kiosks.invokeAll(work)) {
            try {
                f.get();
            } catch (ExecutionException e) {
                throw new IllegalStateException("a soak session failed", e.getCause());
            }
        }
    }

    private static int depth(List<SoakTerminal> terminals) {
        return terminals.stream().mapToInt(t -> t.outbox.status().waiting()).sum();
    }

    private static long confirmed(List<SoakTerminal> terminals) {
        return terminals.stream().mapToLong(t -> t.outbox.status().confirmed()).sum();
    }

    private static void awaitDevicesUsable(List<SoakTerminal> terminals, Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < deadline && !terminals.stream()
                .allMatch(t -> t.reader.status().isUsable() && t.printer.status().isUsable())) {
            Thread.sleep(50);
        }
    }

    private static void awaitDrained(List<SoakTerminal> terminals, Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (depth(terminals) > 0 && System.nanoTime() < deadline) {
            terminals.forEach(t -> t.worker.worker().wake());
            Thread.sleep(100);
        }
    }

    private static java.util.concurrent.ThreadFactory named(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
