package org.govkiosk.app.ops;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.jul.LevelChangePropagator;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.core.ConsoleAppender;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The terminal's logging set up in code, as its logback.xml set it up before. */
class ConsoleLogConfiguratorTest {

    @Test
    void consoleAppenderRootLevelFromThePropertyAndTheJdkHttpServerAtWarn() {
        LoggerContext context = new LoggerContext();
        String before = System.getProperty(ConsoleLogConfigurator.LEVEL_PROPERTY);
        System.setProperty(ConsoleLogConfigurator.LEVEL_PROPERTY, "WARN");
        try {
            ConsoleLogConfigurator.apply(context);
        } finally {
            if (before == null) {
                System.clearProperty(ConsoleLogConfigurator.LEVEL_PROPERTY);
            } else {
                System.setProperty(ConsoleLogConfigurator.LEVEL_PROPERTY, before);
            }
        }
        ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        assertThat(root.getLevel()).isEqualTo(Level.WARN);
        assertThat(context.getLogger("com.sun.net.httpserver").getLevel()).isEqualTo(Level.WARN);
        var console = root.getAppender("CONSOLE");
        assertThat(console).isInstanceOf(ConsoleAppender.class);
        assertThat(console.isStarted()).isTrue();
        var encoder = ((ConsoleAppender<?>) console).getEncoder();
        assertThat(((PatternLayoutEncoder) encoder).getPattern()).isEqualTo(ConsoleLogConfigurator.PATTERN);
        assertThat(context.getCopyOfListenerList()).anyMatch(LevelChangePropagator.class::isInstance);
        context.stop();
    }

    @Test
    void infoWithoutThePropertyAndABadValueFallsBackToInfo() {
        String before = System.getProperty(ConsoleLogConfigurator.LEVEL_PROPERTY);
        try {
            System.clearProperty(ConsoleLogConfigurator.LEVEL_PROPERTY);
            if (System.getenv(ConsoleLogConfigurator.LEVEL_PROPERTY) == null) {
                assertThat(ConsoleLogConfigurator.rootLevel()).isEqualTo(Level.INFO);
            }
            System.setProperty(ConsoleLogConfigurator.LEVEL_PROPERTY, "loud");
            assertThat(ConsoleLogConfigurator.rootLevel()).isEqualTo(Level.INFO);
            System.setProperty(ConsoleLogConfigurator.LEVEL_PROPERTY, "debug");
            assertThat(ConsoleLogConfigurator.rootLevel()).isEqualTo(Level.DEBUG);
        } finally {
            if (before == null) {
                System.clearProperty(ConsoleLogConfigurator.LEVEL_PROPERTY);
            } else {
                System.setProperty(ConsoleLogConfigurator.LEVEL_PROPERTY, before);
            }
        }
    }

    @Test
    void logbackFindsItThroughItsServiceFile() throws Exception {
        try (InputStream in = getClass().getClassLoader()
                .getResourceAsStream("META-INF/services/" + Configurator.class.getName())) {
            assertThat(in).isNotNull();
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8).trim())
                    .isEqualTo(ConsoleLogConfigurator.class.getName());
        }
    }
}
