package org.govkiosk.platform.staff;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.govkiosk.api.ApiPaths;
import org.govkiosk.api.ErrorCodes;
import org.govkiosk.platform.RunningPlatform;
import org.govkiosk.platform.StaffClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Staff accounts over real HTTP on loopback (H2): sign-in by the API and the form, lockout, roles, halls, expiry and
 * sign-out, CSRF, the audit naming the person, and the hall administrator's accounts API. The terminal of the tests
 * is in HALL-1; the clerk "clerk2" works in HALL-2 only.
 */
class StaffAccountsHttpTest extends RunningPlatform {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RETURN = "{\"department\":\"示例市人力资源和社会保障局\",\"returnedBy\":\"冒名 0001\","
            + "\"reasons\":[\"解除劳动合同证明未加盖单位公章\"]}";

    @BeforeEach
    void staff() {
        StaffClient.add(server, "admin1", Role.HALL_ADMIN, "HALL-1");
        StaffClient.add(server, "clerk1", Role.CLERK, "HALL-1");
        StaffClient.add(server, "clerk2", Role.CLERK, "HALL-2");
        StaffClient.add(server, "tech1", Role.TECHNICIAN, "HALL-1");
        StaffClient.add(server, "super1", Role.SUPERVISOR, "HALL-1");
    }

    private URI base() {
        return server.baseUri();
    }

    private HttpResponse<String> as(String token, String method, String path, String json) throws Exception {
        return StaffClient.call(base(), token, method, path, json);
    }

    private static String code(HttpResponse<String> r) throws Exception {
        return JSON.readTree(r.body()).path("code").asText();
    }

    @Test
    void aClerkSignsInByTheApiAndTheFormAndWrongPasswordsAreRefusedAlike() throws Exception {
        HttpResponse<String> in = StaffClient.api(base(), "clerk1", StaffClient.PASSWORD);
        assertThat(in.statusCode()).as(in.body()).isEqualTo(201);
        JsonNode session = JSON.readTree(in.body());
        assertThat(session.path("token").asText()).startsWith("gks_").hasSizeGreaterThan(40);
        assertThat(session.path("staff").path("role").asText()).isEqualTo("CLERK");
        assertThat(session.path("idleTimeoutSeconds").asLong()).isEqualTo(1800);
        assertThat(in.headers().firstValue("Cache-Control")).contains("no-store");
        HttpResponse<String> me = as(session.path("token").asText(), "GET", ApiPaths.STAFF_ME, null);
        assertThat(me.body()).contains("\"login\":\"clerk1\"", "测试clerk1", "HALL-1");

        HttpResponse<String> wrong = StaffClient.api(base(), "clerk1", "not the password!");
        HttpResponse<String> nobody = StaffClient.api(base(), "nobody", StaffClient.PASSWORD);
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(nobody.statusCode()).isEqualTo(401);
        assertThat(code(wrong)).isEqualTo(ErrorCodes.SIGN_IN_FAILED);
        assertThat(JSON.readTree(wrong.body()).path("message").asText())
                .isEqualTo(JSON.readTree(nobody.body()).path("message").asText());

        HttpResponse<String> form = StaffClient.form(base(), "clerk1", "not the password!");
        assertThat(form.statusCode()).isEqualTo(401);
        assertThat(form.headers().firstValue("Set-Cookie")).isEmpty();
        assertThat(form.body()).contains("账号或密码不正确", "role=\"alert\"", "value=\"clerk1\"")
                .doesNotContain("not the password");
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(base() + "/staff/login?lang=en"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.body()).contains("lang=\"en\"", "<label for=\"password\">Password</label>",
                "autocomplete=\"current-password\"", "name=\"viewport\"");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(v ->
                assertThat(v).contains("default-src 'none'", "frame-ancestors 'none'"));
    }

