package org.govkiosk.platform.province;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.govkiosk.api.RatingReceipt;
import org.govkiosk.platform.PlatformServer;
import org.govkiosk.platform.TestTerminal;
import org.govkiosk.platform.config.PlatformConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Upward delivery against the stand-in province: every rating reaches it exactly once through 500s, timeouts,
 * garbage, unsigned answers and a lost answer, and through a restart of the platform with entries pending; the
 * payload has the case facts and no personal data beyond a masked and a keyed-hash phone; a delivery refused again
 * and again becomes a dead letter that staff see (endpoint and /metrics) and queue again.
 */
class ProvinceDeliveryHttpTest extends ProvincePlatform {

    @TempDir
    Path dir;

    @Override
    protected PlatformConfig config() throws Exception {
        // A file database, so that a second platform can open what the first left.
        return super.config().withDatabase("jdbc:h2:file:" + dir.resolve("platform").toAbsolutePath(), null, null);
    }

    private Map<String, Long> states() {
        return server.provinceOutbox().entries(500).stream()
                .collect(Collectors.groupingBy(OutboxEntry::state, Collectors.counting()));
    }

    @Test
    void everyRatingReachesTheProvinceOnceThroughFailuresAndRecovery() throws Exception {
        RatingReceipt good = rated("good", 5, false);
        RatingReceipt bad = rated("bad", 2, false);
        RatingReceipt anonymous = rated("anon", 4, true);
        assertThat(states()).isEqualTo(Map.of("PENDING", 3L));

        for (StandInProvince.Fault f : List.of(StandInProvince.Fault.ERROR_500, StandInProvince.Fault.TIMEOUT,
                StandInProvince.Fault.GARBAGE, StandInProvince.Fault.UNSIGNED_ANSWER,
                StandInProvince.Fault.TAKE_THEN_500)) {
            province.failWith(f);
            ProvinceSender.Run run = server.runProvinceDelivery();
            assertThat(run.retrying()).as(f.name()).isEqualTo(3);
            assertThat(states()).as(f.name()).isEqualTo(Map.of("PENDING", 3L));
        }
        // UNSIGNED_ANSWER and TAKE_THEN_500 let the province take them; the platform could not know.
        assertThat(province.taken).hasSize(3);
        province.recover();
        ProvinceSender.Run run = server.runProvinceDelivery();
        assertThat(run.duplicates()).isEqualTo(3);
        assertThat(states()).isEqualTo(Map.of("SENT", 3L));
        assertThat(server.runProvinceDelivery().claimed()).isZero();
        assertThat(province.takenAnew.values()).allSatisfy(n -> assertThat(n.get()).isEqualTo(1));
        assertThat(server.provinceOutbox().entries(10)).allSatisfy(e -> assertThat(e.attempts()).isEqualTo(6));
        assertThat(province.badSignatures.get()).isZero();
        assertThat(province.algorithms).containsOnly("HMAC-SHA256");

        JsonNode g = province.taken.get("rating:" + good.ratingId());
        assertThat(g.path("kind").asText()).isEqualTo("rating");
        assertThat(g.path("caseNumber").asText()).isEqualTo(good.caseNumber());
        assertThat(g.path("itemCode").asText()).isEqualTo(ITEM);
        assertThat(g.path("department").asText()).isEqualTo(DEPARTMENT);
        assertThat(g.path("windowId").asText()).isEqualTo("W-03");
        assertThat(g.path("channel").asText()).isEqualTo("5");
        assertThat(g.path("level").asInt()).isEqualTo(5);
        assertThat(g.path("defaulted").asBoolean()).isFalse();
        assertThat(g.path("contact").path("phoneMasked").asText()).isEqualTo("138****8000");
        assertThat(g.path("contact").path("phoneHash").asText()).hasSize(64);
        JsonNode b = province.taken.get("rating:" + bad.ratingId());
        assertThat(b.path("level").asInt()).isEqualTo(2);
        assertThat(b.path("reasons").get(0).asText()).isEqualTo("SERVICE_EFFICIENCY");
        JsonNode a = province.taken.get("rating:" + anonymous.ratingId());
        assertThat(a.path("anonymous").asBoolean()).isTrue();
        assertThat(a.path("contact").isNull()).isTrue();
        String all = province.taken.values().toString();
        assertThat(all).doesNotContain(ID_NUMBER).doesNotContain("张三丰").doesNotContain(PHONE);
    }

