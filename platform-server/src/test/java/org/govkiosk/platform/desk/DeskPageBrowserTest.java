package org.govkiosk.platform.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.govkiosk.api.ApiPaths;
import org.govkiosk.api.CaseKind;
import org.govkiosk.api.CaseReceipt;
import org.govkiosk.api.CaseSubmission;
import org.govkiosk.api.Material;
import org.govkiosk.api.RatingChannel;
import org.govkiosk.api.RatingSubmission;
import org.govkiosk.platform.Fixtures;
import org.govkiosk.platform.RunningPlatform;
import org.govkiosk.platform.StaffClient;
import org.govkiosk.platform.TestTerminal;
import org.govkiosk.platform.browser.AxeCore;
import org.govkiosk.platform.browser.HeadlessChromium;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The clerk desk in a real headless Chromium, on a phone (390×844) and a desk (1366×768), in Chinese and English:
 * signed in with a staff account through the staff sign-in form, the queue (cards on the phone, a table with the case beside it on the desk), a case
 * with its actions open, and the bad-rating ledger pass axe-core without a serious or critical violation, fit the
 * screen's width, have no text under 14 px and no target under 44 px; a clerk asks for 补正 by ticking materials and
 * accepts, by clicks. Screenshots go to target/desk-check.
 */
class DeskPageBrowserTest extends RunningPlatform {

    static final Path SHOTS = Path.of("target", "desk-check");

    @TempDir
    Path dir;

    @org.junit.jupiter.api.BeforeAll
    static void fastNotices() {
        System.setProperty(DeskLive.INTERVAL_PROPERTY, "200");
    }

    @org.junit.jupiter.api.AfterAll
    static void normalNotices() {
        System.clearProperty(DeskLive.INTERVAL_PROPERTY);
    }

    private static Path chromium() {
        Path chromium = HeadlessChromium.executable().orElse(null);
        Assumptions.assumeTrue(chromium != null,
                "chromium is not installed (Debian package 'chromium'): the desk is not checked in a browser");
        return chromium;
    }

    private HeadlessChromium browser(String profile) throws Exception {
        return HeadlessChromium.launch(chromium(), Files.createDirectories(dir.resolve(profile)));
    }

    private static Material provided(String code, String name) {
        return new Material(code, name, Material.Status.PROVIDED, Material.Source.PAPER, null);
    }

    private String file(String key, String itemName) throws Exception {
        CaseSubmission b = Fixtures.submission(terminal.id, key, CaseKind.PROMISED, "本地");
        CaseSubmission s = new CaseSubmission(b.idempotencyKey(), b.localCaseId(), b.terminalId(), b.itemCode(),
                itemName, b.kind(), b.applicant(), b.formData(), List.of(provided("M01", "居民身份证"),
                        provided("M02", "户口簿"), provided("M03", "近期免冠照片")), b.submittedAt());
        HttpResponse<String> r = terminal.post(ApiPaths.CASES, s);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return TestTerminal.read(r, CaseReceipt.class).caseNumber();
    }

    /** A hall's morning: an overdue case filed last month, a 补正 waiting, new ones, and a bad rating. */
    private String hall() throws Exception {
        server.addStaff("wangfang", "王芳", org.govkiosk.platform.staff.Role.CLERK, java.util.Set.of("HALL-1"),
                StaffClient.PASSWORD.toCharArray());
        String late = file("b0", "城乡居民基本养老保险参保登记");
        clock.advance(Duration.ofDays(20));
        String waiting = file("b1", "城乡居民基本医疗保险参保登记");
        assertThat(clerk("POST", ApiPaths.clerkCaseTransitions(waiting),
                "{\"to\":\"NEEDS_SUPPLEMENT\",\"materials\":[\"M02\"]}").statusCode()).isEqualTo(200);
        String fresh = file("b2", "社会保障卡申领");
        file("b3", "灵活就业人员参保登记");
        RatingSubmission bad = new RatingSubmission("rate-b0", late, "1", "ITEM-001", "HALL-1", terminal.id, "W-03",
                "CLERK-7", RatingChannel.SELF_SERVICE_TERMINAL, 2, Map.of("OVERALL", 2),
                List.of("SERVICE_EFFICIENCY"), "等了很久", false, clock.instant());
        assertThat(terminal.post(ApiPaths.RATINGS, bad).statusCode()).isEqualTo(201);
        return fresh;
    }

