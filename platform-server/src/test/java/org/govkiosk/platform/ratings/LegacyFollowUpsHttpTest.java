package org.govkiosk.platform.ratings;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.govkiosk.api.ApiPaths;
import org.govkiosk.api.BadRating;
import org.govkiosk.api.BadRatingList;
import org.govkiosk.api.FollowUpState;
import org.govkiosk.api.LedgerActionKind;
import org.govkiosk.api.LedgerState;
import org.govkiosk.api.RatingChannel;
import org.govkiosk.api.RatingLedgerEntry;
import org.govkiosk.api.RatingLedgerList;
import org.govkiosk.api.RatingReceipt;
import org.govkiosk.api.RatingSubmission;
import org.govkiosk.platform.TestTerminal;
import org.junit.jupiter.api.Test;

/**
 * The pre-ledger bad-rating list and its follow-ups as a view of the 回访整改台账: what the old table held is
 * carried onto the ledger once (and leaves the old table), the old list shows the ledger's state, and a follow-up
 * posted the old way is a ledger step, so every bad rating has one follow-up record.
 */
class LegacyFollowUpsHttpTest extends PhonePlatform {

    private String rated(String key, int level, boolean anonymous) throws Exception {
        String caseNumber = fileCase(key, PHONE).caseNumber();
        RatingSubmission r = new RatingSubmission("rate-" + key, caseNumber, "1", ITEM, "HALL-1", terminal.id, "W-03",
                "C1", RatingChannel.SELF_SERVICE_TERMINAL, level, Map.of("OVERALL", level),
                List.of("SERVICE_EFFICIENCY"), null, anonymous, clock.instant());
        HttpResponse<String> sent = terminal.post(ApiPaths.RATINGS, r);
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(201);
        clock.advance(Duration.ofMinutes(1));
        return TestTerminal.read(sent, RatingReceipt.class).ratingId();
    }

    private Connection db() throws Exception {
        return DriverManager.getConnection(configUsed.dbUrl(), configUsed.dbUser().orElse(""),
                configUsed.dbPassword().orElse(""));
    }

    private void oldFollowUp(String ratingId, FollowUpState state, String note) throws Exception {
        try (Connection c = db(); PreparedStatement ps = c.prepareStatement("INSERT INTO rating_follow_ups"
                + " (rating_id, state, note, updated_at) VALUES (?, ?, ?, ?)")) {
            ps.setString(1, ratingId);
            ps.setString(2, state.name());
            ps.setString(3, note);
            ps.setLong(4, clock.millis());
            ps.executeUpdate();
        }
    }

