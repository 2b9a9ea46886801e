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
import org.govkiosk.platform.StaffClient;
import org.govkiosk.platform.staff.Role;
import org.govkiosk.platform.TestTerminal;
import org.govkiosk.platform.browser.AxeCore;
import org.govkiosk.platform.browser.HeadlessChromium;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fleet page in a real headless Chromium, as a technician's phone (390×844) and desk (1366×768) show it: logged
 * in through the form, the silent terminal's card first with its alarms on top, the page passes axe-core without a
 * serious or critical violation, fits the phone's width, has no text under 14 px and no timed reload; the platform
 * pushes changes to the open page, which the technician can pause and resume; markup a terminal sent shows as text
 * and runs nothing. Screenshots go to target/fleet-check.
 */
class FleetPageBrowserTest extends RunningPlatform {

    private static final String EVIL_ID = "x<script>window.pwned=1</script>";
    private static final String EVIL_DETAIL = "<img src=x onerror=\"window.pwned=2\">";
    static final Path SHOTS = Path.of("target", "fleet-check");

    @TempDir
    Path dir;

    @BeforeAll
    static void fastPushes() {
        System.setProperty(FleetSettings.LIVE_INTERVAL_PROPERTY, "200");
    }

    @AfterAll
    static void normalPushes() {
        System.clearProperty(FleetSettings.LIVE_INTERVAL_PROPERTY);
    }

    private void beat(TestTerminal t, String version, List<DeviceState> devices) throws Exception {
        beat(t, version, devices, 0, null);
    }

    private void beat(TestTerminal t, String version, List<DeviceState> devices, int pending, Long oldest)
            throws Exception {
        assertThat(t.post(ApiPaths.HEARTBEATS, new Heartbeat(t.id, clock.instant(), version, pending, devices, 3600L,
                oldest, 60)).statusCode()).isEqualTo(200);
    }

    private static Path chromium() {
        Path chromium = HeadlessChromium.executable().orElse(null);
        Assumptions.assumeTrue(chromium != null,
                "chromium is not installed (Debian package 'chromium'): the fleet page is not checked in a browser");
        return chromium;
    }

    private HeadlessChromium browser(String profile) throws Exception {
        return HeadlessChromium.launch(chromium(), Files.createDirectories(dir.resolve(profile)));
    }

    private boolean technician;

    /** Opens the page without a session: the sign-in link, then the staff sign-in form, as a technician meets it. */
    private void toSignIn(HeadlessChromium browser, String lang) throws Exception {
        if (!technician) {
            StaffClient.add(server, "tech", Role.TECHNICIAN, "HALL-1", "HALL-2");
            technician = true;
        }
        browser.navigate(server.baseUri() + FleetRoutes.PAGE + "?lang=" + lang);
        browser.await("the sign-in link", "String(!!document.querySelector('a.sign-in'))", "true"::equals);
        assertThat(browser.evaluate("String(!!document.getElementById('cards'))")).contains("false");
        browser.evaluate("document.querySelector('a.sign-in').click(); 'followed'");
        browser.await("the sign-in form", "String(!!document.querySelector('input[name=password]'))", "true"::equals);
    }

    /** Signs in through the staff form, as a technician does, and waits for the cards. */
    private void login(HeadlessChromium browser, String lang) throws Exception {
        if (!"true".equals(browser.evaluate("String(!!document.querySelector('input[name=password]'))").orElse(""))) {
            toSignIn(browser, lang);
        }
        browser.evaluate("document.getElementById('login').value = 'tech';"
                + " document.getElementById('password').value = '" + StaffClient.PASSWORD + "';"
                + " document.querySelector('form').submit(); 'sent'");
        browser.await("the cards after sign-in", "String(!!document.getElementById('cards'))", "true"::equals);
    }

