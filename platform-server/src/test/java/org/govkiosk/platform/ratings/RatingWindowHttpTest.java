package org.govkiosk.platform.ratings;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.govkiosk.api.ApiPaths;
import org.govkiosk.api.NationalRating;
import org.govkiosk.api.NationalRatingPage;
import org.govkiosk.api.RatingSummary;
import org.govkiosk.platform.PlatformServer;
import org.govkiosk.platform.TestTerminal;
import org.govkiosk.platform.sms.OutboxSmsGateway;
import org.junit.jupiter.api.Test;

/**
 * The rating window with a clock moved by hand: a case decided on Tuesday 1 April 2025 is invited once by SMS (the
 * number never in full in the log) and may be rated until Wednesday 9 April, five working days counted over 清明
 * (4-6 April; weekends only would end it on the 8th); at midnight it counts as 基本满意 by default, once, even with
 * two platform instances closing windows at the same moment; a contact rated in time gets no default; every
 * report shows the defaults apart.
 */
class RatingWindowHttpTest extends PhonePlatform {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private void at(LocalDate day, int hour, int minute) {
        clock.set(day.atTime(hour, minute).atZone(SHANGHAI).toInstant());
    }

    private List<NationalRating> national() throws Exception {
        clock.advance(java.time.Duration.ofMinutes(5)); // past the export's settle time
        HttpResponse<String> r = clerk("GET", ApiPaths.CLERK_NATIONAL_RATINGS, null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return TestTerminal.JSON.readValue(r.body(), NationalRatingPage.class).ratings();
    }

    private RatingSummary summary() throws Exception {
        HttpResponse<String> r = clerk("GET", ApiPaths.CLERK_RATING_SUMMARY + "?from=2025-04-01&to=2025-04-30", null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return TestTerminal.JSON.readValue(r.body(), RatingSummary.class);
    }

    @Test
    void aDecidedCaseIsInvitedOnceAndCountsAsFairlySatisfiedByDefaultOnlyAfterFiveWorkingDays() throws Exception {
        String unrated = fileCase("w1", PHONE).caseNumber();
        String rated = fileCase("w2", "13900139000").caseNumber();
        String noPhone = fileCase("w3", null).caseNumber();
        assertThat(server.ratings().runOnce().invited()).as("nothing decided yet").isZero();
        for (String n : List.of(unrated, rated, noPhone)) {
            complete(n);
        }
        assertThat(server.ratings().runOnce().invited()).as("not at once: the citizen may be rating at the terminal")
                .isZero();
        clock.advance(RatingWindow.GRACE);

        Ratings.Run first = server.ratings().runOnce();
        assertThat(first.invited()).isEqualTo(3);
        assertThat(first.smsQueued()).as("the case without a phone gets no SMS").isEqualTo(2);
        assertThat(server.ratings().runOnce().invited()).as("invited once").isZero();
        List<OutboxSmsGateway.Row> sms = server.ratings().sms().rows();
        assertThat(sms).extracting(OutboxSmsGateway.Row::phone).containsExactlyInAnyOrder(PHONE, "13900139000");
        OutboxSmsGateway.Row toUnrated = sms.stream().filter(m -> m.phone().equals(PHONE)).findFirst().orElseThrow();
        assertThat(toUnrated.text()).startsWith("【政务服务】").contains(ITEM_NAME, "4月9日前有效",
                server.baseUri() + ApiPaths.RATE_PAGE + "?t=");
        assertThat(toUnrated.state()).isEqualTo("PENDING");
        assertThat(toUnrated.toString()).contains("138****8000").doesNotContain(PHONE);

        // The SMS link says where it came from: a rating through it is PHONE_SMS.
        OutboxSmsGateway.Row toRated = sms.stream().filter(m -> m.phone().equals("13900139000")).findFirst()
                .orElseThrow();
        String smsToken = token(toRated.text().substring(toRated.text().indexOf("http")));
        at(LocalDate.of(2025, 4, 9), 23, 50); // the last day, late: still in time
        HttpResponse<String> inTime = submit(smsToken, "level", "4");
        assertThat(outcome(inTime.body())).as(inTime.body()).isEqualTo("thanks");

        assertThat(server.ratings().runOnce().defaulted()).as("9 April is still in the window").isZero();
        at(LocalDate.of(2025, 4, 8), 23, 59);
        assertThat(server.ratings().runOnce().defaulted()).isZero();
        at(LocalDate.of(2025, 4, 10), 0, 0);
        assertThat(server.ratings().runOnce().defaulted()).as("unrated and no-phone cases").isEqualTo(2);
        assertThat(server.ratings().runOnce().defaulted()).as("idempotent").isZero();

        List<NationalRating> all = national();
        assertThat(all).hasSize(3);
        NationalRating byDefault = all.stream().filter(r -> r.caseNumber().equals(unrated)).findFirst().orElseThrow();
        assertThat(byDefault.defaulted()).isTrue();
        assertThat(byDefault.level()).isEqualTo(3);
        assertThat(byDefault.ratedAt()).isEqualTo(LocalDate.of(2025, 4, 10).atStartOfDay(SHANGHAI).toInstant());
        NationalRating given = all.stream().filter(r -> r.caseNumber().equals(rated)).findFirst().orElseThrow();
        assertThat(given.defaulted()).isFalse();
        assertThat(given.level()).isEqualTo(4);
        assertThat(given.channelCode()).isEqualTo("7");

        RatingSummary counted = summary();
        assertThat(counted.given()).isEqualTo(1);
        assertThat(counted.givenByLevel()).containsEntry("4", 1).containsEntry("3", 0);
        assertThat(counted.defaulted()).isEqualTo(2);
        assertThat(counted.badGiven()).isZero();

        // The page of a defaulted contact says so, and takes no rating any more.
        String receiptToken = token(fileCaseUrlFor(unrated));
        HttpResponse<String> shown = submit(receiptToken, "level", "1", "reason", "OVERALL");
        assertThat(outcome(shown.body())).isEqualTo("given");
        assertThat(shown.body()).contains("data-defaulted=\"true\"", "默认评价");
    }

    /** The rating link of an existing case, as its receipt carried it (a resend answers the same receipt). */
    private String fileCaseUrlFor(String caseNumber) throws Exception {
        HttpResponse<String> again = terminal.post(ApiPaths.CASES, submission(terminal.id, "w1", PHONE));
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        org.govkiosk.api.CaseReceipt receipt = TestTerminal.read(again, org.govkiosk.api.CaseReceipt.class);
        assertThat(receipt.caseNumber()).isEqualTo(caseNumber);
        return receipt.ratingUrl();
    }

    @Test
    void twoInstancesClosingTheSameWindowsAtOnceRecordEachDefaultOnceAndQueueEachInvitationOnce() throws Exception {
        List<String> cases = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String n = fileCase("r" + i, "1380013" + String.format("%04d", i)).caseNumber();
            complete(n);
            cases.add(n);
        }
        clock.advance(RatingWindow.GRACE);
        try (PlatformServer second = PlatformServer.start(configUsed, RatingSettings.defaults().unscheduled(),
                clock)) {
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Callable<Ratings.Run>> runs = List.of(server.ratings()::runOnce, second.ratings()::runOnce,
                        server.ratings()::runOnce, second.ratings()::runOnce);
                int invited = 0;
                for (Future<Ratings.Run> f : pool.invokeAll(runs)) {
                    invited += f.get().invited();
                }
                assertThat(invited).isEqualTo(12);
                assertThat(server.ratings().sms().rows()).hasSize(12);

                at(LocalDate.of(2025, 4, 10), 0, 1);
                int defaulted = 0;
                for (Future<Ratings.Run> f : pool.invokeAll(runs)) {
                    defaulted += f.get().defaulted();
                }
                assertThat(defaulted).isEqualTo(12);
            } finally {
                pool.shutdownNow();
            }
        }
        assertThat(national()).hasSize(12).allMatch(NationalRating::defaulted);
        assertThat(summary().defaulted()).isEqualTo(12);
    }

