package org.govkiosk.app.context;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.govkiosk.app.audit.AuditLog;
import org.govkiosk.app.config.LaunchOptions;
import org.govkiosk.app.config.TerminalConfig;
import org.govkiosk.app.maintenance.MaintenanceAccess;
import org.govkiosk.app.ops.HealthReport;
import org.govkiosk.app.ops.OpsHttpServer;
import org.govkiosk.app.ops.TerminalMetrics;
import org.govkiosk.app.usage.UsageStatistics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the hall's technicians and managers see of the terminal: metrics and the ops endpoint, the usage
 * statistics, maintenance access behind the PIN, and the timers of the terminal's housekeeping (counters flushed,
 * statistics rolled up). Maintenance mode's slow work (files, SQLite, media) runs on its own thread, never on the
 * FX thread.
 */
final class OperationsAssembly implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OperationsAssembly.class);

    private final ExecutorRegistry threads;
    private final TerminalConfig config;
    private final Clock clock;
    private final DevicesAssembly devices;
    private final Instant startedAt;
    private final TerminalMetrics metrics;
    /** Maintenance: usage statistics count from start; their slow work runs here. */
    private final ExecutorService maintenanceThread;
    private final UsageStatistics usage;
    private final MaintenanceAccess maintenance;
    /** The terminal's housekeeping: one-off start jobs and periodic flushes, off the devices' scheduler. */
    private final ScheduledExecutorService timers;
    private volatile OpsHttpServer ops;
    /** Where the ops endpoint answers, when it runs. */
    private volatile ExecutorService opsThread;

    OperationsAssembly(LaunchOptions options, TerminalConfig config, Clock clock, RecordsAssembly records,
            DevicesAssembly devices, ExecutorRegistry threads) throws IOException {
        this.threads = threads;
        this.config = config;
        this.clock = clock;
        this.devices = devices;
        this.startedAt = clock.instant();
        this.metrics = new TerminalMetrics(config.terminal().id(), devices.all(), devices.bus());
        this.maintenanceThread = threads.singleThread("maintenance");
        this.usage = UsageStatistics.open(records.dataDir().resolve("usage.db"), clock, ZoneId.systemDefault(),
                maintenanceThread);
        this.maintenance = new MaintenanceAccess(pinCheck(options, config), config.maintenance().maxAttempts(),
                config.maintenance().lockout(), clock, records.audit());
        this.timers = threads.scheduler("housekeeping", 1);
    }

    /** Starts the ops endpoint and the housekeeping timers. */
    void start() {
        startOps();
        timers.scheduleWithFixedDelay(devices.counters()::flush, 10, 10, TimeUnit.SECONDS);
        timers.scheduleWithFixedDelay(() -> maintenanceThread.execute(usage::rollUp), 1, 60, TimeUnit.MINUTES);
    }

    /** Runs {@code job} once, soon, on the housekeeping timer. */
    void runLater(Runnable job) {
        timers.execute(job);
    }

    /** Runs {@code job} once after {@code delay}, on the housekeeping timer. */
    void later(Runnable job, Duration delay) {
        timers.schedule(job, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Monitoring must never stop citizen service: a port in use or an unreadable token is logged, not fatal. */
    private void startOps() {
        TerminalConfig.Ops cfg = config.ops();
        if (cfg.listen().isEmpty()) {
            return;
        }
        try {
            Optional<String> token = cfg.tokenFile().isPresent()
                    ? Optional.of(Files.readString(cfg.tokenFile().get()).trim()) : Optional.empty();
            opsThread = threads.singleThread("ops-http");
            ops = new OpsHttpServer(cfg.listen().get(), token, this::health, metrics::scrape, opsThread);
        } catch (IOException | RuntimeException e) {
            LOG.error("Ops endpoint not started on {}: {}", cfg.listen().get(), e.toString());
        }
    }

    HealthReport health() {
        return HealthReport.of(config.terminal().id(),
                Duration.between(startedAt, clock.instant()).toSeconds(), devices.all());
    }

    Instant startedAt() {
        return startedAt;
    }

    TerminalMetrics metrics() {
        return metrics;
    }

    Optional<OpsHttpServer> ops() {
        return Optional.ofNullable(ops);
    }

    UsageStatistics usage() {
        return usage;
    }

    MaintenanceAccess maintenance() {
        return maintenance;
    }

    ExecutorService maintenanceThread() {
        return maintenanceThread;
    }

    private static Optional<Predicate<char[]>> pinCheck(LaunchOptions options, TerminalConfig config) {
        if (config.maintenance().pinHash().isPresent()) {
            return config.maintenance().pinHash().map(hash -> hash::matches);
        }
        if (!options.demo()) {
            LOG.warn("No maintenance PIN configured (maintenance.pin-hash): maintenance mode stays closed");
            return Optional.empty();
        }
        String pin = String.format("%06d", new SecureRandom().nextInt(1_000_000));
        // The demo has no PIN in the repository; this one lives as long as the process.
        LOG.warn("Demo maintenance PIN (valid until this process ends): {}", pin);
        char[] expected = pin.toCharArray();
        return Optional.of(candidate -> MessageDigest.isEqual(
                new String(candidate).getBytes(StandardCharsets.UTF_8),
                new String(expected).getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public void close() {
        if (ops != null) {
            ops.close();
        }
        if (opsThread != null) {
            threads.closeNow(opsThread);
        }
        threads.closeNow(timers);
        // Maintenance work under way (an export, a query) is given the bound to finish before it is interrupted.
        threads.close(maintenanceThread);
        usage.close();
    }
}
