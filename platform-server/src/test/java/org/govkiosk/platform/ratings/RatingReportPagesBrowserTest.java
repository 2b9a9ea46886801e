package org.govkiosk.platform.ratings;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.govkiosk.api.ApiPaths;
import org.govkiosk.api.RatingChannel;
import org.govkiosk.api.RatingSubmission;
import org.govkiosk.platform.RunningPlatform;
import org.govkiosk.platform.TestTerminal;
import org.govkiosk.platform.browser.AxeCore;
import org.govkiosk.platform.browser.HeadlessChromium;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The printable report and the hall's published results in a real headless Chromium: axe-core finds no serious
 * or critical violation in Chinese or English, the print is A4 (landscape for the managers' report) as its CSS
 * asks, and the published page carries no personal data: no clerk ids until the hall chooses so, never the
 * citizen's name, phone or case number. Screenshots and prints: target/rating-reports/.
 */
class RatingReportPagesBrowserTest extends PhonePlatform {

    private static final Path OUT = Path.of("target/rating-reports");
    private static final String MONTH = "2025-04";

    @TempDir
    Path dir;

    /** How many rules axe-core ran, then one line per serious or critical violation. */
    private static final String AXE_RUN = "axe.run(document, {resultTypes: ['violations']}).then(r => ["
            + "'rules ' + (r.passes.length + r.violations.length + r.incomplete.length + r.inapplicable.length)]"
            + ".concat(r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')"
            + ".map(v => v.impact + ' ' + v.id + ': ' + v.help + ' at ' + v.nodes.map(n => n.target.join(' ')).join(', ')))"
            + ".join('\\n'))";

    private static List<String> axeViolations(HeadlessChromium browser, String axe) throws Exception {
        if (browser.evaluate("typeof axe").orElse("").equals("undefined")) {
            browser.evaluate(axe + ";'loaded'");
        }
        List<String> lines = List.of(browser.evaluateAwaited(AXE_RUN).split("\n"));
        assertThat(lines.get(0)).as("axe-core ran its rules").matches("rules \\d{2,}");
        return lines.subList(1, lines.size());
    }

    private void look(HeadlessChromium browser, String axe, String name) throws Exception {
        browser.await(name + " loaded", "String(document.readyState === 'complete' && !!document.querySelector('table'))",
                "true"::equals);
        browser.screenshot(OUT.resolve(name + ".png"));
        assertThat(browser.evaluate("String(document.documentElement.scrollWidth <= window.innerWidth)"))
                .as(name + ": no sideways scrolling").contains("true");
        assertThat(axeViolations(browser, axe)).as(name + ": axe-core serious or critical violations").isEmpty();
    }

    private static String pageSize(Path pdf) throws Exception {
        Process p = new ProcessBuilder("pdfinfo", pdf.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor();
        return out.lines().filter(l -> l.startsWith("Page size:")).findFirst().orElse(out);
    }

    private void rated(String key, String window, String clerk, int level, boolean anonymous) throws Exception {
        String caseNumber = fileCase(key, PHONE).caseNumber();
        RatingSubmission r = new RatingSubmission("rate-" + key, caseNumber, "1", ITEM, "HALL-1", terminal.id, window,
                clerk, RatingChannel.SELF_SERVICE_TERMINAL, level, Map.of("OVERALL", level),
                level <= 2 ? List.of("SERVICE_ATTITUDE") : List.of(), level <= 2 ? "张三丰 13800138000 态度差" : null,
                anonymous, clock.instant());
        HttpResponse<String> sent = terminal.post(ApiPaths.RATINGS, r);
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(201);
        clock.advance(Duration.ofMinutes(1));
    }

    @Test
    void theReportAndThePublishedResultsAreAccessiblePrintOnA4AndPublishNoPersonalData() throws Exception {
        Path chromium = HeadlessChromium.executable().orElse(null);
        Assumptions.assumeTrue(chromium != null,
                "chromium is not installed (Debian package 'chromium'): the report pages are not checked in a browser");
        String axe = AxeCore.source().orElseThrow(() -> new AssertionError(
                "axe-core is missing: run npm ci in tools/web-checks (test-all.sh does)"));
        for (String[] w : List.of(new String[] {"W-03", "社保科"}, new String[] {"W-05", "医保科"})) {
            assertThat(clerk("PUT", ApiPaths.CLERK_RATING_WINDOWS, TestTerminal.JSON.writeValueAsString(Map.of(
                    "hallCode", "HALL-1", "windowId", w[0], "department", w[1], "updatedBy", "MGR-1"))).statusCode())
                    .isEqualTo(200);
        }
        rated("p1", "W-03", "CLERK-LI", 5, false);
        rated("p2", "W-03", "CLERK-LI", 1, false);
        rated("p3", "W-05", "CLERK-WANG", 2, true);
        rated("p4", "W-05", "CLERK-WANG", 4, false);
        rated("p5", null, null, 3, false);

        String published = server.baseUri() + ApiPaths.RATINGS_PUBLISHED_PAGE + "?hall=HALL-1&month=" + MONTH;
        HttpResponse<String> plain = page(published, null);
        assertThat(plain.statusCode()).isEqualTo(200);
        assertThat(plain.body()).contains("社保科", "医保科", ITEM_NAME, "未指定")
                .doesNotContain("CLERK-LI", "CLERK-WANG", "张三", "13800138000", "138****", "GK", "T-001");

        try (HeadlessChromium browser = HeadlessChromium.launch(chromium,
                Files.createDirectories(dir.resolve("profile")))) {
            browser.viewport(1280, 900, false);
            browser.headers(Map.of("Authorization", "Bearer " + RunningPlatform.CLERK,
                    "Accept-Language", "zh-CN,zh;q=0.9"));
            browser.navigate(server.baseUri() + ApiPaths.CLERK_RATING_REPORTS + "?by=department&format=html&month="
                    + MONTH);
            look(browser, axe, "report-department-zh");
            assertThat(browser.evaluate("document.documentElement.lang")).contains("zh-CN");
            assertThat(browser.evaluate("document.querySelector('tfoot th').textContent")).contains("全部");
            assertThat(browser.evaluate("document.body.innerText")).get().asString().contains("社保科", "默认评价",
                    "申诉成立");
            Path print = OUT.resolve("report-department-zh.pdf");
            browser.printToPdf(print);
            assertThat(pageSize(print)).as("A4 landscape").matches("Page size: +841\\.\\d+ x 59[45]\\.\\d+ pts \\(A4\\)");

            browser.navigate(server.baseUri() + ApiPaths.CLERK_RATING_REPORTS + "?by=clerk&format=html&lang=en&month="
                    + MONTH);
            look(browser, axe, "report-clerk-en");
            assertThat(browser.evaluate("document.body.innerText")).get().asString().contains("CLERK-LI",
                    "Follow-up rate", "Bad rate");

            browser.headers(Map.of("Accept-Language", "zh-CN,zh;q=0.9"));
            browser.navigate(published);
            look(browser, axe, "published-zh");
            Path publicPrint = OUT.resolve("published-zh.pdf");
            browser.printToPdf(publicPrint);
            assertThat(pageSize(publicPrint)).as("A4 portrait").matches("Page size: +59[45]\\.\\d+ x 841\\.\\d+ pts \\(A4\\)");
            assertThat(browser.evaluate("String(document.querySelectorAll('table').length)")).contains("2");

            assertThat(clerk("PUT", ApiPaths.CLERK_RATING_PUBLICATION, "{\"hallCode\":\"HALL-1\",\"showClerks\":true,"
                    + "\"updatedBy\":\"MGR-1\"}").statusCode()).isEqualTo(200);
            browser.navigate(published + "&lang=en");
            look(browser, axe, "published-clerks-en");
            assertThat(browser.evaluate("document.body.innerText")).get().asString().contains("CLERK-LI",
                    "Published service ratings").doesNotContain("张三", "13800138000");

            // The check can fail: a form field without a label, as a careless change would add, is found.
            browser.evaluate("document.querySelector('main').insertAdjacentHTML('beforeend',"
                    + " '<input type=checkbox name=x>'); 'added'");
            assertThat(axeViolations(browser, axe)).anyMatch(v -> v.startsWith("critical label"));
        }
        assertThat(page(server.baseUri() + ApiPaths.RATINGS_PUBLISHED_PAGE + "?hall=HALL-9", null).statusCode())
                .isEqualTo(404);
    }
}