    /** The desk without a session: its page that leads to the staff sign-in. */
    private void toSignInLink(HeadlessChromium browser, String lang) throws Exception {
        browser.navigate(server.baseUri() + DeskRoutes.PAGE + "?lang=" + lang);
        browser.await("the sign-in link", "String(!!document.getElementById('sign-in'))", "true"::equals);
    }

    /**
     * Signs in as the clerk 王芳 through the staff form the desk links to, comes back to the queue, and names the
     * window on the desk's "my window" form.
     */
    private void signIn(HeadlessChromium browser, String lang) throws Exception {
        if (!"true".equals(browser.evaluate("String(!!document.getElementById('sign-in'))").orElse(""))) {
            toSignInLink(browser, lang);
        }
        browser.evaluate("document.getElementById('sign-in').click(); 'followed'");
        browser.await("the staff sign-in form", "String(!!document.querySelector('input[name=password]'))",
                "true"::equals);
        browser.evaluate("document.getElementById('login').value = 'wangfang';"
                + " document.getElementById('password').value = '" + StaffClient.PASSWORD + "';"
                + " document.querySelector('input[name=password]').form.submit(); 'sent'");
        browser.await("the queue after sign-in", "String(!!document.getElementById('queue'))", "true"::equals);
        browser.evaluate("document.querySelector('form.window input[name=window]').value = 'W-03';"
                + " document.querySelector('form.window').submit(); 'sent'");
        browser.await("the window noted", "document.querySelector('.who').textContent", s -> s.contains("W-03"));
    }

    private static String axeSource() throws Exception {
        String axe = AxeCore.source().orElse(null);
        if (axe == null && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("axe-core is not installed in tools/web-checks (npm ci there)");
        }
        Assumptions.assumeTrue(axe != null, "axe-core is not installed in tools/web-checks and npm is missing");
        return axe;
    }

    @Test
    void onAPhoneAndADeskTheQueueTheCaseAndTheLedgerAreAccessibleAndFit() throws Exception {
        String axe = axeSource();
        String fresh = hall();
        record Screen(String name, int width, int height, boolean mobile) {
        }
        for (Screen screen : List.of(new Screen("phone", 390, 844, true), new Screen("desk", 1366, 768, false))) {
            for (String lang : List.of("zh", "en")) {
                String size = screen.width() + "x" + screen.height();
                String where = lang + " " + size;
                try (HeadlessChromium browser = browser("profile-" + screen.name() + "-" + lang)) {
                    browser.viewport(screen.width(), screen.height(), screen.mobile());
                    toSignInLink(browser, lang);
                    check(browser, where + " sign-in", lang);
                    axe(browser, axe, "login-" + lang + "-" + size, where + " sign-in");
                    browser.screenshot(SHOTS.resolve("desk-login-" + lang + "-" + size + ".png"));
                    signIn(browser, lang);

                    check(browser, where + " queue", lang);
                    queueLayout(browser, where, screen.mobile());
                    axe(browser, axe, "queue-" + lang + "-" + size, where + " queue");
                    browser.screenshot(SHOTS.resolve("desk-queue-" + lang + "-" + size + ".png"));

                    browser.navigate(server.baseUri() + DeskRoutes.PAGE + "?lang=" + lang + "&case=" + fresh);
                    browser.await("the case", "String(!!document.getElementById('case-state'))", "true"::equals);
                    // The 补正 form open, as a clerk ticking materials sees it.
                    browser.evaluate("document.getElementById('act-supplement').open = true; 'open'");
                    check(browser, where + " case", lang);
                    caseLayout(browser, where, screen.mobile());
                    axe(browser, axe, "case-" + lang + "-" + size, where + " case");
                    browser.screenshot(SHOTS.resolve("desk-case-" + lang + "-" + size + ".png"));
                    String words = browser.evaluate("document.getElementById('detail').innerText").orElseThrow();
                    assertThat(words).contains("张**", "110***********002X").doesNotContain("张三丰",
                            Fixtures.ID_NUMBER);

                    browser.navigate(server.baseUri() + DeskRoutes.LEDGER + "?lang=" + lang);
                    browser.await("the ledger", "String(document.querySelectorAll('li.entry').length)", "1"::equals);
                    browser.evaluate("document.querySelector('li.entry details.action:last-of-type').open = true;"
                            + " 'open'");
                    check(browser, where + " ledger", lang);
                    axe(browser, axe, "ledger-" + lang + "-" + size, where + " ledger");
                    browser.screenshot(SHOTS.resolve("desk-ledger-" + lang + "-" + size + ".png"));
                }
            }
        }
    }

