package org.govkiosk.platform.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.govkiosk.api.ApiPaths;
import org.govkiosk.api.DeviceState;
import org.govkiosk.api.Heartbeat;
import org.govkiosk.platform.RunningPlatform;
import org.govkiosk.platform.TestTerminal;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fleet page in a real headless Chromium: the technician logs in through the form with the clerk token, and
 * sees the terminal that went silent marked offline at the top with its paper alarm, while markup a terminal sent
 * as its id or a device detail shows as text and runs nothing.
 */
class FleetPageBrowserTest extends RunningPlatform {

    private static final String EVIL_ID = "x<script>window.pwned=1</script>";
    private static final String EVIL_DETAIL = "<img src=x onerror=\"window.pwned=2\">";

    @TempDir
    Path dir;

    private void beat(TestTerminal t, String version, List<DeviceState> devices) throws Exception {
        assertThat(t.post(ApiPaths.HEARTBEATS, new Heartbeat(t.id, clock.instant(), version, 0, devices, 3600L,
                null, 60)).statusCode()).isEqualTo(200);
    }

    @Test
    void showsTheSilentTerminalFirstWithItsAlarmAndRunsNoInjectedScript() throws Exception {
        Path chromium = HeadlessChromium.executable().orElse(null);
        Assumptions.assumeTrue(chromium != null,
                "chromium is not installed (Debian package 'chromium'): the fleet page is not checked in a browser");

        beat(terminal, "1.0", List.of(new DeviceState("receipt-1", "RECEIPT_PRINTER", "OFFLINE", "PAPER_OUT"),
                new DeviceState("idcard-1", "ID_CARD_READER", "ONLINE", null)));
        clock.advance(Duration.ofMinutes(4)); // T-001 has now missed three of its 60 s beats
        TestTerminal evil = new TestTerminal(server.baseUri(), EVIL_ID, clock).registered(ENROLMENT);
        beat(evil, "<b>bold</b>", List.of(new DeviceState("qr-1", "QR_SCANNER", "DEGRADED", EVIL_DETAIL)));
        TestTerminal fine = new TestTerminal(server.baseUri(), "T-OK", clock).registered(ENROLMENT);
        beat(fine, "1.0", List.of(new DeviceState("receipt-1", "RECEIPT_PRINTER", "ONLINE", null)));

        try (HeadlessChromium browser = HeadlessChromium.launch(chromium, Files.createDirectories(dir.resolve("profile")))) {
            browser.navigate(server.baseUri() + FleetRoutes.PAGE);
            browser.await("the login form", "String(!!document.querySelector('input[name=token]'))", "true"::equals);
            assertThat(browser.evaluate("String(!!document.getElementById('fleet'))")).contains("false");
            browser.evaluate("document.querySelector('input[name=token]').value = '" + CLERK + "';"
                    + " document.querySelector('form').submit(); 'sent'");
            browser.await("the fleet table after login", "String(!!document.getElementById('fleet'))", "true"::equals);

            String order = browser.evaluate("Array.from(document.querySelectorAll('tr.terminal'))"
                    + ".map(r => r.dataset.terminalId + ' ' + r.dataset.liveness).join('\\n')").orElseThrow();
            assertThat(order.split("\n")).as("alarms first: critical, then warning, then quiet")
                    .containsExactly("T-001 STALE", EVIL_ID + " LIVE", "T-OK LIVE");

            String first = browser.evaluate("document.querySelectorAll('tr.terminal')[0].innerText").orElseThrow();
            assertThat(first).contains("失联", "缺纸", "Paper out", "receipt-1", "PAPER_OUT");
            assertThat(browser.evaluate("Array.from(document.querySelectorAll('tr.terminal')[0]"
                    + ".querySelectorAll('li.alarm')).map(a => a.dataset.alarm).join(',')"))
                    .contains("TERMINAL_OFFLINE,PAPER_OUT");
            assertThat(browser.evaluate("document.querySelectorAll('tr.terminal')[2].querySelectorAll('li.alarm')"
                    + ".length + ''")).contains("0");

            // The injected markup is text on the page, and nothing of it became an element or ran.
            assertThat(browser.evaluate("document.querySelectorAll('tr.terminal')[1].querySelector('.terminal-id')"
                    + ".firstChild.textContent")).contains(EVIL_ID);
            assertThat(browser.evaluate("document.querySelectorAll('tr.terminal')[1].innerText").orElseThrow())
                    .contains(EVIL_DETAIL, "<b>bold</b>");
            assertThat(browser.evaluate("document.querySelectorAll('script, img, b').length + ''")).contains("0");
            assertThat(browser.evaluate("String(window.pwned)")).contains("undefined");
        }
    }
}
