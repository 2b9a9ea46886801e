package org.govkiosk.app.ops;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.jul.LevelChangePropagator;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * The terminal's logging set up in code, found by logback through its service file: the console for the demo and
 * for journald under systemd (the rolling file in the data directory is added later, {@link FileLogging}), root
 * level {@code -Dgovkiosk.log.level} (else the environment variable of that name, else INFO), the JDK's HTTP server
 * at WARN, and java.util.logging's levels kept in step with logback's ({@link JulBridge} sends JUL here).
 *
 * <p>It replaces a logback.xml because reading one is the first thing every start did before anything else could
 * run: logback's XML configurator (a SAX parser, its model and actions, about 600 classes) took 60-90 ms of the
 * main thread before JavaFX or the services started. A file an operator names ({@code -Dlogback.configurationFile})
 * and the tests' logback-test.xml still win: then this steps aside.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_NORMAL_PRIORITY)
public final class ConsoleLogConfigurator extends ContextAwareBase implements Configurator {

    static final String LEVEL_PROPERTY = "govkiosk.log.level";
    static final String PATTERN = "%d{HH:mm:ss.SSS} %-5level [%thread] %logger{24} - %msg%n";

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        ClassLoader loader = ConsoleLogConfigurator.class.getClassLoader();
        // A configuration file named, or one on the class path (the tests', a benchmark's that bundles this jar),
        // is logback's own business.
        if (System.getProperty("logback.configurationFile") != null || loader.getResource("logback-test.xml") != null
                || loader.getResource("logback.xml") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        apply(context);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** The console, the levels and the JUL propagation, on {@code context}. */
    static void apply(LoggerContext context) {
        LevelChangePropagator jul = new LevelChangePropagator();
        jul.setContext(context);
        jul.setResetJUL(true);
        jul.start();
        context.addListener(jul);

        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName("CONSOLE");
        console.setEncoder(encoder);
        console.start();

        context.getLogger("com.sun.net.httpserver").setLevel(Level.WARN);
        ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(rootLevel());
        root.addAppender(console);
    }

    /** {@code govkiosk.log.level} as logback.xml's {@code ${govkiosk.log.level:-INFO}} read it. */
    static Level rootLevel() {
        String level = System.getProperty(LEVEL_PROPERTY);
        if (level == null) {
            level = System.getenv(LEVEL_PROPERTY);
        }
        return Level.toLevel(level, Level.INFO);
    }
}
