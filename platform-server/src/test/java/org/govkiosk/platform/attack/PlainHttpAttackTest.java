package org.govkiosk.platform.attack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.govkiosk.platform.config.PlatformConfig;
import org.govkiosk.platform.PlatformConfigLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plain HTTP on the network (issue 14, trust boundaries): the platform listened on 0.0.0.0 without TLS by default,
 * so the clerk token, the fleet cookie and citizens' cases crossed the hall's network in clear. It must refuse to
 * listen so unless its configuration says a TLS proxy terminates HTTPS in front of it; loopback stays allowed (the
 * demo, the tests, a proxy on the same host).
 */
class PlainHttpAttackTest {

    @TempDir
    Path dir;

    private static PlatformConfig load(String... args) {
        return PlatformConfigLoader.fromArgs(args, Map.of());
    }

    @Test
    void plainHttpOnANetworkAddressIsRefusedWithWhatToDo() {
        for (String bind : new String[] {"0.0.0.0", "10.20.30.40", "::"}) {
            assertThatThrownBy(() -> load("--bind=" + bind, "--db-url=jdbc:h2:mem:plain"))
                    .as(bind).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("plain HTTP").hasMessageContaining(bind)
                    .hasMessageContaining("tls-keystore").hasMessageContaining("behind-tls-proxy");
        }
        assertThat(load().bindHost()).as("the default address without TLS").isEqualTo("127.0.0.1");
        assertThat(load("--behind-tls-proxy=true").bindHost()).as("the default behind a TLS proxy")
                .isEqualTo("0.0.0.0");
    }

    @Test
    void loopbackTlsOrADeclaredTlsProxyMayListen() throws Exception {
        assertThat(load("--bind=127.0.0.1").bindHost()).isEqualTo("127.0.0.1");
        assertThat(load("--bind=::1").bindHost()).isEqualTo("::1");
        assertThat(load("--bind=localhost").bindHost()).isEqualTo("localhost");
        assertThat(load("--bind=0.0.0.0", "--behind-tls-proxy=true").exposure().behindTlsProxy()).isTrue();
        Path keystore = Files.write(dir.resolve("platform.p12"), new byte[] {1});
        Path password = Files.writeString(dir.resolve("tls-password"), "changeit");
        assertThat(load("--bind=0.0.0.0", "--tls-keystore=" + keystore, "--tls-password-file=" + password)
                .tlsKeystore()).contains(keystore);
    }

    /** The sample in config/ documents these settings and loads as shipped; on 0.0.0.0 it needs the proxy flag. */
    @Test
    void theSampleConfigurationLoads() throws Exception {
        Path sample = Path.of("../config/platform.yaml");
        PlatformConfig c = load("--config=" + sample);
        assertThat(c.bindHost()).isEqualTo("127.0.0.1");
        assertThat(c.exposure()).isEqualTo(org.govkiosk.platform.config.Exposure.defaults());
        Path onNetwork = Files.writeString(dir.resolve("platform.yaml"), Files.readString(sample)
                .replace("bind: 127.0.0.1", "bind: 0.0.0.0"));
        assertThatThrownBy(() -> load("--config=" + onNetwork)).hasMessageContaining("behind-tls-proxy");
        assertThat(load("--config=" + onNetwork, "--behind-tls-proxy=true").bindHost()).isEqualTo("0.0.0.0");
    }
}
