package org.govkiosk.app.ops;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import ch.qos.logback.core.util.FileSize;
import java.nio.file.Path;
import org.slf4j.LoggerFactory;

/**
 * Adds a rolling log file under the terminal's data directory once that directory is known (the console appender
 * of logback.xml starts earlier, before the configuration is read). Technicians export these files to a USB stick
 * from maintenance mode; the journal keeps the console copy under systemd. Size-capped so months of unattended
 * running cannot fill the disk.
 */
public final class FileLogging implements AutoCloseable {

    static final String APPENDER_NAME = "TERMINAL_FILE";

    private final RollingFileAppender<ILoggingEvent> appender;

    private FileLogging(RollingFileAppender<ILoggingEvent> appender) {
        this.appender = appender;
    }

    /**
     * Starts writing {@code dir/terminal.log}, rolled daily and at {@code maxFileSize}, keeping at most
     * {@code totalCap} of old files. Returns null (and logs why) when logback is not the SLF4J backend.
     */
    public static FileLogging attach(Path dir, FileSize maxFileSize, FileSize totalCap) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            LoggerFactory.getLogger(FileLogging.class).warn("Logging backend is not logback; no log file in {}", dir);
            return null;
        }
        try {
            // Masked, but still about citizens: owner-only, as the rest of the data directory.
            org.govkiosk.app.security.OwnerOnly.file(dir.resolve("terminal.log"));
        } catch (java.io.IOException e) {
            LoggerFactory.getLogger(FileLogging.class).warn("Cannot make {} owner-only: {}", dir, e.getMessage());
        }
        RollingFileAppender<ILoggingEvent> appender = new RollingFileAppender<>();
        appender.setContext(context);
        appender.setName(APPENDER_NAME);
        appender.setFile(dir.resolve("terminal.log").toString());

        SizeAndTimeBasedRollingPolicy<ILoggingEvent> policy = new SizeAndTimeBasedRollingPolicy<>();
        policy.setContext(context);
        policy.setParent(appender);
        policy.setFileNamePattern(dir.resolve("terminal.%d{yyyy-MM-dd}.%i.log.gz").toString());
        policy.setMaxFileSize(maxFileSize);
        policy.setTotalSizeCap(totalCap);
        policy.setMaxHistory(30);
        policy.start();

        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level [%thread] %logger{24} - %msg%n");
        encoder.start();

        appender.setRollingPolicy(policy);
        appender.setEncoder(encoder);
        appender.start();
        context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(appender);
        return new FileLogging(appender);
    }

    /** Daily files of at most 10 MB, 200 MB in all. */
    public static FileLogging attach(Path dir) {
        return attach(dir, FileSize.valueOf("10MB"), FileSize.valueOf("200MB"));
    }

    @Override
    public void close() {
        if (appender.getContext() instanceof LoggerContext context) {
            context.getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(appender);
        }
        appender.stop();
    }
}
