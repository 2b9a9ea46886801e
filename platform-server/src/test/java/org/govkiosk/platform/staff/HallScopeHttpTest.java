package org.govkiosk.platform.staff;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.govkiosk.api.ApiPaths;
import org.govkiosk.api.Attachment;
import org.govkiosk.api.CaseReceipt;
import org.govkiosk.api.CaseState;
import org.govkiosk.api.CaseView;
import org.govkiosk.api.ErrorCodes;
import org.govkiosk.api.LicenceVerification;
import org.govkiosk.api.LicenceVerificationRequest;
import org.govkiosk.api.RatingChannel;
import org.govkiosk.api.RatingReceipt;
import org.govkiosk.api.RatingSubmission;
import org.govkiosk.platform.Fixtures;
import org.govkiosk.platform.RunningPlatform;
import org.govkiosk.platform.StaffClient;
import org.govkiosk.platform.TestTerminal;
import org.govkiosk.platform.config.PlatformConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Trust boundaries between halls over real HTTP on loopback (H2): two halls, a terminal, a clerk and a supervisor in
 * each. The appeals (list, decision, evidence), the upward dead letters (list, re-queue), e-licence codes (made and
 * verified), the case list and the window map: another hall's is 404 (as if it were not there) and stays as it was,
 * a wrong role is 403, the caller's own hall works. A clerk's 出证 records the issuance with the state change.
 */
class HallScopeHttpTest extends RunningPlatform {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

    private PlatformConfig config;
    private TestTerminal terminal2;

    @Override
    protected PlatformConfig config() {
        return onDatabase(super.config());
    }

    /** Remembers the configuration the platform runs on (its database is read back by the tests). */
    protected PlatformConfig onDatabase(PlatformConfig used) {
        config = used;
        return used;
    }

    /** A connection of the test's own to the platform's database, to set up dead letters and read rows back. */
    private Connection connect() throws java.sql.SQLException {
        return DriverManager.getConnection(config.dbUrl(), config.dbUser().orElse(null), "");
    }

    @BeforeEach
    void twoHalls() throws Exception {
        terminal2 = new TestTerminal(server.baseUri(), "T-002", clock).registered(ENROLMENT, "HALL-2");
        StaffClient.add(server, "clerk1", Role.CLERK, "HALL-1");
        StaffClient.add(server, "clerk2", Role.CLERK, "HALL-2");
        StaffClient.add(server, "super1", Role.SUPERVISOR, "HALL-1");
        StaffClient.add(server, "super2", Role.SUPERVISOR, "HALL-2");
        StaffClient.add(server, "tech1", Role.TECHNICIAN, "HALL-1");
    }

    private HttpResponse<String> as(String login, String method, String path, String json) throws Exception {
        return StaffClient.call(server.baseUri(), StaffClient.token(server.baseUri(), login), method, path, json);
    }

    private static String code(HttpResponse<String> r) throws Exception {
        return JSON.readTree(r.body()).path("code").asText();
    }

    private String caseAt(TestTerminal t, String key) throws Exception {
        HttpResponse<String> r = t.post(ApiPaths.CASES, Fixtures.submission(t.id, key));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return TestTerminal.read(r, CaseReceipt.class).caseNumber();
    }

    /** A bad rating (level 1) of a case filed at {@code t} in {@code hall}; its rating id. */
    private String badRatingAt(TestTerminal t, String hall, String key) throws Exception {
        String n = caseAt(t, key);
        RatingSubmission r = new RatingSubmission("rate-" + key, n, "1", "ITEM-001", hall, t.id, "W-01", "C1",
                RatingChannel.SELF_SERVICE_TERMINAL, 1, Map.of("OVERALL", 1), List.of("SERVICE_EFFICIENCY"), null,
                false, clock.instant());
        HttpResponse<String> sent = t.post(ApiPaths.RATINGS, r);
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(201);
        clock.advance(Duration.ofMinutes(1));
        return TestTerminal.read(sent, RatingReceipt.class).ratingId();
    }