    private int oldRows() throws Exception {
        try (Connection c = db(); PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM rating_follow_ups");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private RatingLedgerEntry entry(String ratingId) throws Exception {
        return TestTerminal.JSON.readValue(clerk("GET", ApiPaths.CLERK_RATING_LEDGER, null).body(),
                RatingLedgerList.class).entries().stream().filter(e -> e.ratingId().equals(ratingId)).findFirst()
                .orElseThrow();
    }

    private BadRating bad(String ratingId) throws Exception {
        HttpResponse<String> r = clerk("GET", ApiPaths.CLERK_BAD_RATINGS, null);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Deprecation")).contains("true");
        return TestTerminal.JSON.readValue(r.body(), BadRatingList.class).ratings().stream()
                .filter(b -> b.ratingId().equals(ratingId)).findFirst().orElseThrow();
    }

    @Test
    void oldFollowUpsAreCarriedOntoTheLedgerOnceAndTheOldListIsAViewOfIt() throws Exception {
        String resolved = rated("l1", 1, false);
        String inProgress = rated("l2", 2, false);
        String anonymous = rated("l3", 2, true);
        String untouched = rated("l4", 1, false);
        oldFollowUp(resolved, FollowUpState.RESOLVED, "已电话回访，窗口增设叫号提醒");
        oldFollowUp(inProgress, FollowUpState.IN_PROGRESS, "市民称等候过久");
        oldFollowUp(anonymous, FollowUpState.IN_PROGRESS, "按办件编号回访");

        assertThat(bad(resolved).followUpState()).isEqualTo(FollowUpState.RESOLVED);
        assertThat(bad(resolved).followUpNote()).isEqualTo("已电话回访，窗口增设叫号提醒");
        assertThat(oldRows()).as("carried, and gone from the old table").isZero();

        RatingLedgerEntry closed = entry(resolved);
        assertThat(closed.state()).isEqualTo(LedgerState.CLOSED);
        assertThat(closed.rectification()).isEqualTo("已电话回访，窗口增设叫号提醒");
        assertThat(closed.history()).singleElement().satisfies(h -> {
            assertThat(h.action()).isEqualTo(LedgerActionKind.CLOSE);
            assertThat(h.by()).isEqualTo(LegacyFollowUps.MIGRATED);
        });
        RatingLedgerEntry called = entry(inProgress);
        assertThat(called.state()).isEqualTo(LedgerState.CALLED_BACK);
        assertThat(called.citizenSaid()).isEqualTo("市民称等候过久");
        assertThat(bad(inProgress).followUpState()).isEqualTo(FollowUpState.IN_PROGRESS);
        RatingLedgerEntry anon = entry(anonymous);
        assertThat(anon.state()).as("an anonymous rating has no one to call back").isEqualTo(LedgerState.OPEN);
        assertThat(anon.history()).singleElement().satisfies(h -> assertThat(h.reason()).contains("按办件编号回访"));
        assertThat(bad(untouched).followUpState()).isEqualTo(FollowUpState.OPEN);
        assertThat(clerk("GET", ApiPaths.CLERK_BAD_RATINGS + "?state=IN_PROGRESS", null).body()).contains(inProgress)
                .doesNotContain(resolved, untouched);

        // A follow-up posted the old way is a step on the same ledger entry.
        HttpResponse<String> reopen = clerk("POST", ApiPaths.CLERK_RATING_FOLLOW_UPS, "{\"ratingId\":\"" + untouched
                + "\",\"state\":\"OPEN\"}");
        assertThat(reopen.statusCode()).isEqualTo(409);
        HttpResponse<String> noNote = clerk("POST", ApiPaths.CLERK_RATING_FOLLOW_UPS, "{\"ratingId\":\"" + untouched
                + "\",\"state\":\"IN_PROGRESS\"}");
        assertThat(noNote.statusCode()).isEqualTo(400);
        HttpResponse<String> step = clerk("POST", ApiPaths.CLERK_RATING_FOLLOW_UPS, "{\"ratingId\":\"" + untouched
                + "\",\"state\":\"IN_PROGRESS\",\"note\":\"市民表示理解\"}");
        assertThat(step.statusCode()).as(step.body()).isEqualTo(200);
        assertThat(TestTerminal.JSON.readValue(step.body(), BadRating.class).followUpState())
                .isEqualTo(FollowUpState.IN_PROGRESS);
        RatingLedgerEntry stepped = entry(untouched);
        assertThat(stepped.state()).isEqualTo(LedgerState.CALLED_BACK);
        assertThat(stepped.calledBackBy()).isEqualTo(LegacyFollowUps.BY);
        HttpResponse<String> done = clerk("POST", ApiPaths.CLERK_RATING_FOLLOW_UPS, "{\"ratingId\":\"" + untouched
                + "\",\"state\":\"RESOLVED\",\"note\":\"增开窗口\"}");
        assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
        assertThat(entry(untouched).state()).isEqualTo(LedgerState.CLOSED);
        assertThat(entry(untouched).citizenSaid()).as("the call-back recorded before stays").isEqualTo("市民表示理解");
        assertThat(clerk("POST", ApiPaths.CLERK_RATING_FOLLOW_UPS, "{\"ratingId\":\"" + untouched
                + "\",\"state\":\"RESOLVED\",\"note\":\"again\"}").statusCode()).as("a closed entry").isEqualTo(409);
        assertThat(oldRows()).as("nothing written to the old table any more").isZero();
    }
}