    @Test
    void aRestartedPlatformSendsWhatWasPending() throws Exception {
        province.failWith(StandInProvince.Fault.ERROR_500);
        RatingReceipt r = rated("before-restart", 3, false);
        server.runProvinceDelivery();
        province.recover();
        // A second platform on the same database: the entry waits for it, with its attempt counted.
        restart(settings());
        assertThat(states()).isEqualTo(Map.of("PENDING", 1L));
        ProvinceSender.Run run = server.runProvinceDelivery();
        assertThat(run.delivered()).isEqualTo(1);
        assertThat(province.taken).containsOnlyKeys("rating:" + r.ratingId());
        assertThat(server.provinceOutbox().entries(10).get(0).attempts()).isEqualTo(2);
    }

    @Test
    void aDeliveryRefusedAgainAndAgainIsADeadLetterStaffSeeAndQueueAgain() throws Exception {
        restart(settings().withAttempts(3, Duration.ZERO, Duration.ZERO));
        RatingReceipt r = rated("refused", 4, false);
        province.failWith(StandInProvince.Fault.ERROR_500);
        assertThat(server.runProvinceDelivery().retrying()).isEqualTo(1);
        assertThat(server.runProvinceDelivery().retrying()).isEqualTo(1);
        assertThat(server.runProvinceDelivery().dead()).isEqualTo(1);
        assertThat(server.runProvinceDelivery().claimed()).isZero(); // a dead letter is not retried
        HttpResponse<String> list = clerk("GET", ProvinceRoutes.DEAD_LETTERS, null);
        assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
        JsonNode dead = TestTerminal.JSON.readTree(list.body());
        assertThat(dead.path("count").asInt()).isEqualTo(1);
        JsonNode entry = dead.path("entries").get(0);
        assertThat(entry.path("ratingId").asText()).isEqualTo(r.ratingId());
        assertThat(entry.path("attempts").asInt()).isEqualTo(3);
        assertThat(entry.path("lastError").asText()).contains("500");
        assertThat(metrics()).contains("govkiosk_platform_province_dead_letters 1.0");

        assertThat(clerk("POST", ProvinceRoutes.REQUEUE, "{\"entryId\":\"no-such-entry\"}").statusCode())
                .isEqualTo(404);
        assertThat(clerk("POST", ProvinceRoutes.REQUEUE, "{}").statusCode()).isEqualTo(400);
        HttpResponse<String> requeued = clerk("POST", ProvinceRoutes.REQUEUE, "{\"entryId\":\""
                + entry.path("entryId").asText() + "\"}");
        assertThat(requeued.statusCode()).as(requeued.body()).isEqualTo(200);
        assertThat(requeued.body()).contains("\"requeued\":1");
        province.recover();
        assertThat(server.runProvinceDelivery().delivered()).isEqualTo(1);
        assertThat(states()).isEqualTo(Map.of("SENT", 1L));
        assertThat(metrics()).contains("govkiosk_platform_province_dead_letters 0.0");
        assertThat(province.taken).containsOnlyKeys("rating:" + r.ratingId());
    }

    @Test
    void aRefusalForGoodIsADeadLetterAtOnce() throws Exception {
        rated("unknown-item", 5, false);
        province.failWith(StandInProvince.Fault.REFUSE_422);
        assertThat(server.runProvinceDelivery().dead()).isEqualTo(1);
        OutboxEntry e = server.provinceOutbox().deadLetters(10).get(0);
        assertThat(e.lastError()).contains("422").contains("invalid-item");
        assertThat(clerk("GET", ProvinceRoutes.DEAD_LETTERS, null).statusCode()).isEqualTo(200);
        assertThat(clerk("POST", ProvinceRoutes.REQUEUE, "{\"all\":true}").body()).contains("\"requeued\":1");
    }