    @Test
    void aClerkAsksFor补正ByTickingMaterialsAndThenAcceptsByClicks() throws Exception {
        String fresh = hall();
        try (HeadlessChromium browser = browser("profile")) {
            browser.viewport(390, 844, true);
            signIn(browser, "zh");
            browser.evaluate("document.querySelector('tr.case[data-case=\"" + fresh + "\"] a').click(); 'clicked'");
            browser.await("the case", "String(document.getElementById('case-state') && "
                    + "document.getElementById('case-state').textContent)", "已申报"::equals);
            browser.evaluate("document.getElementById('act-supplement').open = true;"
                    + " document.querySelector('#act-supplement input[value=M03]').click();"
                    + " document.querySelector('#act-supplement input[value=M02]').click();"
                    + " document.querySelector('#act-supplement button[type=submit]').click(); 'sent'");
            browser.await("the 补正 done", "String(document.getElementById('message') && "
                    + "document.getElementById('message').textContent)", s -> s.contains("已发出补正告知"));
            assertThat(browser.evaluate("document.getElementById('case-state').textContent")).contains("待补正");
            assertThat(browser.evaluate("Array.from(document.querySelectorAll('#missing li'))"
                    + ".map(l => l.dataset.code).join(',')")).contains("M02,M03");
            browser.evaluate("document.querySelector('form[data-verb=accept] button').click(); 'sent'");
            browser.await("accepted", "String(document.getElementById('case-state') && "
                    + "document.getElementById('case-state').textContent)", "已受理"::equals);
            assertThat(browser.evaluate("document.getElementById('message').textContent").orElseThrow()).contains("已受理");
            // An irreversible step without its tick: refused in words, nothing done.
            browser.evaluate("document.querySelector('form[data-verb=review] button').click(); 'sent'");
            browser.await("in review", "String(document.getElementById('case-state') && "
                    + "document.getElementById('case-state').textContent)", "审核中"::equals);
            browser.evaluate("document.getElementById('act-approve').open = true;"
                    + " document.querySelector('#act-approve button[type=submit]').click(); 'sent'");
            browser.await("the refusal in words", "String(document.getElementById('message') && "
                    + "document.getElementById('message').getAttribute('role') + ' '"
                    + " + document.getElementById('message').textContent)", s -> s.startsWith("alert 请勾选确认"));
            assertThat(browser.evaluate("document.getElementById('case-state').textContent")).contains("审核中");
            browser.screenshot(SHOTS.resolve("desk-refused-zh-390x844.png"));
        }
    }

    @Test
    void theQueueSaysWhenItChangedAndLoadsAgainOnlyWhenTheClerkAsks() throws Exception {
        hall();
        try (HeadlessChromium browser = browser("profile")) {
            browser.viewport(1366, 768, false);
            signIn(browser, "en");
            browser.await("the live stream", "document.body.dataset.live", "live"::equals);
            browser.evaluate("window.samePage = 'yes'; 'marked'");
            Thread.sleep(600); // a few quiet pushes: the queue did not change, so nothing is said
            assertThat(browser.evaluate("String(document.getElementById('live-notice').hidden)")).contains("true");

            String arrived = file("b9", "失业保险金申领");
            browser.await("the notice", "String(!document.getElementById('live-notice').hidden)", "true"::equals);
            assertThat(browser.evaluate("document.getElementById('live-notice').innerText").orElseThrow())
                    .contains("The queue has changed");
            assertThat(browser.evaluate("window.samePage")).as("the page did not reload by itself").contains("yes");
            assertThat(browser.evaluate("String(!!document.querySelector('tr.case[data-case=\"" + arrived
                    + "\"]'))")).contains("false");
            browser.evaluate("document.querySelector('#live-notice a').click(); 'clicked'");
            browser.await("the new case in the queue", "String(!!document.querySelector('tr.case[data-case=\""
                    + arrived + "\"]'))", "true"::equals);
            browser.await("live again, quiet", "document.body.dataset.live", "live"::equals);
            assertThat(browser.evaluate("String(document.getElementById('live-notice').hidden)")).contains("true");
        }
    }

