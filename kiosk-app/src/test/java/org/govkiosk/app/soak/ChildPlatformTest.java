package org.govkiosk.app.soak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The soak's platform in its own process survives a SIGKILL: same port, same H2 file, readable afterwards. */
class ChildPlatformTest {

    @TempDir
    Path dir;

    @Test
    void comesBackOnTheSamePortAfterSigkillAndItsDatabaseIsReadable() throws Exception {
        try (ChildPlatform platform = new ChildPlatform(dir)) {
            int port = platform.baseUri().getPort();
            assertThat(connects(port)).isTrue();
            assertThatThrownBy(() -> platform.storedKeys("cases")).isInstanceOf(IllegalStateException.class);

            platform.stop(true);
            assertThat(platform.running()).isFalse();
            assertThat(connects(port)).as("port closed while the platform is down").isFalse();

            platform.start();
            assertThat(platform.baseUri().getPort()).isEqualTo(port);
            assertThat(connects(port)).isTrue();
            platform.stop(false);
            assertThat(platform.storedKeys("cases")).isEmpty();
            assertThat(platform.summary()).contains("started 2 times", "1 of its stops SIGKILL");
        }
    }

    private static boolean connects(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
