package org.govkiosk.app.ops;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells systemd how the terminal is: READY=1 once the first screen is up, WATCHDOG=1 every half watchdog period
 * while every {@link HealthCheck} passes, STOPPING=1 on the way out. When a check fails the feeding stops, so
 * systemd ({@code WatchdogSec}, {@code Restart=always}) kills and restarts a terminal that hangs instead of leaving
 * a frozen screen in the hall. Without {@code $NOTIFY_SOCKET} (started by hand, in tests, in the demo) it does
 * nothing.
 */
public final class HealthWatchdog implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HealthWatchdog.class);
    static final String WATCHDOG_USEC = "WATCHDOG_USEC";
    static final String WATCHDOG_PID = "WATCHDOG_PID";

    private final Optional<SystemdNotifier> notifier;
    private final Optional<Duration> period;
    private final List<HealthCheck> checks;
    private final ScheduledExecutorService timer;
    private volatile String lastProblems = "";
    private volatile boolean stopped;
    /** systemd stops a service with SIGTERM, which runs shutdown hooks but not JavaFX's stop(). */
    private final Thread onSigterm = new Thread(this::close, "systemd-stopping");

    /**
     * @param env    the process environment ({@code System.getenv()}): NOTIFY_SOCKET, WATCHDOG_USEC, WATCHDOG_PID
     * @param checks what must be healthy for the watchdog to be fed
     */
    public HealthWatchdog(Map<String, String> env, List<HealthCheck> checks) {
        this(SystemdNotifier.fromEnvironment(env), watchdogPeriod(env, ProcessHandle.current().pid()), checks);
    }

    HealthWatchdog(Optional<SystemdNotifier> notifier, Optional<Duration> period, List<HealthCheck> checks) {
        this.notifier = Objects.requireNonNull(notifier, "notifier");
        this.period = Objects.requireNonNull(period, "period");
        this.checks = List.copyOf(checks);
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "systemd-watchdog");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * The period systemd expects, from {@code $WATCHDOG_USEC}; empty when no watchdog is set or it is meant for
     * another process ({@code $WATCHDOG_PID}, as sd_watchdog_enabled(3) checks).
     */
    static Optional<Duration> watchdogPeriod(Map<String, String> env, long pid) {
        String usec = env.get(WATCHDOG_USEC);
        if (usec == null || usec.isBlank()) {
            return Optional.empty();
        }
        String forPid = env.get(WATCHDOG_PID);
        try {
            if (forPid != null && !forPid.isBlank() && Long.parseLong(forPid.trim()) != pid) {
                return Optional.empty();
            }
            long micros = Long.parseLong(usec.trim());
            if (micros <= 0) {
                return Optional.empty();
            }
            return Optional.of(Duration.ofNanos(micros * 1000));
        } catch (NumberFormatException e) {
            LOG.warn("Ignoring a malformed {}={} / {}={}", WATCHDOG_USEC, usec, WATCHDOG_PID, forPid);
            return Optional.empty();
        }
    }

    /** The first screen is up: READY=1, then the feeding starts (when systemd asked for a watchdog). */
    public void ready(String status) {
        if (notifier.isEmpty()) {
            LOG.debug("Not started by systemd (no NOTIFY_SOCKET): no readiness or watchdog messages");
            return;
        }
        send("READY=1\nSTATUS=" + status + "\nMAINPID=" + ProcessHandle.current().pid());
        Runtime.getRuntime().addShutdownHook(onSigterm);
        period.ifPresent(p -> {
            long every = Math.max(1, p.toMillis() / 2);
            LOG.info("systemd watchdog: fed every {} ms while healthy ({} checks)", every, checks.size());
            timer.scheduleAtFixedRate(this::tick, every, every, TimeUnit.MILLISECONDS);
        });
    }

    /** One round: check everything, feed only when all passed. Public for tests and the soak harness. */
    public boolean tick() {
        if (stopped) {
            return false;
        }
        List<String> problems = problems();
        String joined = String.join("; ", problems);
        if (problems.isEmpty()) {
            send(lastProblems.isEmpty() ? "WATCHDOG=1" : "WATCHDOG=1\nSTATUS=healthy again");
        } else if (!joined.equals(lastProblems)) {
            // Logged when it changes, not every tick; systemd restarts us after WatchdogSec without a feed.
            LOG.error("Unhealthy, not feeding the systemd watchdog: {}", joined);
            send("STATUS=unhealthy: " + joined);
        }
        lastProblems = joined;
        return problems.isEmpty();
    }

    /** Every failing check's problem; a check that throws counts as failing. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        for (HealthCheck c : checks) {
            try {
                c.problem().ifPresent(problems::add);
            } catch (RuntimeException e) {
                problems.add(c.name() + " could not be checked: " + e);
            }
        }
        return problems;
    }

    private void send(String message) {
        notifier.ifPresent(n -> {
            try {
                n.notify(message);
            } catch (SystemdNotifier.NotifyException | RuntimeException | LinkageError e) {
                // No JNA on this platform, or systemd went away: the terminal keeps serving citizens.
                LOG.warn("systemd notification failed: {}", e.toString());
            }
        });
    }

    /** STOPPING=1 and no more feeding: a clean exit, not a hang. */
    @Override
    public synchronized void close() {
        if (stopped) {
            return;
        }
        stopped = true;
        timer.shutdownNow();
        send("STOPPING=1");
        if (Thread.currentThread() != onSigterm && notifier.isPresent()) {
            try {
                Runtime.getRuntime().removeShutdownHook(onSigterm);
            } catch (IllegalStateException | IllegalArgumentException e) {
                // shutting down already, or ready() was never called: nothing to remove
            }
        }
    }
}
