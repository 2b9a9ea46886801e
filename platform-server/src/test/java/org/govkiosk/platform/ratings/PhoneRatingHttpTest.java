package org.govkiosk.platform.ratings;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.govkiosk.api.ApiPaths;
import org.govkiosk.api.CaseReceipt;
import org.govkiosk.api.NationalRating;
import org.govkiosk.api.NationalRatingPage;
import org.govkiosk.api.RatingChannel;
import org.govkiosk.api.RatingSubmission;
import org.govkiosk.platform.TestTerminal;
import org.junit.jupiter.api.Test;

/**
 * The phone rating page over HTTP: a case's receipt carries a link the platform signed; the page names the item,
 * offers the five levels alike and the item's own questions from the catalog, in Chinese or English; a bad rating
 * needs a reason; one rating per contact, with channel PHONE_QR; a forged or altered link is refused with a page.
 */
class PhoneRatingHttpTest extends PhonePlatform {

    private List<NationalRating> national() throws Exception {
        clock.advance(java.time.Duration.ofMinutes(5)); // past the export's settle time
        HttpResponse<String> r = clerk("GET", ApiPaths.CLERK_NATIONAL_RATINGS, null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return TestTerminal.JSON.readValue(r.body(), NationalRatingPage.class).ratings();
    }

    @Test
    void theReceiptsLinkOpensTheFormWithTheItemTheFiveLevelsAndTheItemsQuestionsInBothLanguages() throws Exception {
        CaseReceipt receipt = fileCase("k1", PHONE);
        assertThat(receipt.ratingUrl()).startsWith(server.baseUri() + ApiPaths.RATE_PAGE + "?t=");

        HttpResponse<String> zh = page(receipt.ratingUrl(), "zh-CN,zh;q=0.9,en;q=0.5");
        assertThat(zh.statusCode()).as(zh.body()).isEqualTo(200);
        assertThat(zh.headers().firstValue("Content-Security-Policy")).get().asString().contains("default-src 'none'");
        assertThat(zh.body()).contains("<html lang=\"zh-CN\"", ITEM_NAME, receipt.caseNumber(),
                "办事指南和材料清单是否清楚准确", "是否一次办成、无需重复跑腿", "不公开评价", "name=\"viewport\"");
        List<String> levels = List.of("非常满意", "满意", "基本满意", "不满意", "非常不满意");
        int from = zh.body().indexOf("id=\"overall\"");
        String overall = zh.body().substring(from, zh.body().indexOf("</fieldset>", from));
        // Impartial: the five in the national order, each the same markup, none chosen in advance.
        assertThat(overall.split("<label class=\"choice\">", -1)).hasSize(6);
        for (int i = 0; i < 5; i++) {
            assertThat(overall).contains("value=\"" + (5 - i) + "\" required> " + levels.get(i) + "</label>");
        }
        assertThat(overall).doesNotContain("checked");

        HttpResponse<String> en = page(receipt.ratingUrl(), "en-GB,en;q=0.9");
        assertThat(en.body()).contains("<html lang=\"en\"",
                "Enrolment in basic pension insurance for urban and rural residents",
                "Were the guide and the list of materials clear and accurate?", "Very dissatisfied",
                "Rate anonymously", ">中文</a>");
        assertThat(en.body()).doesNotContain("非常满意", "办事指南和材料清单");
        // The switch link of the Chinese page opens the English one.
        assertThat(page(receipt.ratingUrl() + "&lang=en", "zh-CN").body()).contains("Rate our service");
        assertThat(zh.body()).contains("href=\"/rate?t=" + PhonePlatform.token(receipt.ratingUrl()) + "&amp;lang=en\"");
    }

    @Test
    void aBadRatingNeedsAReasonThenIsStoredOnceWithChannelPhoneQrAndTheItemsAnswers() throws Exception {
        CaseReceipt receipt = fileCase("k2", PHONE);
        String token = token(receipt.ratingUrl());

        HttpResponse<String> noReason = submit(token, "level", "1", "q.GUIDE_CLEAR", "2", "anonymous", "on");
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(noReason.body()).contains("role=\"alert\"", "请至少选择一项不满意的方面");
        // What was chosen comes back chosen.
        assertThat(noReason.body()).contains("name=\"level\" value=\"1\" required checked",
                "name=\"q.GUIDE_CLEAR\" value=\"2\" checked", "name=\"anonymous\" value=\"on\" checked");
        assertThat(outcome(submit(token).body())).isEqualTo("form"); // no level: asked again, nothing stored
        assertThat(national()).isEmpty();

        HttpResponse<String> rated = submit(token, "level", "1", "q.GUIDE_CLEAR", "2", "q.NOT_ASKED", "5",
                "reason", "SERVICE_ATTITUDE", "reason", "MADE_UP", "comment", "  等了很久 ", "anonymous", "on");
        assertThat(rated.statusCode()).as(rated.body()).isEqualTo(200);
        assertThat(outcome(rated.body())).isEqualTo("thanks");
        assertThat(rated.body()).contains("非常不满意");

        // A double tap or a second opinion: nothing more is stored; the page shows the rating given.
        HttpResponse<String> again = submit(token, "level", "5");
        assertThat(outcome(again.body())).isEqualTo("given");
        assertThat(again.body()).contains("data-level=\"1\"");
        assertThat(outcome(page(receipt.ratingUrl(), null).body())).isEqualTo("given");

        List<NationalRating> stored = national();
        assertThat(stored).hasSize(1);
        NationalRating r = stored.get(0);
        assertThat(r.caseNumber()).isEqualTo(receipt.caseNumber());
        assertThat(r.serviceSequence()).isEqualTo(RatingWindow.CASE_CONTACT);
        assertThat(r.channelCode()).isEqualTo(RatingChannel.PHONE_QR.usualPfCode());
        assertThat(r.level()).isEqualTo(1);
        assertThat(r.indicatorLevels()).isEqualTo(Map.of("OVERALL", 1, "GUIDE_CLEAR", 2));
        assertThat(r.reasonCodes()).containsExactly("SERVICE_ATTITUDE");
        assertThat(r.comment()).isEqualTo("等了很久");
        assertThat(r.anonymous()).isTrue();
        assertThat(r.defaulted()).isFalse();
        assertThat(r.hallCode()).isEqualTo("HALL-1");
        // It is on the bad-rating work list like any other.
        assertThat(clerk("GET", ApiPaths.CLERK_BAD_RATINGS, null).body()).contains(receipt.caseNumber(), "PHONE_QR");
    }

    @Test
    void aForgedAlteredOrExpiredLinkGetsAPageSayingSoAndStoresNothing() throws Exception {
        CaseReceipt receipt = fileCase("k3", PHONE);
        String token = token(receipt.ratingUrl());
        RatingLinks genuine = platformLinks();
        RatingLink link = genuine.verify(token).orElseThrow();

        // Another key: a link made up by whoever does not hold the platform's.
        RatingLinks forger = new RatingLinks(new byte[32], () -> server.baseUri().toString());
        String forged = token(forger.url(link));
        // The same MAC on an altered body: another case number.
        String body = token.substring(0, token.indexOf('.'));
        String otherCase = genuine.token(new RatingLink(link.caseNumber() + "9", link.serviceSequence(), null,
                link.itemCode(), link.lastDay(), link.source()));
        String altered = otherCase.substring(0, otherCase.indexOf('.')) + token.substring(token.indexOf('.'));
        assertThat(altered).isNotEqualTo(token).doesNotStartWith(body);
        for (String bad : List.of(forged, altered, "", "abc", token + "x", token.replace('.', '-'))) {
            HttpResponse<String> shown = page(server.baseUri() + ApiPaths.RATE_PAGE + "?t=" + bad, null);
            assertThat(shown.statusCode()).as(bad).isEqualTo(400);
            assertThat(outcome(shown.body())).as(bad).isEqualTo("invalid");
            assertThat(shown.body()).contains("评价链接无效");
            HttpResponse<String> posted = submit(bad, "level", "5");
            assertThat(outcome(posted.body())).as(bad).isEqualTo("invalid");
        }
        assertThat(page(server.baseUri() + ApiPaths.RATE_PAGE, null).statusCode()).isEqualTo(400);

        // A genuine link after its last day: expired (the case was never decided, so no invitation extends it).
        clock.set(link.lastDay().plusDays(1).atStartOfDay(java.time.ZoneId.of("Asia/Shanghai")).toInstant());
        HttpResponse<String> late = page(receipt.ratingUrl(), null);
        assertThat(late.statusCode()).isEqualTo(400);
        assertThat(outcome(late.body())).isEqualTo("expired");
        assertThat(outcome(submit(token, "level", "5").body())).isEqualTo("expired");
        assertThat(national()).isEmpty();
    }

    @Test
    void theReceiptLinkRunsFiveWorkingDaysPastThePromisedDateCountedOnTheCalendar() throws Exception {
        CaseReceipt receipt = fileCase("k4", PHONE);
        RatingLink link = platformLinks().verify(token(receipt.ratingUrl())).orElseThrow();
        assertThat(link.caseNumber()).isEqualTo(receipt.caseNumber());
        assertThat(link.itemCode()).isEqualTo(ITEM);
        assertThat(link.windowId()).isNull();
        assertThat(link.source()).isEqualTo(RatingLink.Source.QR);
        org.govkiosk.shared.calendar.WorkingCalendar calendar = org.govkiosk.shared.calendar.WorkingCalendar
                .load(java.nio.file.Path.of("../config/calendar"));
        LocalDate from = receipt.promisedDate() != null ? receipt.promisedDate() : LocalDate.of(2025, 4, 1);
        assertThat(link.lastDay()).isEqualTo(calendar.addWorkingDays(from, 5));
    }

    @Test
    void aTerminalCannotSendARatingAsIfFromThePhonePage() throws Exception {
        String caseNumber = fileCase("k5", PHONE).caseNumber();
        RatingSubmission asPhone = new RatingSubmission("t-k5", caseNumber, "1", ITEM, "HALL-1", terminal.id, null,
                null, RatingChannel.PHONE_QR, 5, Map.of("OVERALL", 5), List.of(), null, false, clock.instant());
        HttpResponse<String> r = terminal.post(ApiPaths.RATINGS, asPhone);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(r.body()).contains("PHONE_QR");
        assertThat(national()).isEmpty();
    }

    /** The platform's own link key, read from its database as a second instance would. */
    private RatingLinks platformLinks() {
        try (org.govkiosk.platform.store.Database db = org.govkiosk.platform.store.Database.open(configUsed.dbUrl(),
                null, null)) {
            return RatingLinks.of(db, Instant.EPOCH, () -> server.baseUri().toString());
        }
    }
}