    private String appeal(String login, String ratingId) throws Exception {
        String body = JSON.writeValueAsString(Map.of("ratingId", ratingId, "filedBy", login, "department", "社保科",
                "explanation", "当日系统故障，办理时间延长非窗口人员原因。", "evidence", List.of(Map.of("mediaType",
                        "image/png", "sha256", Attachment.sha256Hex(PNG), "content",
                        Base64.getEncoder().encodeToString(PNG)))));
        HttpResponse<String> r = as(login, "POST", ApiPaths.CLERK_RATING_APPEALS, body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return JSON.readTree(r.body()).path("appealId").asText();
    }

    private String appealState(String appealId) throws Exception {
        for (JsonNode a : JSON.readTree(clerk("GET", ApiPaths.CLERK_RATING_APPEALS, null).body()).path("appeals")) {
            if (a.path("appealId").asText().equals(appealId)) {
                return a.path("state").asText();
            }
        }
        throw new AssertionError("no appeal " + appealId);
    }

    @Test
    void appealsAreListedDecidedAndShownInTheirOwnHallOnly() throws Exception {
        String a1 = appeal("clerk1", badRatingAt(terminal, "HALL-1", "ap1"));
        String a2 = appeal("clerk2", badRatingAt(terminal2, "HALL-2", "ap2"));
        String decision = "{\"uphold\":true,\"reviewedBy\":\"x\",\"reason\":\"核实系统故障记录属实\"}";

        // The list: each supervisor sees their hall's appeal only; the machine sees both.
        assertThat(as("super2", "GET", ApiPaths.CLERK_RATING_APPEALS, null).body()).contains(a2).doesNotContain(a1);
        assertThat(as("super1", "GET", ApiPaths.CLERK_RATING_APPEALS, null).body()).contains(a1).doesNotContain(a2);
        assertThat(as("super1", "GET", ApiPaths.CLERK_RATING_APPEALS + "?state=OPEN", null).body()).contains(a1)
                .doesNotContain(a2);
        assertThat(clerk("GET", ApiPaths.CLERK_RATING_APPEALS, null).body()).contains(a1, a2);
        HttpResponse<String> tech = as("tech1", "GET", ApiPaths.CLERK_RATING_APPEALS, null);
        assertThat(tech.statusCode()).isEqualTo(403);
        assertThat(code(tech)).isEqualTo(ErrorCodes.ROLE_NOT_ALLOWED);

        // The evidence: another hall's is not found, the own hall's comes back.
        HttpResponse<String> otherEvidence = as("super2", "GET", ApiPaths.clerkRatingAppealEvidence(a1, 1), null);
        assertThat(otherEvidence.statusCode()).isEqualTo(404);
        assertThat(code(otherEvidence)).isEqualTo(ErrorCodes.NOT_FOUND);
        assertThat(as("super2", "GET", ApiPaths.clerkRatingAppealEvidence("AP-none", 1), null).statusCode())
                .as("unknown and another hall's answer alike").isEqualTo(404);
        HttpResponse<String> own = as("super1", "GET", ApiPaths.clerkRatingAppealEvidence(a1, 1), null);
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(own.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v)
                .startsWith("image/png"));

        // The decision: another hall's supervisor gets 404 and the appeal stays open; a clerk is 403.
        HttpResponse<String> otherDecision = as("super2", "POST", ApiPaths.clerkRatingAppealDecision(a1), decision);
        assertThat(otherDecision.statusCode()).as(otherDecision.body()).isEqualTo(404);
        assertThat(code(otherDecision)).isEqualTo(ErrorCodes.NOT_FOUND);
        assertThat(appealState(a1)).isEqualTo("OPEN");
        HttpResponse<String> byClerk = as("clerk1", "POST", ApiPaths.clerkRatingAppealDecision(a1), decision);
        assertThat(byClerk.statusCode()).isEqualTo(403);
        assertThat(code(byClerk)).isEqualTo(ErrorCodes.ROLE_NOT_ALLOWED);
        assertThat(appealState(a1)).isEqualTo("OPEN");
        HttpResponse<String> upheld = as("super1", "POST", ApiPaths.clerkRatingAppealDecision(a1), decision);
        assertThat(upheld.statusCode()).as(upheld.body()).isEqualTo(200);
        assertThat(appealState(a1)).isEqualTo("UPHELD");
        assertThat(appealState(a2)).isEqualTo("OPEN");
    }

