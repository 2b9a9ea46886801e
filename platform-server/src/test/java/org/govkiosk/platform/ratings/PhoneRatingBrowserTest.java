package org.govkiosk.platform.ratings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.govkiosk.api.ApiPaths;
import org.govkiosk.api.CaseReceipt;
import org.govkiosk.platform.browser.AxeCore;
import org.govkiosk.platform.browser.HeadlessChromium;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The phone rating page in a real headless Chromium on a 360×740 phone: no sideways scrolling, no text under
 * 16 px, every control at least 44×44 px, and axe-core (pinned in tools/web-checks, installed by test-all.sh with npm
 * ci) finds no serious or critical violation on the form, the form with a problem, the thanks page, the English
 * page and the refusal page. The citizen taps through as on a phone. Screenshots: target/phone-rating/*.png.
 */
class PhoneRatingBrowserTest extends PhonePlatform {

    private static final int WIDTH = 360;
    private static final int HEIGHT = 740;
    private static final Path SHOTS = Path.of("target/phone-rating");

    @TempDir
    Path dir;

    /** What a person would find wrong at this size, one line each; empty when nothing. */
    private static final String LAYOUT_CHECK = """
            (() => {
              const out = [];
              const de = document.documentElement;
              if (de.scrollWidth > window.innerWidth) out.push('scrolls sideways: ' + de.scrollWidth + ' > ' + window.innerWidth);
              if (window.innerWidth !== %d) out.push('viewport is ' + window.innerWidth + ' px wide');
              for (const el of document.querySelectorAll('body *')) {
                const own = Array.from(el.childNodes).some(n => n.nodeType === 3 && n.textContent.trim());
                if (own && el.offsetParent !== null) {
                  const size = parseFloat(getComputedStyle(el).fontSize);
                  if (size < 16) out.push('text under 16 px (' + size + '): ' + el.textContent.trim().slice(0, 30));
                }
                const r = el.getBoundingClientRect();
                if (r.right > window.innerWidth + 0.5 && el.offsetParent !== null) out.push('past the right edge: ' + el.tagName + ' ' + el.textContent.trim().slice(0, 20));
              }
              for (const el of document.querySelectorAll('label.choice, button, a, textarea')) {
                const r = el.getBoundingClientRect();
                if (r.height < 44 || r.width < 44) out.push('touch target ' + Math.round(r.width) + 'x' + Math.round(r.height) + ': ' + el.tagName + ' ' + el.textContent.trim().slice(0, 20));
              }
              return out.join('\\n');
            })()""".formatted(WIDTH);

    /** How many rules axe-core ran, then one line per serious or critical violation. */
    private static final String AXE_RUN = "axe.run(document, {resultTypes: ['violations']}).then(r => ["
            + "'rules ' + (r.passes.length + r.violations.length + r.incomplete.length + r.inapplicable.length)]"
            + ".concat(r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')"
            + ".map(v => v.impact + ' ' + v.id + ': ' + v.help + ' at ' + v.nodes.map(n => n.target.join(' ')).join(', ')))"
            + ".join('\\n'))";

    /** The serious or critical violations axe-core finds on the page as it is now, one a line. */
    private static List<String> axeViolations(HeadlessChromium browser, String axe) throws Exception {
        if (browser.evaluate("typeof axe").orElse("").equals("undefined")) {
            browser.evaluate(axe + ";'loaded'");
        }
        assertThat(browser.evaluate("typeof axe")).as("axe-core loaded").contains("object");
        List<String> lines = List.of(browser.evaluateAwaited(AXE_RUN).split("\n"));
        assertThat(lines.get(0)).as("axe-core ran its rules").matches("rules \\d{2,}");
        return lines.subList(1, lines.size());
    }

    private void checkAsAPersonWould(HeadlessChromium browser, String axe, String name) throws Exception {
        browser.screenshot(SHOTS.resolve(name + ".png"));
        assertThat(browser.evaluate(LAYOUT_CHECK).orElseThrow()).as(name + ": layout at 360 px").isEmpty();
        assertThat(axeViolations(browser, axe)).as(name + ": axe-core serious or critical violations").isEmpty();
    }