    /** A hall as a technician meets it: one terminal silent with its printer out of paper, one warning, one fine. */
    private void fleet() throws Exception {
        beat(terminal, "1.4.2", List.of(new DeviceState("receipt-1", "RECEIPT_PRINTER", "OFFLINE", "PAPER_OUT"),
                new DeviceState("idcard-1", "ID_CARD_READER", "ONLINE", null)));
        clock.advance(Duration.ofMinutes(4)); // T-001 has now missed three of its 60 s beats
        TestTerminal backlog = new TestTerminal(server.baseUri(), "T-002-EAST-HALL-SELF-SERVICE-KIOSK-0002", clock).registered(ENROLMENT,
                "HALL-2");
        beat(backlog, "1.4.2", List.of(new DeviceState("a4-1", "DOCUMENT_PRINTER", "DEGRADED", "PAPER_NEAR_END"),
                new DeviceState("qr-1", "QR_SCANNER", "ONLINE", null)), 7, 3_000L);
        TestTerminal fine = new TestTerminal(server.baseUri(), "T-OK", clock).registered(ENROLMENT);
        beat(fine, "1.4.2", List.of(new DeviceState("receipt-1", "RECEIPT_PRINTER", "ONLINE", null)));
    }

    @Test
    void showsTheSilentTerminalFirstWithItsAlarmAndRunsNoInjectedScript() throws Exception {
        beat(terminal, "1.0", List.of(new DeviceState("receipt-1", "RECEIPT_PRINTER", "OFFLINE", "PAPER_OUT"),
                new DeviceState("idcard-1", "ID_CARD_READER", "ONLINE", null)));
        clock.advance(Duration.ofMinutes(4));
        TestTerminal evil = new TestTerminal(server.baseUri(), EVIL_ID, clock).registered(ENROLMENT);
        beat(evil, "<b>bold</b>", List.of(new DeviceState("qr-1", "QR_SCANNER", "DEGRADED", EVIL_DETAIL)));
        TestTerminal fine = new TestTerminal(server.baseUri(), "T-OK", clock).registered(ENROLMENT);
        beat(fine, "1.0", List.of(new DeviceState("receipt-1", "RECEIPT_PRINTER", "ONLINE", null)));

        try (HeadlessChromium browser = browser("profile")) {
            login(browser, "zh");
            String order = browser.evaluate("Array.from(document.querySelectorAll('li.terminal'))"
                    + ".map(r => r.dataset.terminalId + ' ' + r.dataset.liveness).join('\\n')").orElseThrow();
            assertThat(order.split("\n")).as("alarms first: critical, then warning, then quiet")
                    .containsExactly("T-001 STALE", EVIL_ID + " LIVE", "T-OK LIVE");

            String first = browser.evaluate("document.querySelectorAll('li.terminal')[0].innerText").orElseThrow();
            assertThat(first).contains("失联", "缺纸", "receipt-1", "PAPER_OUT").doesNotContain("Paper out");
            assertThat(browser.evaluate("Array.from(document.querySelectorAll('li.terminal')[0]"
                    + ".querySelectorAll('li.alarm')).map(a => a.dataset.alarm).join(',')"))
                    .contains("TERMINAL_OFFLINE,PAPER_OUT");
            assertThat(browser.evaluate("document.querySelectorAll('li.terminal')[2].querySelectorAll('li.alarm')"
                    + ".length + ''")).contains("0");

            // The injected markup is text on the page, and nothing of it became an element or ran.
            assertThat(browser.evaluate("document.querySelectorAll('li.terminal')[1].querySelector('.terminal-id')"
                    + ".firstChild.textContent")).contains(EVIL_ID);
            assertThat(browser.evaluate("document.querySelectorAll('li.terminal')[1].innerText").orElseThrow())
                    .contains(EVIL_DETAIL, "<b>bold</b>");
            assertThat(browser.evaluate("document.querySelectorAll('#cards script, img, b').length + ''"))
                    .contains("0");
            assertThat(browser.evaluate("String(window.pwned)")).contains("undefined");
        }
    }