    @Test
    void theOldBadRatingListAndItsFollowUpsStayInTheirOwnHall() throws Exception {
        String r1 = badRatingAt(terminal, "HALL-1", "fu1");
        String r2 = badRatingAt(terminal2, "HALL-2", "fu2");
        assertThat(as("clerk2", "GET", ApiPaths.CLERK_BAD_RATINGS, null).body()).contains(r2).doesNotContain(r1);
        assertThat(clerk("GET", ApiPaths.CLERK_BAD_RATINGS, null).body()).contains(r1, r2);
        String followUp = "{\"ratingId\":\"" + r1 + "\",\"state\":\"IN_PROGRESS\",\"note\":\"已电话回访\"}";
        HttpResponse<String> other = as("clerk2", "POST", ApiPaths.CLERK_RATING_FOLLOW_UPS, followUp);
        assertThat(other.statusCode()).as(other.body()).isEqualTo(404);
        assertThat(code(other)).isEqualTo(ErrorCodes.NOT_FOUND);
        assertThat(as("clerk1", "GET", ApiPaths.CLERK_BAD_RATINGS, null).body()).contains(r1)
                .contains("\"followUpState\":\"OPEN\"").doesNotContain("IN_PROGRESS");
        HttpResponse<String> own = as("clerk1", "POST", ApiPaths.CLERK_RATING_FOLLOW_UPS, followUp);
        assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
        assertThat(own.body()).contains("IN_PROGRESS");
    }

    @Test
    void deadLettersAreListedAndQueuedAgainInTheirOwnHallOnly() throws Exception {
        String r1 = badRatingAt(terminal, "HALL-1", "dl1");
        String r2 = badRatingAt(terminal2, "HALL-2", "dl2");
        // Both ratings' upward entries gave up (as after the attempts configured): dead letters for staff.
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE province_outbox SET state = 'DEAD', attempts = 8, last_error = 'HTTP 500'");
        }
        String e1 = entryOf(r1);
        String e2 = entryOf(r2);

        HttpResponse<String> list2 = as("super2", "GET", ApiPaths.CLERK_PROVINCE_DEAD_LETTERS, null);
        assertThat(list2.statusCode()).isEqualTo(200);
        assertThat(list2.body()).contains(e2, r2).doesNotContain(e1, r1);
        assertThat(JSON.readTree(list2.body()).path("count").asInt()).isEqualTo(1);
        assertThat(JSON.readTree(clerk("GET", ApiPaths.CLERK_PROVINCE_DEAD_LETTERS, null).body()).path("count")
                .asInt()).as("the machine sees every hall's").isEqualTo(2);
        HttpResponse<String> byClerk = as("clerk1", "GET", ApiPaths.CLERK_PROVINCE_DEAD_LETTERS, null);
        assertThat(byClerk.statusCode()).isEqualTo(403);