    @Test
    void aWindowContactAskedForARatingIsInvitedAndClosedLikeACase() throws Exception {
        String caseNumber = fileCase("p1", PHONE).caseNumber();
        TestTerminal pad = new TestTerminal(server.baseUri(), "PAD-A", clock)
                .registered(org.govkiosk.platform.RunningPlatform.ENROLMENT);
        assertThat(pad.post(ApiPaths.PADS, new org.govkiosk.api.PadRegistration(pad.id, "HALL-1", "W-07"))
                .statusCode()).isEqualTo(200);
        HttpResponse<String> asked = clerk("POST", ApiPaths.CLERK_RATING_REQUESTS, TestTerminal.JSON
                .writeValueAsString(new org.govkiosk.api.RatingRequest("HALL-1", "W-07", caseNumber, "2", ITEM,
                        ITEM_NAME, "CLERK-7", "李明")));
        assertThat(asked.statusCode()).as(asked.body()).isIn(200, 201);
        // A second contact of the case, rated on the pad at once: invited, but no SMS asks for it again.
        HttpResponse<String> askedAgain = clerk("POST", ApiPaths.CLERK_RATING_REQUESTS, TestTerminal.JSON
                .writeValueAsString(new org.govkiosk.api.RatingRequest("HALL-1", "W-07", caseNumber, "3", ITEM,
                        ITEM_NAME, "CLERK-7", "李明")));
        assertThat(askedAgain.statusCode()).as(askedAgain.body()).isIn(200, 201);
        HttpResponse<String> padRated = pad.post(ApiPaths.RATINGS, new org.govkiosk.api.RatingSubmission("pad-3",
                caseNumber, "3", ITEM, "HALL-1", pad.id, "W-07", "CLERK-7", org.govkiosk.api.RatingChannel.WINDOW_PAD,
                5, java.util.Map.of("OVERALL", 5), List.of(), null, false, clock.instant()));
        assertThat(padRated.statusCode()).as(padRated.body()).isEqualTo(201);
        assertThat(server.ratings().runOnce().invited()).as("within the grace time").isZero();
        clock.advance(RatingWindow.GRACE);

        Ratings.Run run = server.ratings().runOnce();
        assertThat(run.invited()).isEqualTo(2);
        assertThat(run.smsQueued()).as("none for the contact rated on the pad").isEqualTo(1);
        OutboxSmsGateway.Row sms = server.ratings().sms().rows().get(0);
        assertThat(sms.text()).contains("W-07号窗口");
        String token = token(sms.text().substring(sms.text().indexOf("http")));
        HttpResponse<String> form = page(server.baseUri() + ApiPaths.RATE_PAGE + "?t=" + token, null);
        assertThat(form.body()).contains("id=\"window\">W-07<", ITEM_NAME);

        at(LocalDate.of(2025, 4, 10), 0, 0);
        assertThat(server.ratings().runOnce().defaulted()).as("only the unrated contact").isEqualTo(1);
        NationalRating r = national().stream().filter(NationalRating::defaulted).findFirst().orElseThrow();
        assertThat(r.windowId()).isEqualTo("W-07");
        assertThat(r.clerkId()).isEqualTo("CLERK-7");
        assertThat(r.serviceSequence()).isEqualTo("2");
        assertThat(r.defaulted()).isTrue();
    }
}