    @Test
    void wrongPasswordsLockTheAccountOutEvenWithTheRightOneAndFromAnotherPath() throws Exception {
        int max = config().exposure().maxFailedLogins();
        for (int i = 0; i < max; i++) {
            assertThat(StaffClient.api(base(), "clerk1", "wrong password " + i).statusCode()).isEqualTo(401);
        }
        HttpResponse<String> locked = StaffClient.api(base(), "clerk1", StaffClient.PASSWORD);
        assertThat(locked.statusCode()).isEqualTo(429);
        assertThat(locked.headers().firstValue("Retry-After")).isPresent();
        assertThat(StaffClient.form(base(), "clerk1", StaffClient.PASSWORD).statusCode()).isEqualTo(429);
        clock.advance(config().exposure().loginLockout().plusSeconds(1));
        assertThat(StaffClient.api(base(), "clerk1", StaffClient.PASSWORD).statusCode()).isEqualTo(201);
    }

    @Test
    void rolesAreHeld() throws Exception {
        String n = fileCase("k-roles");
        String accept = "{\"to\":\"ACCEPTED\"}";
        HttpResponse<String> tech = as(StaffClient.token(base(), "tech1"), "POST", ApiPaths.clerkCaseTransitions(n),
                accept);
        assertThat(tech.statusCode()).isEqualTo(403);
        assertThat(code(tech)).isEqualTo(ErrorCodes.ROLE_NOT_ALLOWED);
        assertThat(as(StaffClient.token(base(), "super1"), "POST", ApiPaths.clerkCaseTransitions(n), accept)
                .statusCode()).isEqualTo(403);
        String clerk = StaffClient.token(base(), "clerk1");
        assertThat(as(clerk, "GET", ApiPaths.STAFF_ACCOUNTS, null).statusCode()).isEqualTo(403);
        assertThat(as(clerk, "GET", "/metrics", null).statusCode()).as("metrics: machine token only").isEqualTo(403);
        assertThat(as(CLERK, "GET", "/metrics", null).statusCode()).isEqualTo(200);
        assertThat(as(clerk, "POST", ApiPaths.clerkCaseTransitions(n), accept).statusCode()).isEqualTo(200);
        assertThat(as(StaffClient.token(base(), "tech1"), "GET", ApiPaths.CLERK_TERMINALS, null).body())
                .contains("T-001");
    }

    @Test
    void aClerkOfAnotherHallCannotSeeOrTouchTheCase() throws Exception {
        String n = fileCase("k-halls");
        String other = StaffClient.token(base(), "clerk2");
        HttpResponse<String> move = as(other, "POST", ApiPaths.clerkCaseTransitions(n), "{\"to\":\"ACCEPTED\"}");
        assertThat(move.statusCode()).isEqualTo(404);
        assertThat(code(move)).isEqualTo(ErrorCodes.NOT_FOUND);
        assertThat(as(other, "POST", ApiPaths.clerkCaseReturn(n), RETURN).statusCode()).isEqualTo(404);
        assertThat(as(other, "GET", ApiPaths.CLERK_CASES, null).body()).doesNotContain(n);
        assertThat(as(other, "GET", ApiPaths.CLERK_TERMINALS, null).body()).doesNotContain("T-001");
        assertThat(as(StaffClient.token(base(), "clerk1"), "GET", ApiPaths.CLERK_CASES, null).body()).contains(n);
        assertThat(terminal.get(ApiPaths.caseByNumber(n)).body()).contains("SUBMITTED");
    }

    @Test
    void sessionsEndAtSignOutAndAtTheirAbsoluteExpiry() throws Exception {
        String token = StaffClient.token(base(), "clerk1");
        assertThat(as(token, "POST", ApiPaths.STAFF_SESSION_END, null).statusCode()).isEqualTo(204);
        assertThat(as(token, "GET", ApiPaths.STAFF_ME, null).statusCode()).isEqualTo(401);

        String busy = StaffClient.token(base(), "clerk1");
        for (int i = 0; i < 20; i++) {
            clock.advance(Duration.ofMinutes(29)); // busy all day: never idle
            assertThat(as(busy, "GET", ApiPaths.STAFF_ME, null).statusCode()).as("after %d", i).isEqualTo(200);
        }
        clock.advance(Duration.ofMinutes(29)); // 10 h 09 min in all
        assertThat(as(busy, "GET", ApiPaths.STAFF_ME, null).statusCode()).as("past 10 h").isEqualTo(401);
    }

