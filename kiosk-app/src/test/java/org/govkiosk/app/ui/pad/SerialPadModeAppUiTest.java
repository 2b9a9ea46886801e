package org.govkiosk.app.ui.pad;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import org.govkiosk.api.ApiJson;
import org.govkiosk.api.ApiPaths;
import org.govkiosk.api.RatingRequest;
import org.govkiosk.app.config.LaunchOptions;
import org.govkiosk.app.platform.RealPlatform;
import org.govkiosk.app.ui.ScreenId;
import org.govkiosk.app.ui.TerminalRig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole terminal in pad mode with a serial five-key pad devices.yaml gives its window (the pad's simulator,
 * in-process, speaking the pad's bytes): the platform's rating request shows on the screen and on the serial pad;
 * the key pressed there is the window's rating on the platform. Proves the wiring in the terminal's assembly.
 */
class SerialPadModeAppUiTest {

    @TempDir
    Path dir;
    private RealPlatform platform;
    private TerminalRig rig;

    @AfterEach
    void stop() throws Exception {
        if (rig != null) {
            rig.close();
        }
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void theSerialPadShowsTheWindowsRequestAndItsKeyIsTheRating() throws Exception {
        platform = RealPlatform.http(dir.resolve("platform"));
        rig = new TerminalRig(dir.resolve("pad")).withMode(LaunchOptions.Mode.PAD)
                .withTerminalYaml(y -> y.replace("# window-id: W-03", "window-id: W-03")
                        .replace("# window-name: 3号窗口", "window-name: 3号窗口")
                        .replace("# hall-code: 330100-ZWFW", "hall-code: " + RealPlatform.HALL))
                .withDevices("""
                          - id: pad-serial
                            family: rating-pad
                            transport: simulator
                            options: { window-pad: "true", sim.heartbeat: "500" }
                        """)
                .withPlatform(platform).start();
        assertThat(rig.screen()).isEqualTo(ScreenId.PAD);
        TerminalRig.waitFor(20, () -> !rig.robot().lookup("#pad-connection").tryQuery().map(n -> n.isVisible())
                .orElse(true));

        HttpResponse<String> asked = platform.clerk("POST", ApiPaths.CLERK_RATING_REQUESTS, "application/json",
                ApiJson.strict().writeValueAsString(new RatingRequest(RealPlatform.HALL, "W-03", "GK20261206000201",
                        "1", "11440100MB2C12345X4440117001000", "社保卡补办", "CLERK-9", "王芳"))
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(asked.statusCode()).as(asked.body()).isEqualTo(201);

        TerminalRig.waitFor(20, () -> rig.simulator("pad-serial", "screen").contains("王芳"));
        assertThat(rig.simulator("pad-serial", "screen")).contains("3号窗口");
        rig.simulator("pad-serial", "press 4");

        TerminalRig.waitFor(30, () -> summary().get("given").asInt() == 1);
        assertThat(summary().get("givenByLevel").get("4").asInt()).isEqualTo(1);
    }

    private JsonNode summary() throws Exception {
        LocalDate today = LocalDate.now(ZoneId.systemDefault());
        HttpResponse<String> r = platform.clerk("GET", ApiPaths.CLERK_RATING_SUMMARY + "?from=" + today.minusDays(1)
                + "&to=" + today.plusDays(1), null, null);
        return ApiJson.lenient().readTree(r.body());
    }
}