    private static void axe(HeadlessChromium browser, String axe, String name, String where) throws Exception {
        AxeCore.check(browser, axe, SHOTS.resolve("axe-" + name + ".json"), where);
    }

    /** What a person would see wrong: the wrong language, sideways scrolling, tiny text, small targets. */
    private static void check(HeadlessChromium browser, String where, String lang) throws Exception {
        assertThat(browser.evaluate("document.documentElement.lang")).as(where)
                .contains(lang.equals("zh") ? "zh-CN" : "en");
        assertThat(browser.evaluate("document.querySelector('meta[name=viewport]').content").orElseThrow())
                .as(where).contains("width=device-width");
        assertThat(browser.evaluate("String(document.documentElement.scrollWidth <= window.innerWidth)"))
                .as(where + ": no sideways scroll").contains("true");
        String small = browser.evaluate("Array.from(document.body.querySelectorAll('*')).filter(e =>"
                + " Array.from(e.childNodes).some(n => n.nodeType === 3 && n.textContent.trim())"
                + " && e.getClientRects().length > 0 && !e.closest('.sr-only, .skip')"
                + " && parseFloat(getComputedStyle(e).fontSize) < 14).map(e => e.tagName + '.' + e.className + ' '"
                + " + getComputedStyle(e).fontSize).slice(0, 10).join('; ')").orElseThrow();
        assertThat(small).as(where + ": text under 14 px").isEmpty();
        // Every target a finger or a mouse meets: links, buttons, summaries, fields, and the labels of ticks.
        String tiny = browser.evaluate("Array.from(document.querySelectorAll('a, button, summary, select,"
                + " input:not([type=hidden]):not([type=checkbox]):not([type=radio]), label.check'))"
                + ".filter(e => e.getClientRects().length > 0 && !e.closest('.skip'))"
                + ".filter(e => e.getBoundingClientRect().height < 44)"
                + ".map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().height)"
                + " + ' ' + e.textContent.trim().slice(0, 20)).slice(0, 10).join('; ')").orElseThrow();
        assertThat(tiny).as(where + ": targets under 44 px").isEmpty();
        String words = browser.evaluate("document.body.innerText").orElseThrow();
        assertThat(words).as(where).doesNotContain("null", "undefined");
        if (lang.equals("en")) {
            assertThat(words).as(where).doesNotContainPattern("办件工作台|办件队列|回访整改台账|退出登录");
        }
    }

    /** A phone shows the queue as cards (no table header); a desk as a table with its header. */
    private static void queueLayout(HeadlessChromium browser, String where, boolean phone) throws Exception {
        String display = browser.evaluate("getComputedStyle(document.querySelector('table.cases tr.case')).display")
                .orElseThrow();
        String header = browser.evaluate("String(document.querySelector('table.cases thead')"
                + ".getBoundingClientRect().height > 2)").orElseThrow();
        if (phone) {
            assertThat(display).as(where + ": a row is a card").isEqualTo("block");
            assertThat(header).as(where + ": no table header on a phone").isEqualTo("false");
        } else {
            assertThat(display).as(where + ": a table row").isEqualTo("table-row");
            assertThat(header).as(where).isEqualTo("true");
        }
        assertThat(browser.evaluate("String(document.querySelectorAll('tr.case').length)")).as(where).contains("4");
        assertThat(browser.evaluate("document.querySelector('tr.case.late') ? 'late' : 'none'"))
                .as(where + ": the overdue case is flagged").contains("late");
    }

    /** A desk shows the case beside the queue; a phone above it, where the clerk looks first. */
    private static void caseLayout(HeadlessChromium browser, String where, boolean phone) throws Exception {
        String q = "document.getElementById('queue').getBoundingClientRect()";
        String d = "document.getElementById('detail').getBoundingClientRect()";
        if (phone) {
            assertThat(browser.evaluate("String(" + d + ".bottom <= " + q + ".top + 1)")).as(where + ": case first")
                    .contains("true");
        } else {
            assertThat(browser.evaluate("String(" + d + ".left >= " + q + ".right - 1 && " + d + ".top < " + q
                    + ".bottom)")).as(where + ": the case beside the queue").contains("true");
        }
    }
}