    @Test
    void aCookieSessionChangesNothingWithoutItsCsrfToken() throws Exception {
        String n = fileCase("k-csrf");
        String cookie = StaffClient.cookie(base(), "clerk1");
        HttpRequest.Builder move = HttpRequest.newBuilder(URI.create(base() + ApiPaths.clerkCaseTransitions(n)))
                .header("Cookie", cookie).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"to\":\"ACCEPTED\"}"));
        HttpResponse<String> refused = http.send(move.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(code(refused)).isEqualTo(ErrorCodes.CSRF_TOKEN_INVALID);
        HttpResponse<String> forged = http.send(move.copy().header("X-CSRF-Token", "guessed").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(terminal.get(ApiPaths.caseByNumber(n)).body()).contains("SUBMITTED");

        String csrf = StaffClient.csrf(base(), cookie);
        assertThat(http.send(move.copy().header("X-CSRF-Token", csrf).build(), HttpResponse.BodyHandlers.ofString())
                .statusCode()).isEqualTo(200);
        // Reading needs no token; signing out by the form without it does nothing.
        HttpResponse<String> out = http.send(HttpRequest.newBuilder(URI.create(base() + "/staff/logout"))
                .header("Cookie", cookie).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("lang=zh")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(out.statusCode()).isEqualTo(403);
        // Another site's sign-in form is refused (login CSRF).
        HttpResponse<String> crossSite = http.send(HttpRequest.newBuilder(URI.create(base() + "/staff/login"))
                .header("Origin", "https://evil.example").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("login=clerk1&password="
                        + java.net.URLEncoder.encode(StaffClient.PASSWORD, java.nio.charset.StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(crossSite.statusCode()).isEqualTo(403);
        assertThat(crossSite.headers().firstValue("Set-Cookie")).isEmpty();
    }

    @Test
    void theAuditNamesThePersonAndTheRecordTakesTheSessionsNameNotTheBodys() throws Exception {
        String n = fileCase("k-audit");
        HttpResponse<String> returned = as(StaffClient.token(base(), "clerk1"), "POST", ApiPaths.clerkCaseReturn(n),
                RETURN);
        assertThat(returned.statusCode()).as(returned.body()).isEqualTo(200);
        HttpResponse<String> audit = as(StaffClient.token(base(), "admin1"), "GET", ApiPaths.STAFF_AUDIT, null);
        assertThat(audit.statusCode()).isEqualTo(200);
        JsonNode entries = JSON.readTree(audit.body()).path("entries");
        JsonNode ret = null;
        for (JsonNode e : entries) {
            if (e.path("action").asText().equals("POST " + ApiPaths.CLERK_CASE_RETURN)) {
                ret = e;
            }
        }
        assertThat(ret).as(audit.body()).isNotNull();
        assertThat(ret.path("login").asText()).isEqualTo("clerk1");
        assertThat(ret.path("name").asText()).isEqualTo("测试clerk1");
        assertThat(ret.path("target").asText()).isEqualTo(n);
        assertThat(ret.path("hallCode").asText()).isEqualTo("HALL-1");
        assertThat(ret.path("detail").asText()).isEqualTo("returned by 测试clerk1 (clerk1)").doesNotContain("冒名");
        assertThat(audit.body()).contains("\"action\":\"sign-in\"");
        // The machine token is audited as the machine.
        as(CLERK, "POST", ApiPaths.clerkCaseTransitions(fileCase("k-audit-2")), "{\"to\":\"ACCEPTED\"}");
        assertThat(as(CLERK, "GET", ApiPaths.STAFF_AUDIT, null).body()).contains("\"login\":\"machine\"");
        // A supervisor of another hall sees none of it.
        StaffClient.add(server, "super2", Role.SUPERVISOR, "HALL-2");
        assertThat(as(StaffClient.token(base(), "super2"), "GET", ApiPaths.STAFF_AUDIT, null).body())
                .doesNotContain("clerk1", n);
    }

    @Test
    void aHallAdministratorManagesTheAccountsOfTheirHallsOnly() throws Exception {
        String admin = StaffClient.token(base(), "admin1");
        String create = "{\"login\":\"clerk3\",\"name\":\"李四\",\"role\":\"CLERK\",\"halls\":[\"HALL-1\"],"
                + "\"password\":\"a long enough pass\"}";
        HttpResponse<String> made = as(admin, "POST", ApiPaths.STAFF_ACCOUNTS, create);
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        assertThat(made.body()).doesNotContain("a long enough pass", "argon");
        assertThat(code(as(admin, "POST", ApiPaths.STAFF_ACCOUNTS, create))).isEqualTo(ErrorCodes.ACCOUNT_EXISTS);
        HttpResponse<String> otherHall = as(admin, "POST", ApiPaths.STAFF_ACCOUNTS, create.replace("clerk3", "clerk4")
                .replace("HALL-1", "HALL-2"));
        assertThat(otherHall.statusCode()).isEqualTo(403);
        assertThat(code(otherHall)).isEqualTo(ErrorCodes.OTHER_HALL);
        HttpResponse<String> weak = as(admin, "POST", ApiPaths.STAFF_ACCOUNTS, create.replace("clerk3", "clerk5")
                .replace("a long enough pass", "short"));
        assertThat(weak.statusCode()).isEqualTo(400);
        assertThat(weak.body()).contains("at least 12 characters");

        String clerk3 = StaffClient.token(base(), "clerk3", "a long enough pass");
        assertThat(as(clerk3, "GET", ApiPaths.STAFF_ME, null).statusCode()).isEqualTo(200);
        HttpResponse<String> reRole = as(admin, "POST", ApiPaths.staffAccount("clerk3"), "{\"role\":\"SUPERVISOR\"}");
        assertThat(reRole.statusCode()).as(reRole.body()).isEqualTo(200);
        assertThat(reRole.body()).contains("\"role\":\"SUPERVISOR\"");
        assertThat(as(clerk3, "GET", ApiPaths.STAFF_ME, null).statusCode()).as("a changed account signs in again")
                .isEqualTo(401);
        assertThat(as(admin, "POST", ApiPaths.staffAccount("clerk3"), "{\"disabled\":true}").statusCode())
                .isEqualTo(200);
        assertThat(StaffClient.api(base(), "clerk3", "a long enough pass").statusCode()).isEqualTo(401);
        assertThat(as(admin, "POST", ApiPaths.staffAccount("clerk2"), "{\"disabled\":true}").statusCode())
                .as("another hall's account").isEqualTo(404);
        assertThat(as(admin, "POST", ApiPaths.staffAccount("admin1"), "{\"disabled\":true}").statusCode())
                .as("not oneself").isEqualTo(400);
        assertThat(as(admin, "GET", ApiPaths.STAFF_ACCOUNTS, null).body()).contains("clerk1", "clerk3")
                .doesNotContain("clerk2", "argon");
    }

    @Test
    void theRatingsReportsAndSettingsStayInTheCallersHalls() throws Exception {
        String clerk2 = StaffClient.token(base(), "clerk2");
        String admin1 = StaffClient.token(base(), "admin1");
        String reports = ApiPaths.CLERK_RATING_REPORTS + "?month=2025-03";
        assertThat(as(clerk2, "GET", reports + "&hall=HALL-1", null).statusCode())
                .as("another hall's report").isEqualTo(404);
        assertThat(as(clerk2, "GET", reports, null).statusCode()).as("their only hall by default").isEqualTo(200);
        assertThat(as(clerk2, "GET", reports + "&hall=HALL-2", null).statusCode()).isEqualTo(200);
        assertThat(as(admin1, "PUT", ApiPaths.CLERK_RATING_WINDOWS,
                "{\"hallCode\":\"HALL-2\",\"windowId\":\"W-01\",\"department\":\"示例局\",\"updatedBy\":\"admin1\"}").statusCode())
                .as("another hall's window map").isEqualTo(404);
        assertThat(as(admin1, "PUT", ApiPaths.CLERK_RATING_WINDOWS,
                "{\"hallCode\":\"HALL-1\",\"windowId\":\"W-01\",\"department\":\"示例局\",\"updatedBy\":\"admin1\"}").statusCode())
                .isEqualTo(200);
        assertThat(as(admin1, "PUT", ApiPaths.CLERK_RATING_PUBLICATION,
                "{\"hallCode\":\"HALL-2\",\"showClerks\":true,\"updatedBy\":\"admin1\"}").statusCode()).isEqualTo(404);
        assertThat(as(clerk2, "GET", ApiPaths.CLERK_RATING_WINDOW_CARD + "?hall=HALL-1&window=W-01", null)
                .statusCode()).isEqualTo(404);
    }
}
