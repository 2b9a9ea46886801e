package org.govkiosk.platform.pads;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.govkiosk.api.ApiPaths;
import org.govkiosk.api.BadRating;
import org.govkiosk.api.BadRatingList;
import org.govkiosk.api.ErrorCodes;
import org.govkiosk.api.FollowUpState;
import org.govkiosk.api.NationalRating;
import org.govkiosk.api.NationalRatingPage;
import org.govkiosk.api.RatingFollowUp;
import org.govkiosk.platform.Fixtures;
import org.govkiosk.platform.RunningPlatform;
import org.govkiosk.platform.TestTerminal;
import org.junit.jupiter.api.Test;

/** The bad-rating work list with follow-ups, and the national export a forwarder pages through. */
class RatingReportsHttpTest extends RunningPlatform {

    private final java.util.Map<String, String> numbers = new java.util.HashMap<>();

    /** The number of the case filed for a label (filed on first use): ratings are for cases the platform holds. */
    private String n(String label) throws Exception {
        String known = numbers.get(label);
        if (known == null) {
            known = fileCase("case-" + label);
            numbers.put(label, known);
        }
        return known;
    }

    private void rate(String key, String caseNumber, int level) throws Exception {
        HttpResponse<String> r = terminal.post(ApiPaths.RATINGS, Fixtures.rating(terminal.id, key, caseNumber, "1",
                level));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    }

    private BadRatingList bad(String query) throws Exception {
        HttpResponse<String> r = clerk("GET", ApiPaths.CLERK_BAD_RATINGS + query, null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return TestTerminal.read(r, BadRatingList.class);
    }

    @Test
    void badRatingsAreAWorkListThatFollowUpsMoveOn() throws Exception {
        rate("k1", n("CASE-1"), 1);
        clock.advance(Duration.ofSeconds(1));
        rate("k2", n("CASE-2"), 4);
        clock.advance(Duration.ofSeconds(1));
        rate("k3", n("CASE-3"), 2);

        List<BadRating> open = bad("?state=OPEN").ratings();
        assertThat(open).extracting(BadRating::caseNumber).containsExactly(n("CASE-1"), n("CASE-3"));
        assertThat(open.get(0).badReasons()).containsExactly("SERVICE_ATTITUDE");
        assertThat(open.get(0).followUpState()).isEqualTo(FollowUpState.OPEN);

        String id = open.get(0).ratingId();
        HttpResponse<String> noNote = clerk("POST", ApiPaths.CLERK_RATING_FOLLOW_UPS,
                "{\"ratingId\":\"" + id + "\",\"state\":\"RESOLVED\"}");
        assertThat(noNote.statusCode()).isEqualTo(400);
        assertThat(TestTerminal.error(noNote).message()).contains("note");

        HttpResponse<String> resolved = clerk("POST", ApiPaths.CLERK_RATING_FOLLOW_UPS, TestTerminal.JSON
                .writeValueAsString(new RatingFollowUp(id, FollowUpState.RESOLVED, "已回访，窗口增设叫号提醒")));
        assertThat(resolved.statusCode()).as(resolved.body()).isEqualTo(200);
        assertThat(TestTerminal.read(resolved, BadRating.class).followUpNote()).isEqualTo("已回访，窗口增设叫号提醒");

        assertThat(bad("?state=OPEN").ratings()).extracting(BadRating::caseNumber).containsExactly(n("CASE-3"));
        assertThat(bad("?state=RESOLVED").ratings()).extracting(BadRating::ratingId).containsExactly(id);
        assertThat(bad("").ratings()).hasSize(2);
    }

    @Test
    void followUpsOfUnknownOrGoodRatingsAndBadQueriesAreRefused() throws Exception {
        rate("k2", n("CASE-2"), 4);
        HttpResponse<String> unknown = clerk("POST", ApiPaths.CLERK_RATING_FOLLOW_UPS,
                "{\"ratingId\":\"nope\",\"state\":\"IN_PROGRESS\"}");
        assertThat(unknown.statusCode()).isEqualTo(404);
        String good = clerk("GET", ApiPaths.CLERK_NATIONAL_RATINGS, null).body();
        assertThat(good).isNotNull();
        assertThat(clerk("GET", ApiPaths.CLERK_BAD_RATINGS + "?state=DONE", null).statusCode()).isEqualTo(400);
        assertThat(clerk("GET", ApiPaths.CLERK_BAD_RATINGS + "?limit=0", null).statusCode()).isEqualTo(400);
        assertThat(clerk("GET", ApiPaths.CLERK_NATIONAL_RATINGS + "?after=xyz", null).statusCode()).isEqualTo(400);
        assertThat(plain("GET", ApiPaths.CLERK_BAD_RATINGS).statusCode()).isEqualTo(401);
        assertThat(plain("GET", ApiPaths.CLERK_NATIONAL_RATINGS).statusCode()).isEqualTo(401);
    }

    @Test
    void theNationalExportPagesThroughEveryRatingOnceInTheOrderReceived() throws Exception {
        for (int i = 0; i < 5; i++) {
            rate("k" + i, n("CASE-" + i), i % 2 == 0 ? 2 : 5);
        }
        NationalRatingPage settling = page(null, 10);
        assertThat(settling.ratings()).as("just received: still settling").isEmpty();
        clock.advance(Duration.ofSeconds(3));

        List<NationalRating> all = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        for (NationalRatingPage p; !(p = page(cursor, 2)).ratings().isEmpty(); cursor = p.nextCursor()) {
            all.addAll(p.ratings());
            pages++;
        }
        assertThat(pages).isEqualTo(3);
        assertThat(all).extracting(NationalRating::caseNumber)
                .containsExactlyInAnyOrder(n("CASE-0"), n("CASE-1"), n("CASE-2"), n("CASE-3"), n("CASE-4"));
        assertThat(all).extracting(NationalRating::ratingId).doesNotHaveDuplicates();
        String case0 = n("CASE-0");
        NationalRating first = all.stream().filter(r -> r.caseNumber().equals(case0)).findFirst().orElseThrow();
        assertThat(first.channelCode()).isEqualTo("5");
        assertThat(first.level()).isEqualTo(2);
        assertThat(first.reasonCodes()).containsExactly("SERVICE_ATTITUDE");
        assertThat(first.hallCode()).isEqualTo("HALL-1");
        assertThat(first.receivedAt()).isNotNull();

        rate("k9", n("CASE-9"), 3);
        clock.advance(Duration.ofSeconds(3));
        assertThat(page(cursor, 2).ratings()).extracting(NationalRating::caseNumber).containsExactly(n("CASE-9"));
    }

    private NationalRatingPage page(String after, int limit) throws Exception {
        String q = "?limit=" + limit + (after == null ? "" : "&after=" + after);
        HttpResponse<String> r = clerk("GET", ApiPaths.CLERK_NATIONAL_RATINGS + q, null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return TestTerminal.read(r, NationalRatingPage.class);
    }

    @Test
    void unknownFieldsInAFollowUpAreRefused() throws Exception {
        HttpResponse<String> r = clerk("POST", ApiPaths.CLERK_RATING_FOLLOW_UPS,
                "{\"ratingId\":\"x\",\"state\":\"OPEN\",\"owner\":\"me\"}");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(TestTerminal.error(r).code()).isEqualTo(ErrorCodes.UNKNOWN_FIELD);
    }
}