        // Re-queue: another hall's entry is not found and stays dead; "all" takes the caller's halls' only.
        HttpResponse<String> other = as("super2", "POST", ApiPaths.CLERK_PROVINCE_REQUEUE, "{\"entryId\":\"" + e1
                + "\"}");
        assertThat(other.statusCode()).as(other.body()).isEqualTo(404);
        assertThat(code(other)).isEqualTo(ErrorCodes.NOT_FOUND);
        assertThat(stateOf(e1)).isEqualTo("DEAD");
        assertThat(as("clerk1", "POST", ApiPaths.CLERK_PROVINCE_REQUEUE, "{\"all\":true}").statusCode())
                .isEqualTo(403);
        assertThat(stateOf(e1)).isEqualTo("DEAD");
        HttpResponse<String> all2 = as("super2", "POST", ApiPaths.CLERK_PROVINCE_REQUEUE, "{\"all\":true}");
        assertThat(all2.body()).contains("\"requeued\":1");
        assertThat(stateOf(e2)).isEqualTo("PENDING");
        assertThat(stateOf(e1)).isEqualTo("DEAD");
        HttpResponse<String> own = as("super1", "POST", ApiPaths.CLERK_PROVINCE_REQUEUE, "{\"entryId\":\"" + e1
                + "\"}");
        assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
        assertThat(stateOf(e1)).isEqualTo("PENDING");
    }

    private String entryOf(String ratingId) throws Exception {
        return query("SELECT entry_id FROM province_outbox WHERE rating_id = ?", ratingId);
    }

    private String stateOf(String entryId) throws Exception {
        return query("SELECT state FROM province_outbox WHERE entry_id = ?", entryId);
    }

    private String query(String sql, String arg) throws Exception {
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(
                sql)) {
            ps.setString(1, arg);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).as(sql + " " + arg).isTrue();
                return rs.getString(1);
            }
        }
    }

    @Test
    void anELicenceCodeIsMadeInTheCallersHallAndVerifiesAtThatHallsTerminalsOnly() throws Exception {
        String issue = "{\"licenceType\":\"E_SOCIAL_SECURITY_CARD\",\"licenceNumber\":\"A12345678\","
                + "\"holderName\":\"张三丰\",\"holderIdNumber\":\"" + Fixtures.ID_NUMBER + "\",\"issuer\":\"示例市人社局\","
                + "\"validUntil\":\"2030-01-01\",\"codeTtlSeconds\":600}";
        HttpResponse<String> otherHall = as("clerk2", "POST", ApiPaths.CLERK_LICENCES + "?hall=HALL-1", issue);
        assertThat(otherHall.statusCode()).as(otherHall.body()).isEqualTo(404);
        HttpResponse<String> bySupervisor = as("super1", "POST", ApiPaths.CLERK_LICENCES, issue);
        assertThat(bySupervisor.statusCode()).isEqualTo(403);
        assertThat(code(bySupervisor)).isEqualTo(ErrorCodes.ROLE_NOT_ALLOWED);
        assertThat(count("SELECT COUNT(*) FROM licence_codes")).as("nothing made by the refused").isZero();

        HttpResponse<String> made = as("clerk1", "POST", ApiPaths.CLERK_LICENCES, issue);
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        String code = JSON.readTree(made.body()).path("code").asText();
        LicenceVerificationRequest ask = new LicenceVerificationRequest(code, null, null, true);
        LicenceVerification there = TestTerminal.read(terminal.post(ApiPaths.LICENCE_VERIFICATIONS, ask),
                LicenceVerification.class);
        assertThat(there.valid()).isTrue();
        assertThat(there.holder()).isNotNull();
        HttpResponse<String> elsewhere = terminal2.post(ApiPaths.LICENCE_VERIFICATIONS, ask);
        assertThat(elsewhere.statusCode()).isEqualTo(200);
        LicenceVerification unknown = TestTerminal.read(elsewhere, LicenceVerification.class);
        assertThat(unknown.valid()).isFalse();
        assertThat(unknown.reason()).isEqualTo(LicenceVerification.UNKNOWN_CODE);
        assertThat(elsewhere.body()).doesNotContain("张三丰", Fixtures.ID_NUMBER, "A12345678");

        // The machine may make a code of no hall (the stand-in for a province-wide issuing app): it verifies anywhere.
        HttpResponse<String> noHall = clerk("POST", ApiPaths.CLERK_LICENCES, issue);
        assertThat(noHall.statusCode()).isEqualTo(201);
        LicenceVerificationRequest any = new LicenceVerificationRequest(JSON.readTree(noHall.body()).path("code")
                .asText(), null, null);
        assertThat(TestTerminal.read(terminal2.post(ApiPaths.LICENCE_VERIFICATIONS, any), LicenceVerification.class)
                .valid()).isTrue();
    }

    private int count(String sql) throws Exception {
        try (Connection c = connect(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    @Test
    void theCaseListIsOfTheCallersHallsFilteredByTheCasesHall() throws Exception {
        String n1 = caseAt(terminal, "cl1");
        String n2 = caseAt(terminal2, "cl2");
        String n3 = caseAt(terminal2, "cl3");
        assertThat(query("SELECT hall_code FROM cases WHERE case_number = ?", n2)).isEqualTo("HALL-2");
        assertThat(as("clerk2", "GET", ApiPaths.CLERK_CASES, null).body()).contains(n2, n3).doesNotContain(n1);
        assertThat(as("clerk1", "GET", ApiPaths.CLERK_CASES, null).body()).contains(n1).doesNotContain(n2, n3);
        JsonNode one = JSON.readTree(as("clerk2", "GET", ApiPaths.CLERK_CASES + "?limit=1&state=SUBMITTED", null)
                .body()).path("cases");
        assertThat(one).hasSize(1);
        assertThat(one.get(0).path("caseNumber").asText()).isIn(n2, n3);
        assertThat(clerk("GET", ApiPaths.CLERK_CASES, null).body()).contains(n1, n2, n3);
        // Another hall's case cannot be moved through the API either (and stays as it was).
        assertThat(as("clerk2", "POST", ApiPaths.clerkCaseTransitions(n1), "{\"to\":\"ACCEPTED\"}").statusCode())
                .isEqualTo(404);
        assertThat(TestTerminal.read(terminal.get(ApiPaths.caseByNumber(n1)), CaseView.class).state())
                .isEqualTo(CaseState.SUBMITTED);
    }

    @Test
    void theWindowMapIsReadInTheCallersHallsOnly() throws Exception {
        for (String hall : List.of("HALL-1", "HALL-2")) {
            HttpResponse<String> put = clerk("PUT", ApiPaths.CLERK_RATING_WINDOWS, "{\"hallCode\":\"" + hall
                    + "\",\"windowId\":\"W-0" + hall.charAt(5) + "\",\"department\":\"科" + hall.charAt(5)
                    + "\",\"updatedBy\":\"m\"}");
            assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        }
        assertThat(as("super2", "GET", ApiPaths.CLERK_RATING_WINDOWS, null).body()).contains("W-02")
                .doesNotContain("W-01");
        assertThat(clerk("GET", ApiPaths.CLERK_RATING_WINDOWS, null).body()).contains("W-01", "W-02");
    }

    @Test
    void aClerksIssuanceIsRecordedWithTheStateChange() throws Exception {
        String n = caseAt(terminal, "is1");
        for (String to : List.of("ACCEPTED", "IN_REVIEW", "COMPLETED")) {
            assertThat(as("clerk1", "POST", ApiPaths.clerkCaseTransitions(n), "{\"to\":\"" + to + "\"}").statusCode())
                    .isEqualTo(200);
        }
        byte[] pdf = "%PDF-1.7\n% 证明 \n%%EOF\n".getBytes(StandardCharsets.UTF_8);
        assertThat(http.send(HttpRequest.newBuilder(URI.create(server.baseUri() + ApiPaths.clerkCaseCertificate(n)))
                .header("Authorization", "Bearer " + CLERK).header("Content-Type", "application/pdf")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(pdf)).build(), HttpResponse.BodyHandlers.ofString())
                .statusCode()).isEqualTo(204);
        HttpResponse<String> other = as("clerk2", "POST", ApiPaths.clerkCaseTransitions(n),
                "{\"to\":\"CERTIFICATE_ISSUED\"}");
        assertThat(other.statusCode()).isEqualTo(404);
        assertThat(count("SELECT COUNT(*) FROM case_issuances")).isZero();

        HttpResponse<String> issued = as("clerk1", "POST", ApiPaths.clerkCaseTransitions(n),
                "{\"to\":\"CERTIFICATE_ISSUED\"}");
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(200);
        CaseView seen = TestTerminal.read(terminal.get(ApiPaths.caseByNumber(n)), CaseView.class);
        assertThat(seen.state()).isEqualTo(CaseState.CERTIFICATE_ISSUED);
        assertThat(seen.note()).startsWith("综合出证窗口 出证（证书 ");
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT terminal_id, window_id, issued_by, hall_code, channel, reprint FROM case_issuances"
                        + " WHERE case_number = ?")) {
            ps.setString(1, n);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isNull();
                assertThat(rs.getString(3)).isEqualTo("测试clerk1 (clerk1)");
                assertThat(rs.getString(4)).isEqualTo("HALL-1");
                assertThat(rs.getString(5)).isEqualTo("WINDOW");
                assertThat(rs.getBoolean(6)).isFalse();
                assertThat(rs.next()).isFalse();
            }
        }
        // Issued once: a second move is refused and records nothing.
        assertThat(as("clerk1", "POST", ApiPaths.clerkCaseTransitions(n), "{\"to\":\"CERTIFICATE_ISSUED\"}")
                .statusCode()).isEqualTo(409);
        assertThat(count("SELECT COUNT(*) FROM case_issuances")).isEqualTo(1);
    }
}