    @Test
    void retriesWaitAsTheBackoffSays() throws Exception {
        restart(settings().withAttempts(5, Duration.ofMinutes(1), Duration.ofMinutes(10)));
        rated("backoff", 5, false);
        province.failWith(StandInProvince.Fault.ERROR_500);
        assertThat(server.runProvinceDelivery().retrying()).isEqualTo(1);
        assertThat(server.runProvinceDelivery().claimed()).as("not due yet").isZero();
        clock.advance(Duration.ofMinutes(1));
        assertThat(server.runProvinceDelivery().retrying()).isEqualTo(1);
        clock.advance(Duration.ofMinutes(1));
        assertThat(server.runProvinceDelivery().claimed()).as("the second wait is up to twice the first").isLessThan(2);
        clock.advance(Duration.ofMinutes(1));
        province.recover();
        assertThat(server.runProvinceDelivery().delivered() + server.runProvinceDelivery().delivered()).isEqualTo(1);
    }

    @Test
    void withoutAProvinceEveryRatingWaitsAndNothingIsSent() throws Exception {
        server.close();
        server = PlatformServer.start(configUsed, clock);
        terminal = terminal.at(server.baseUri());
        rated("unlinked", 5, false);
        assertThat(server.runProvinceDelivery().claimed()).isZero();
        assertThat(states()).isEqualTo(Map.of("PENDING", 1L));
        assertThat(province.requests.get()).isZero();
    }

    @Test
    void anEntryClaimedByAnInstanceThatDiedIsSentOnceItsClaimIsStale() throws Exception {
        RatingReceipt r = rated("claimed", 5, false);
        server.close();
        server = null;
        // What an instance killed while sending leaves: the entry claimed, its answer never recorded.
        try (org.govkiosk.platform.store.Database db = org.govkiosk.platform.store.Database.open(configUsed.dbUrl(),
                configUsed.dbUser().orElse(null), configUsed.dbPassword().orElse(null))) {
            db.inTransaction(c -> {
                try (var ps = c.prepareStatement("UPDATE province_outbox SET state = 'SENDING',"
                        + " claimed_by = 'killed', claimed_at = ?")) {
                    ps.setLong(1, clock.millis());
                    return ps.executeUpdate();
                }
            });
        }
        restart(settings());
        assertThat(server.runProvinceDelivery().claimed()).as("the claim may still be alive").isZero();
        clock.advance(Province.staleClaim(settings()).plusSeconds(1));
        assertThat(server.runProvinceDelivery().delivered()).isEqualTo(1);
        assertThat(province.taken).containsOnlyKeys("rating:" + r.ratingId());
    }

    @Test
    void aDefaultRatingGoesUpMarkedAsDefault() throws Exception {
        String caseNumber = fileCase("unrated", PHONE).caseNumber();
        for (String state : List.of("ACCEPTED", "IN_REVIEW", "COMPLETED")) {
            assertThat(clerk("POST", org.govkiosk.api.ApiPaths.clerkCaseTransitions(caseNumber), "{\"to\":\""
                    + state + "\"}").statusCode()).isEqualTo(200);
        }
        clock.advance(Duration.ofHours(1));
        assertThat(server.ratings().runOnce().invited()).isEqualTo(1);
        clock.advance(Duration.ofDays(14)); // past 5 working days, 清明 included
        assertThat(server.ratings().runOnce().defaulted()).isEqualTo(1);
        assertThat(server.runProvinceDelivery().delivered()).isEqualTo(1);
        JsonNode d = province.taken.values().iterator().next();
        assertThat(d.path("kind").asText()).isEqualTo("default");
        assertThat(d.path("idempotencyKey").asText()).startsWith("default:");
        assertThat(d.path("caseNumber").asText()).isEqualTo(caseNumber);
        assertThat(d.path("level").asInt()).isEqualTo(3);
        assertThat(d.path("defaulted").asBoolean()).isTrue();
    }
}
