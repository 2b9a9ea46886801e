package org.govkiosk.platform.pads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.govkiosk.platform.pads.PadFixtures.registration;
import static org.govkiosk.platform.pads.PadFixtures.request;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.govkiosk.api.ApiPaths;
import org.govkiosk.api.BadRating;
import org.govkiosk.api.BadRatingList;
import org.govkiosk.api.CaseList;
import org.govkiosk.api.FollowUpState;
import org.govkiosk.api.NationalRating;
import org.govkiosk.api.NationalRatingPage;
import org.govkiosk.api.RatingChannel;
import org.govkiosk.api.RatingFollowUp;
import org.govkiosk.api.RatingSubmission;
import org.govkiosk.platform.Fixtures;
import org.govkiosk.platform.RunningPlatform;
import org.govkiosk.platform.TestTerminal;
import org.junit.jupiter.api.Test;

/**
 * 不公开评价 (#18): an anonymous rating, from a window pad or a terminal, is stored as anonymous and every report of it
 * (the bad-rating work list, its follow-up, the national export) says so and names nobody; the follow-up call
 * (100% 回访 of bad ratings) still finds the citizen through the case number, which the rating keeps.
 */
class AnonymousRatingHttpTest extends RunningPlatform {

    /** What the platform holds about the applicant of {@link Fixtures#submission} cases. */
    private static final List<String> PERSONAL = List.of("张三丰", "张*", Fixtures.ID_NUMBER, "13800138000");

    @Test
    void anAnonymousBadRatingIsStoredAndReportedAsAnonymousWithNoNameAndItsFollowUpGoesThroughTheCase()
            throws Exception {
        String atWindow = fileCase("case-window");
        String atTerminal = fileCase("case-terminal");

        TestTerminal pad = new TestTerminal(server.baseUri(), "PAD-A", clock).registered(ENROLMENT);
        assertThat(pad.post(ApiPaths.PADS, registration(pad, "W-01")).statusCode()).isEqualTo(200);
        HttpResponse<String> asked = clerk("POST", ApiPaths.CLERK_RATING_REQUESTS,
                TestTerminal.JSON.writeValueAsString(request("W-01", atWindow, "1")));
        assertThat(asked.statusCode()).as(asked.body()).isIn(200, 201);
        RatingSubmission fromPad = new RatingSubmission("pad-k1", atWindow, "1", "ITEM-001", PadFixtures.HALL, pad.id,
                "W-01", "CLERK-7", RatingChannel.WINDOW_PAD, 1, Map.of("OVERALL", 1), List.of("SERVICE_ATTITUDE"),
                "等了很久", true, Instant.parse("2025-03-03T02:01:00Z"));
        HttpResponse<String> padRated = pad.post(ApiPaths.RATINGS, fromPad);
        assertThat(padRated.statusCode()).as(padRated.body()).isEqualTo(201);

        clock.advance(Duration.ofSeconds(1));
        RatingSubmission fromTerminal = new RatingSubmission("terminal-k2", atTerminal, "1", "ITEM-001", "HALL-1",
                terminal.id, null, null, RatingChannel.SELF_SERVICE_TERMINAL, 2, Map.of("OVERALL", 2),
                List.of("SERVICE_EFFICIENCY"), null, true, Instant.parse("2025-03-03T02:02:00Z"));
        HttpResponse<String> terminalRated = terminal.post(ApiPaths.RATINGS, fromTerminal);
        assertThat(terminalRated.statusCode()).as(terminalRated.body()).isEqualTo(201);

        clock.advance(Duration.ofSeconds(1));
        String openCase = fileCase("case-open");
        HttpResponse<String> openRated = terminal.post(ApiPaths.RATINGS,
                Fixtures.rating(terminal.id, "terminal-k3", openCase, "1", 1));
        assertThat(openRated.statusCode()).as(openRated.body()).isEqualTo(201);

        // The managers' work list: anonymous where the citizen chose it, nobody named either way.
        HttpResponse<String> list = clerk("GET", ApiPaths.CLERK_BAD_RATINGS, null);
        assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
        assertNamesNobody(list.body());
        List<BadRating> bad = TestTerminal.read(list, BadRatingList.class).ratings();
        assertThat(bad).extracting(BadRating::caseNumber).containsExactly(atWindow, atTerminal, openCase);
        assertThat(bad).extracting(BadRating::anonymous).containsExactly(true, true, false);
        assertThat(bad.get(0).channel()).isEqualTo(RatingChannel.WINDOW_PAD);
        assertThat(bad.get(0).clerkId()).as("the clerk rated is still known").isEqualTo("CLERK-7");

        // The follow-up of an anonymous bad rating is recorded like any other: the call goes through the case.
        BadRating anonymous = bad.get(1);
        HttpResponse<String> followed = clerk("POST", ApiPaths.CLERK_RATING_FOLLOW_UPS, TestTerminal.JSON
                .writeValueAsString(new RatingFollowUp(anonymous.ratingId(), FollowUpState.RESOLVED,
                        "按办件编号回访，已说明办理时限")));
        assertThat(followed.statusCode()).as(followed.body()).isEqualTo(200);
        assertNamesNobody(followed.body());
        BadRating resolved = TestTerminal.read(followed, BadRating.class);
        assertThat(resolved.anonymous()).isTrue();
        assertThat(resolved.caseNumber()).isEqualTo(atTerminal);
        assertThat(resolved.followUpState()).isEqualTo(FollowUpState.RESOLVED);
        HttpResponse<String> cases = clerk("GET", ApiPaths.CLERK_CASES, null);
        assertThat(cases.body()).as("the platform holds the applicant with the case, not the rating").contains("张");
        assertThat(TestTerminal.read(cases, CaseList.class).cases()).as("the case to call back through")
                .anySatisfy(c -> assertThat(c.caseNumber()).isEqualTo(atTerminal));

        // The national export carries 不公开 for the province's system, and no name.
        clock.advance(Duration.ofSeconds(3));
        HttpResponse<String> national = clerk("GET", ApiPaths.CLERK_NATIONAL_RATINGS, null);
        assertThat(national.statusCode()).as(national.body()).isEqualTo(200);
        assertNamesNobody(national.body());
        assertThat(TestTerminal.read(national, NationalRatingPage.class).ratings())
                .extracting(NationalRating::caseNumber, NationalRating::anonymous, NationalRating::channelCode)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(atWindow, true, "4"),
                        org.assertj.core.groups.Tuple.tuple(atTerminal, true, "5"),
                        org.assertj.core.groups.Tuple.tuple(openCase, false, "5"));
    }

    private static void assertNamesNobody(String json) {
        for (String personal : PERSONAL) {
            assertThat(json).as("a rating report names nobody").doesNotContain(personal);
        }
        assertThat(json.toLowerCase(java.util.Locale.ROOT)).doesNotContain("applicant").doesNotContain("idnumber")
                .doesNotContain("phone");
    }
}