    @Test
    void onAPhoneAndADeskThePageIsAccessibleFitsAndPutsAlarmsOnTop() throws Exception {
        String axe = AxeCore.source().orElse(null);
        if (axe == null && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("axe-core is not installed in tools/web-checks (npm ci there)");
        }
        Assumptions.assumeTrue(axe != null, "axe-core is not installed in tools/web-checks and npm is missing");
        fleet();
        record Screen(String name, int width, int height, boolean mobile) {
        }
        for (Screen screen : List.of(new Screen("phone", 390, 844, true), new Screen("desk", 1366, 768, false))) {
            for (String lang : List.of("zh", "en")) {
                String where = lang + " " + screen.width() + "x" + screen.height();
                try (HeadlessChromium browser = browser("profile-" + screen.name() + "-" + lang)) {
                    browser.viewport(screen.width(), screen.height(), screen.mobile());
                    toSignIn(browser, lang);
                    assertThat(browser.evaluate("document.documentElement.lang")).contains(lang.equals("zh")
                            ? "zh-CN" : "en");
                    assertThat(browser.evaluate("String(document.documentElement.scrollWidth <= " + screen.width()
                            + ")")).as(where + " sign-in fits").contains("true");
                    axe(browser, axe, "login-" + lang + "-" + screen.width() + "x" + screen.height(),
                            where + " login");
                    browser.screenshot(SHOTS.resolve("login-" + lang + "-" + screen.width() + "x" + screen.height()
                            + ".png"));
                    login(browser, lang);
                    browser.await("the live stream", "document.body.dataset.live", "live"::equals);
                    checkPage(browser, where, lang);
                    axe(browser, axe, lang + "-" + screen.width() + "x" + screen.height(), where);
                    // The first card's next steps open, as a technician reaching for the commands sees them.
                    browser.evaluate("document.querySelector('details.next').open = true; 'open'");
                    browser.screenshot(SHOTS.resolve("fleet-" + lang + "-" + screen.width() + "x" + screen.height()
                            + ".png"));
                }
            }
        }
    }

    private static void axe(HeadlessChromium browser, String axe, String name, String where) throws Exception {
        AxeCore.check(browser, axe, SHOTS.resolve("axe-" + name + ".json"), where);
    }

    /** What a person would see wrong: a timed reload, no viewport tag, sideways scrolling, tiny text, alarms below. */
    private static void checkPage(HeadlessChromium browser, String where, String lang) throws Exception {
        assertThat(browser.evaluate("document.documentElement.lang")).as(where).contains(lang.equals("zh") ? "zh-CN"
                : "en");
        assertThat(browser.evaluate("String(document.querySelectorAll('meta[http-equiv=refresh i]').length)"))
                .as(where + ": no timed reload").contains("0");
        assertThat(browser.evaluate("document.querySelector('meta[name=viewport]').content").orElseThrow())
                .as(where).contains("width=device-width");
        assertThat(browser.evaluate("String(document.documentElement.scrollWidth <= window.innerWidth)"))
                .as(where + ": no horizontal scroll").contains("true");
        // Every visible piece of text, the commands inside the closed next steps too, at 14 px or more.
        String small = browser.evaluate("document.querySelectorAll('details').forEach(d => d.open = true);"
                + "Array.from(document.body.querySelectorAll('*')).filter(e => Array.from(e.childNodes)"
                + ".some(n => n.nodeType === 3 && n.textContent.trim()) && e.getClientRects().length > 0"
                + " && parseFloat(getComputedStyle(e).fontSize) < 14).map(e => e.tagName + '.' + e.className + ' '"
                + " + getComputedStyle(e).fontSize).slice(0, 10).join('; ')").orElseThrow();
        assertThat(small).as(where + ": text under 14 px").isEmpty();
        browser.evaluate("document.querySelectorAll('details').forEach(d => d.open = false); 'closed'");
        String alarmsOnTop = browser.evaluate("Array.from(document.querySelectorAll('li.terminal')).every(c => {"
                + " const a = c.querySelector('.alarms, .no-alarm'); const f = c.querySelector('.facts');"
                + " return a.getBoundingClientRect().top < f.getBoundingClientRect().top; }) + ''").orElseThrow();
        assertThat(alarmsOnTop).as(where + ": alarms above the details in every card").isEqualTo("true");
        assertThat(browser.evaluate("document.querySelector('li.terminal').dataset.terminalId"))
                .as(where + ": the silent terminal first").contains("T-001");
        String words = browser.evaluate("document.body.innerText").orElseThrow();
        if (lang.equals("zh")) {
            assertThat(words).contains("终端运行概览", "缺纸", "待发数据", "下一步").doesNotContain("Paper out", "Outbox",
                    "null");
        } else {
            assertThat(words).contains("Terminal fleet", "Paper out", "Outbox", "Next steps")
                    .doesNotContain("缺纸", "null").doesNotContainPattern("待发|下一步");
        }
    }

