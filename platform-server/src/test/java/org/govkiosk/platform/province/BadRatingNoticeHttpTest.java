package org.govkiosk.platform.province;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.govkiosk.api.ApiPaths;
import org.govkiosk.api.RatingLedgerEntry;
import org.govkiosk.api.RatingLedgerList;
import org.govkiosk.api.RatingReceipt;
import org.govkiosk.platform.TestTerminal;
import org.junit.jupiter.api.Test;

/**
 * 差评通报单 pushed down by the stand-in province: a genuine one becomes the rating's ledger entry with the notice's
 * number and deadline, once (the same notice again changes nothing); a forged, replayed, stale or unsigned one is
 * refused and changes nothing; a notice of a rating not held here, or of no bad rating, is refused.
 */
class BadRatingNoticeHttpTest extends ProvincePlatform {

    /** The notice's deadline: earlier than the ledger's own 10 working days from 1 April 2025 (16 April). */
    private static final LocalDate DEADLINE = LocalDate.of(2025, 4, 10);

    private Map<String, Object> notice(String number, RatingReceipt r) {
        Map<String, Object> n = new LinkedHashMap<>();
        n.put("noticeNumber", number);
        n.put("ratingId", r.ratingId());
        n.put("caseNumber", r.caseNumber());
        n.put("serviceSequence", "1");
        n.put("level", 2);
        n.put("reasons", List.of("办事效率低"));
        n.put("deadline", DEADLINE.toString());
        n.put("issuedAt", clock.instant().toString());
        n.put("issuer", "示例省政务服务好差评系统");
        return n;
    }

    private List<RatingLedgerEntry> ledger() throws Exception {
        HttpResponse<String> r = clerk("GET", ApiPaths.CLERK_RATING_LEDGER, null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return TestTerminal.JSON.readValue(r.body(), RatingLedgerList.class).entries();
    }

    private static String nonce(int n) {
        return HexFormat.of().formatHex(new byte[16]).substring(0, 30) + String.format("%02d", n);
    }

    @Test
    void aGenuineNoticeBecomesTheRatingsLedgerEntryOnce() throws Exception {
        RatingReceipt bad = rated("bad", 1, false);
        HttpResponse<String> first = province.pushNotice(server.baseUri(), notice("TB-2025-0001", bad), false,
                nonce(1), 0);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        assertThat(first.body()).contains("\"status\":\"accepted\"").contains(bad.ratingId());
        assertThat(province.answerSigned(first, nonce(1))).as("the platform's answer is signed").isTrue();

        List<RatingLedgerEntry> entries = ledger();
        assertThat(entries).hasSize(1);
        RatingLedgerEntry e = entries.get(0);
        assertThat(e.ratingId()).isEqualTo(bad.ratingId());
        assertThat(e.noticeNumber()).isEqualTo("TB-2025-0001");
        assertThat(e.noticeDeadline()).isEqualTo(DEADLINE);
        assertThat(e.deadline()).as("the notice's earlier deadline").isEqualTo(DEADLINE);

        HttpResponse<String> again = province.pushNotice(server.baseUri(), notice("TB-2025-0001", bad), false, null,
                0);
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        assertThat(again.body()).contains("\"status\":\"duplicate\"");
        assertThat(ledger()).hasSize(1);

        Map<String, Object> changed = notice("TB-2025-0001", bad);
        changed.put("deadline", "2025-04-30");
        assertThat(province.pushNotice(server.baseUri(), changed, false, null, 0).statusCode()).isEqualTo(409);
        assertThat(ledger().get(0).noticeDeadline()).isEqualTo(DEADLINE);
    }

    @Test
    void forgedReplayedStaleAndUnsignedNoticesAreRefused() throws Exception {
        RatingReceipt bad = rated("bad", 2, false);
        HttpResponse<String> forged = province.pushNotice(server.baseUri(), notice("TB-F", bad), true, null, 0);
        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(forged.body()).contains("bad-signature");
        HttpResponse<String> stale = province.pushNotice(server.baseUri(), notice("TB-S", bad), false, null, -3600);
        assertThat(stale.statusCode()).isEqualTo(401);
        assertThat(stale.body()).contains("stale-timestamp");
        HttpResponse<String> unsigned = http.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(server.baseUri() + ProvinceRoutes.NOTICES)).header("Content-Type",
                        "application/json").POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                                TestTerminal.JSON.writeValueAsString(notice("TB-U", bad)))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(unsigned.statusCode()).isEqualTo(401);
        assertThat(ledger()).as("nothing from a refused notice; the rating's own entry only")
                .allSatisfy(e -> assertThat(e.noticeNumber()).isNull());

        assertThat(province.pushNotice(server.baseUri(), notice("TB-R", bad), false, nonce(7), 0).statusCode())
                .isEqualTo(201);
        // The same request again (a replay): refused on its nonce, even though it is otherwise genuine.
        HttpResponse<String> replayed = province.pushNotice(server.baseUri(), notice("TB-R2", bad), false, nonce(7),
                0);
        assertThat(replayed.statusCode()).isEqualTo(401);
        assertThat(replayed.body()).contains("replayed-nonce");
        assertThat(ledger()).extracting(RatingLedgerEntry::noticeNumber).containsExactly("TB-R");
    }

    @Test
    void aNoticeOfARatingNotHeldHereOrOfNoBadRatingIsRefused() throws Exception {
        RatingReceipt good = rated("good", 5, false);
        HttpResponse<String> notBad = province.pushNotice(server.baseUri(), notice("TB-G", good), false, null, 0);
        assertThat(notBad.statusCode()).as(notBad.body()).isEqualTo(409);
        Map<String, Object> unknown = notice("TB-X", good);
        unknown.put("caseNumber", "GK2099010100000000000");
        unknown.remove("ratingId");
        HttpResponse<String> r = province.pushNotice(server.baseUri(), unknown, false, null, 0);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(404);
        assertThat(r.body()).contains("unknown-rating");
        Map<String, Object> bad = notice("TB-Y", good);
        bad.put("deadline", "someday");
        assertThat(province.pushNotice(server.baseUri(), bad, false, null, 0).statusCode()).isEqualTo(400);
        assertThat(ledger()).isEmpty();
    }
}
