package org.govkiosk.app.context;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.govkiosk.app.audit.AuditLog;
import org.govkiosk.app.audit.AuditMac;
import org.govkiosk.app.config.TerminalConfig;
import org.govkiosk.app.ops.FileLogging;
import org.govkiosk.app.security.OwnerOnly;
import org.govkiosk.app.security.TerminalKeyStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The terminal's own state, made first and closed last: its data folder (owner only), the rolling log file in it,
 * the key store and the audit log keyed from it (so nobody who can only write files can re-chain it).
 */
final class RecordsAssembly implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RecordsAssembly.class);

    private final Path dataDir;
    /** The rolling log file in the data directory, exported from maintenance mode; null without logback. */
    private final FileLogging logFiles;
    private final TerminalKeyStore keys;
    private final AuditLog audit;
    private final org.govkiosk.app.training.TrainingMode training;

    RecordsAssembly(TerminalConfig config, Clock clock, Map<String, String> started, StartPhases phases)
            throws IOException {
        this.dataDir = config.storage().resolve(config.terminal().id());
        OwnerOnly.directory(dataDir);
        this.logFiles = FileLogging.attach(dataDir.resolve("logs"));
        phases.mark("log-files");
        this.keys = TerminalPlatform.openKeys(config, dataDir);
        phases.mark("keys");
        this.audit = AuditLog.open(dataDir.resolve("audit").resolve("audit.log"), keys.auditKey(),
                AuditMac.of(keys.suite()), clock);
        audit.record("app-started", started);
        this.training = org.govkiosk.app.training.TrainingMode.open(dataDir, audit);
        phases.mark("audit");
    }

    /** 培训模式: switched in maintenance mode, kept in the data directory. */
    org.govkiosk.app.training.TrainingMode training() {
        return training;
    }

    Path dataDir() {
        return dataDir;
    }

    TerminalKeyStore keys() {
        return keys;
    }

    AuditLog audit() {
        return audit;
    }

    @Override
    public void close() {
        audit.record("app-stopped");
        audit.close();
        LOG.info("Terminal stopped");
        if (logFiles != null) {
            logFiles.close();
        }
    }
}