    @Test
    void changesArePushedToTheOpenPageWhichCanPauseAndResume() throws Exception {
        fleet();
        try (HeadlessChromium browser = browser("profile")) {
            login(browser, "en");
            browser.await("the live stream", "document.body.dataset.live", "live"::equals);
            browser.evaluate("window.samePage = 'yes'; 'marked'");

            TestTerminal added = new TestTerminal(server.baseUri(), "T-NEW", clock).registered(ENROLMENT);
            beat(added, "1.4.2", List.of(new DeviceState("receipt-1", "RECEIPT_PRINTER", "OFFLINE", "COVER_OPEN")));
            browser.await("the new terminal's card, pushed", "String(!!document.querySelector("
                    + "'li.terminal[data-terminal-id=\"T-NEW\"] li.alarm[data-alarm=COVER_OPEN]'))", "true"::equals);
            assertThat(browser.evaluate("window.samePage")).as("updated in place, not reloaded").contains("yes");
            assertThat(browser.evaluate("document.getElementById('summary').textContent").orElseThrow())
                    .startsWith("4 terminals");

            browser.evaluate("document.getElementById('live-toggle').click(); 'paused'");
            browser.await("paused", "document.body.dataset.live", "paused"::equals);
            assertThat(browser.evaluate("document.getElementById('live-toggle').getAttribute('aria-pressed')"))
                    .contains("true");
            assertThat(browser.evaluate("document.getElementById('live-toggle').textContent"))
                    .contains("Resume updates");
            assertThat(browser.evaluate("document.getElementById('live-state').textContent"))
                    .contains("Updates paused");

            TestTerminal later = new TestTerminal(server.baseUri(), "T-LATER", clock).registered(ENROLMENT);
            beat(later, "1.4.2", List.of());
            browser.evaluate("document.getElementById('live-toggle').click(); 'resumed'");
            browser.await("live again", "document.body.dataset.live", "live"::equals);
            browser.await("what changed while paused", "String(!!document.querySelector("
                    + "'li.terminal[data-terminal-id=\"T-LATER\"]'))", "true"::equals);
            assertThat(browser.evaluate("window.samePage")).contains("yes");

            // A command's copy button: to the clipboard where the browser allows it, else the command is selected.
            browser.evaluate("document.querySelector('details.next').open = true;"
                    + " document.querySelector('button.copy').click(); 'clicked'");
            String command = browser.evaluate("document.querySelector('button.copy').dataset.copy").orElseThrow();
            assertThat(command).isEqualTo("systemctl status govkiosk-terminal");
            browser.await("the command copied or selected", "String(document.querySelector('button.copy')"
                    + ".textContent === 'Copied' || String(window.getSelection()) === "
                    + "document.querySelector('button.copy').dataset.copy)", "true"::equals);
        }
    }
}
