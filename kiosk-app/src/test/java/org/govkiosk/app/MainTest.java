package org.govkiosk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.govkiosk.app.config.ConfigException;
import org.junit.jupiter.api.Test;

/** The launcher's exit code 78 (the unit's RestartPreventExitStatus) depends on finding the bad configuration. */
class MainTest {

    @Test
    void findsTheConfigExceptionJavaFxWrapsAroundInit() {
        var bad = new ConfigException(List.of("devices.yaml: devices[0].port: required for transport serial"));
        var launch = new RuntimeException("Application launch exception",
                new RuntimeException("Exception in Application init method", bad));

        assertThat(Main.isBadConfiguration(launch)).isTrue();
        assertThat(Main.isBadConfiguration(bad)).isTrue();
    }

    @Test
    void otherStartFailuresAreNotABadConfiguration() {
        var launch = new RuntimeException("Exception in Application init method",
                new UncheckedIOException(new IOException("/var/lib/govkiosk: Permission denied")));

        assertThat(Main.isBadConfiguration(launch)).isFalse();
        assertThat(Main.isBadConfiguration(new IllegalStateException("no display"))).isFalse();
    }
}
