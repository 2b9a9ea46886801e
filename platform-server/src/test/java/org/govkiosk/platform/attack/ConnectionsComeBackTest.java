package org.govkiosk.platform.attack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.govkiosk.platform.config.Exposure;
import org.govkiosk.platform.config.PlatformConfig;
import org.govkiosk.platform.RunningPlatform;
import org.govkiosk.testkit.Await;
import org.junit.jupiter.api.Test;

/**
 * The per-address connection bound gives back what ended: connections refused over the bound and clients killed
 * mid-request (their sockets reset) leave no count behind. A crash test whose terminal was killed again and again
 * found every new connection refused for good: a connection closed over the bound no longer told whose it was when
 * its close came, so it was counted in and never out.
 */
class ConnectionsComeBackTest extends RunningPlatform {

    private static final int PER_ADDRESS = 4;

    @Override
    protected PlatformConfig config() {
        return super.config().withExposure(Exposure.defaults().withBodyLimits(1024, Duration.ofSeconds(5),
                PER_ADDRESS));
    }

    @Test
    void clientsResetMidRequestGiveTheirConnectionsBack() throws Exception {
        for (int round = 0; round < 5; round++) {
            // More than the bound: the ones over it are closed by the platform as they open.
            Socket[] sockets = new Socket[2 * PER_ADDRESS];
            for (int i = 0; i < sockets.length; i++) {
                sockets[i] = new Socket("127.0.0.1", server.baseUri().getPort());
                OutputStream out = sockets[i].getOutputStream();
                // Half a request, then the process "dies": a reset, not a polite close.
                out.write(("POST /api/v1/cases HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 500\r\n\r\n{\"a\":")
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
            }
            for (Socket s : sockets) {
                s.setSoLinger(true, 0);
                s.close();
            }
        }
        // Forty connections later, twenty of them refused, a terminal is served as if nothing had happened.
        Await.until("a case filed after the resets", Duration.ofSeconds(20), () -> {
            try {
                fileCase("after-resets");
                return true;
            } catch (Exception | AssertionError e) {
                return false;
            }
        });
    }
}