    @Test
    void aCitizenRatesOnA360PxPhoneAndEveryPageIsAccessible() throws Exception {
        Path chromium = HeadlessChromium.executable().orElse(null);
        Assumptions.assumeTrue(chromium != null,
                "chromium is not installed (Debian package 'chromium'): the phone page is not checked in a browser");
        String axe = AxeCore.source().orElseThrow(() -> new AssertionError(
                "axe-core is missing: run npm ci in tools/web-checks (test-all.sh does)"));
        CaseReceipt receipt = fileCase("b1", PHONE);

        try (HeadlessChromium browser = HeadlessChromium.launch(chromium, Files.createDirectories(dir.resolve("profile")))) {
            browser.viewport(WIDTH, HEIGHT, true);
            browser.languages("zh-CN,zh;q=0.9,en;q=0.3");
            browser.navigate(receipt.ratingUrl());
            browser.await("the rating form", "String(!!document.querySelector('form'))", "true"::equals);
            assertThat(browser.evaluate("document.documentElement.lang")).contains("zh-CN");
            assertThat(browser.evaluate("document.getElementById('item').textContent")).contains(ITEM_NAME);
            // Impartial: the five levels render the same size.
            assertThat(browser.evaluate("Array.from(document.querySelectorAll('#overall label')).map(l => {"
                    + " const r = l.getBoundingClientRect(); const s = getComputedStyle(l);"
                    + " return Math.round(r.width) + 'x' + Math.round(r.height) + ' ' + s.fontSize + ' ' + s.fontWeight"
                    + " + ' ' + s.backgroundColor; }).filter((v, i, a) => a.indexOf(v) === i).length + ''"))
                    .contains("1");
            checkAsAPersonWould(browser, axe, "form-zh");

            // 非常不满意 without a reason: the page asks for one and keeps the choice.
            browser.evaluate("document.querySelector('#overall input[value=\"1\"]').closest('label').click();"
                    + " document.querySelector('button[type=submit]').click(); 'sent'");
            browser.await("the problem", "String(!!document.getElementById('problem'))", "true"::equals);
            assertThat(browser.evaluate("document.querySelector('#overall input[value=\"1\"]').checked + ''"))
                    .contains("true");
            checkAsAPersonWould(browser, axe, "form-problem-zh");

            browser.evaluate("document.querySelector('input[name=reason][value=SERVICE_ATTITUDE]').closest('label')"
                    + ".click(); document.querySelector('#q-GUIDE_CLEAR input[value=\"2\"]').closest('label').click();"
                    + " document.querySelector('button[type=submit]').click(); 'sent'");
            browser.await("the thanks", "String(document.getElementById('outcome') &&"
                    + " document.getElementById('outcome').dataset.outcome)", "thanks"::equals);
            checkAsAPersonWould(browser, axe, "thanks-zh");

            // Again (a second tap, or later): the rating given, nothing more stored.
            browser.navigate(receipt.ratingUrl() + "&lang=en");
            browser.await("the rating given, in English", "String(document.getElementById('outcome') &&"
                    + " document.getElementById('outcome').dataset.outcome)", "given"::equals);
            assertThat(browser.evaluate("document.body.innerText")).get().asString()
                    .contains("This service has been rated", "Very dissatisfied");
            checkAsAPersonWould(browser, axe, "given-en");

            CaseReceipt other = fileCase("b2", PHONE);
            browser.navigate(other.ratingUrl() + "&lang=en");
            browser.await("the English form", "String(!!document.querySelector('form'))", "true"::equals);
            assertThat(browser.evaluate("document.body.innerText")).get().asString().contains(
                    "Enrolment in basic pension insurance", "Fairly satisfied", "Rate anonymously");
            checkAsAPersonWould(browser, axe, "form-en");

            browser.navigate(server.baseUri() + ApiPaths.RATE_PAGE + "?t=forged.token");
            browser.await("the refusal", "String(document.getElementById('outcome') &&"
                    + " document.getElementById('outcome').dataset.outcome)", "invalid"::equals);
            checkAsAPersonWould(browser, axe, "invalid-zh");

            // The check can fail: a tick box without a label, as a careless change would add, is found.
            browser.evaluate("document.querySelector('main').insertAdjacentHTML('beforeend',"
                    + " '<input type=checkbox name=x>'); 'added'");
            assertThat(axeViolations(browser, axe)).anyMatch(v -> v.startsWith("critical label"));
        }
        assertThat(outcome(page(receipt.ratingUrl(), null).body())).isEqualTo("given");
    }
}
