package org.govkiosk.device.supervisor;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;
import java.util.random.RandomGenerator;
import org.govkiosk.device.DeviceException;
import org.govkiosk.device.DeviceStatus;
import org.govkiosk.device.DeviceStatusInfo;
import org.govkiosk.shared.retry.Backoff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches every registered component on the shared scheduler. A usable component silent past its timeout is
 * told so (and goes OFFLINE); an OFFLINE one with a transient failure is reconnected with exponential backoff
 * and jitter; a fatal failure waits for reconfiguration; DISABLED and device-reported OFFLINE states are left
 * alone. Every intervention is recorded and logged with its cause before it is made.
 */
public final class DeviceSupervisor implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DeviceSupervisor.class);

    /** How often to check, the backoff range, and how many records the maintenance screen keeps. */
    public record Settings(Duration checkPeriod, Duration baseBackoff, Duration maxBackoff, int maxRecords) {
        public Settings {
            Objects.requireNonNull(checkPeriod, "checkPeriod");
            Objects.requireNonNull(baseBackoff, "baseBackoff");
            Objects.requireNonNull(maxBackoff, "maxBackoff");
            if (checkPeriod.isNegative() || checkPeriod.isZero()) {
                throw new IllegalArgumentException("checkPeriod must be positive");
            }
            if (baseBackoff.isNegative() || maxBackoff.compareTo(baseBackoff) < 0) {
                throw new IllegalArgumentException("need 0 <= baseBackoff <= maxBackoff");
            }
            if (maxRecords < 1) {
                throw new IllegalArgumentException("maxRecords must be at least 1");
            }
        }

        /** Check every second; retry after 1 s, 2 s, 4 s ... up to 60 s; keep the last 500 records. */
        public static Settings defaults() {
            return new Settings(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(60), 500);
        }
    }

    /** One intervention, for the maintenance screen. */
    public record SupervisionRecord(String componentId, Instant at, String cause, String action) {
        @Override
        public String toString() {
            return at + " " + componentId + ": " + action + " (" + cause + ")";
        }
    }

    /** What the supervisor knows of one component. */
    public record Health(String componentId, DeviceStatusInfo status, int attempts, Optional<Instant> nextRetry,
            Optional<String> lastFailure) {
    }

    /** Per-component bookkeeping; only touched while holding the supervisor's lock. */
    private static final class Watch {
        final SupervisedComponent component;
        int attempts;
        Instant nextRetry;
        DeviceException fatalRecorded;
        Instant silenceReportedFor;

        Watch(SupervisedComponent component) {
            this.component = component;
        }
    }

    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private final Settings settings;
    private final Backoff backoff;
    private final Map<String, Watch> watches = new LinkedHashMap<>();
    private final Deque<SupervisionRecord> records = new ArrayDeque<>();
    private ScheduledFuture<?> task;
    /** System.nanoTime() of the last round of checks: the systemd watchdog's sign that the scheduler runs. */
    private volatile long lastCheckNanos = System.nanoTime();

    public DeviceSupervisor(ScheduledExecutorService scheduler, Clock clock) {
        this(scheduler, clock, Settings.defaults(), () -> ThreadLocalRandom.current().nextDouble());
    }

    /** @param jitter yields values in [0, 1); tests pass a fixed one to make the backoff deterministic */
    public DeviceSupervisor(ScheduledExecutorService scheduler, Clock clock, Settings settings, DoubleSupplier jitter) {
        this.scheduler = Objects.requireNonNull(scheduler);
        this.clock = Objects.requireNonNull(clock);
        this.settings = Objects.requireNonNull(settings);
        Objects.requireNonNull(jitter);
        // The shared backoff takes up to half off a wait by its random; this supervisor's jitter is the other way
        // round (1.0: the full wait, 0.0: half of it), hence 1 - jitter.
        RandomGenerator spread = new RandomGenerator() {
            @Override
            public long nextLong() {
                throw new UnsupportedOperationException("only nextDouble() is used");
            }

            @Override
            public double nextDouble() {
                return 1.0 - Math.min(Math.max(jitter.getAsDouble(), 0.0), 1.0);
            }
        };
        this.backoff = new Backoff(settings.baseBackoff(), settings.maxBackoff(), 0.5, spread);
    }

    /** Puts a component under watch; a component registered again under the same id replaces the old one. */
    public synchronized void register(SupervisedComponent component) {
        watches.put(component.id(), new Watch(component));
    }

    public synchronized void unregister(String componentId) {
        watches.remove(componentId);
    }

    /** Starts the periodic checks on the scheduler; idempotent. */
    public synchronized void start() {
        if (task == null) {
            long ms = settings.checkPeriod().toMillis();
            task = scheduler.scheduleWithFixedDelay(this::checkSafely, ms, ms, TimeUnit.MILLISECONDS);
        }
    }

    private void checkSafely() {
        lastCheckNanos = System.nanoTime();
        try {
            checkNow();
        } catch (RuntimeException e) {
            // A periodic task that throws is never run again; the supervisor must outlive any bug.
            LOG.error("Supervisor check failed", e);
        }
    }

    /** {@link System#nanoTime()} when the periodic checks last ran (or when this supervisor was made). */
    public long lastCheckNanos() {
        return lastCheckNanos;
    }

    /** One round of checks; the scheduler calls it every period, tests call it directly. */
    public void checkNow() {
        List<Runnable> interventions = new ArrayList<>();
        synchronized (this) {
            Instant now = clock.instant();
            for (Watch w : watches.values()) {
                try {
                    decide(w, now, interventions);
                } catch (RuntimeException e) {
                    LOG.error("Supervisor could not check {}", w.component.id(), e);
                }
            }
        }
        // Run outside the lock: a component may take a while to close its link.
        for (Runnable intervention : interventions) {
            try {
                intervention.run();
            } catch (RuntimeException e) {
                LOG.error("Supervisor intervention failed", e);
            }
        }
    }

    private void decide(Watch w, Instant now, List<Runnable> interventions) {
        SupervisedComponent c = w.component;
        DeviceStatusInfo status = c.status();
        if (status.isUsable()) {
            w.attempts = 0;
            w.nextRetry = null;
            w.fatalRecorded = null;
            checkSilence(w, now, interventions);
            return;
        }
        if (status.status() != DeviceStatus.OFFLINE) {
            return; // DISABLED by config, or a connection attempt under way
        }
        Optional<DeviceException> failure = c.lastFailure();
        if (failure.isEmpty()) {
            return; // OFFLINE by the device's own report (cover open): connected, the driver watches it
        }
        DeviceException cause = failure.get();
        if (cause.isFatal()) {
            w.nextRetry = null;
            if (w.fatalRecorded != cause) {
                record(c.id(), now, cause.getMessage(), "not retried: waits for reconfiguration");
                w.fatalRecorded = cause;
            }
            return;
        }
        if (w.nextRetry == null) {
            w.nextRetry = now.plus(backoff(w.attempts));
            return;
        }
        if (!now.isBefore(w.nextRetry)) {
            w.attempts++;
            w.nextRetry = now.plus(backoff(w.attempts));
            record(c.id(), now, cause.getMessage(), "reconnect attempt " + w.attempts);
            interventions.add(c::reconnect);
        }
    }

    private void checkSilence(Watch w, Instant now, List<Runnable> interventions) {
        SupervisedComponent c = w.component;
        Duration limit = c.silenceTimeout();
        Instant last = c.lastSignOfLife();
        if (limit.isZero() || limit.isNegative() || last.equals(w.silenceReportedFor)) {
            return;
        }
        Duration silent = Duration.between(last, now);
        if (silent.compareTo(limit) > 0) {
            // Remembered so one silence is reported once, even if the component does not react.
            w.silenceReportedFor = last;
            record(c.id(), now, "silent for " + silent.toMillis() + " ms, limit " + limit.toMillis() + " ms",
                    "declared lost");
            interventions.add(c::reportSilence);
        }
    }

    /**
     * The delay before the retry that follows {@code attempts} failed ones: base × 2^attempts capped at max,
     * then spread by jitter over its upper half so a hall of terminals does not retry in step.
     */
    Duration backoff(int attempts) {
        return backoff.delay((int) Math.min((long) attempts + 1, Integer.MAX_VALUE));
    }

    private void record(String id, Instant at, String cause, String action) {
        SupervisionRecord r = new SupervisionRecord(id, at, cause, action);
        LOG.warn("Supervisor: {} {} because {}", id, action, cause);
        synchronized (records) {
            records.addLast(r);
            while (records.size() > settings.maxRecords()) {
                records.removeFirst();
            }
        }
    }

    /** The interventions so far, oldest first (only the last {@link Settings#maxRecords()} are kept). */
    public List<SupervisionRecord> records() {
        synchronized (records) {
            return List.copyOf(records);
        }
    }

    public synchronized List<Health> health() {
        return watches.values().stream().map(DeviceSupervisor::health).toList();
    }

    public synchronized Optional<Health> health(String componentId) {
        return Optional.ofNullable(watches.get(componentId)).map(DeviceSupervisor::health);
    }

    private static Health health(Watch w) {
        return new Health(w.component.id(), w.component.status(), w.attempts, Optional.ofNullable(w.nextRetry),
                w.component.lastFailure().map(Throwable::getMessage));
    }

    /** Stops the periodic checks; the components stay as they are. */
    @Override
    public synchronized void close() {
        if (task != null) {
            task.cancel(false);
            task = null;
        }
    }
}
