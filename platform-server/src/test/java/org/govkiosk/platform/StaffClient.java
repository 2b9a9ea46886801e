package org.govkiosk.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.govkiosk.api.ApiPaths;
import org.govkiosk.platform.staff.Role;

/** A staff member of the tests: an account on a platform, signed in by the form (cookie) or the API (bearer). */
public final class StaffClient {

    public static final String PASSWORD = "correct horse battery staple";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private StaffClient() {
    }

    /** Makes an account with {@link #PASSWORD}. */
    public static void add(PlatformServer server, String login, Role role, String... halls) {
        server.addStaff(login, "测试" + login, role, Set.of(halls), PASSWORD.toCharArray());
    }

    /** The sign-in form's answer. */
    public static HttpResponse<String> form(URI base, String login, String password) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + "/staff/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("next=%2Ffleet&lang=zh&login=" + enc(login) + "&password="
                        + enc(password))).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Signs in by the form; "name=value" of the session cookie, as a browser sends it back. */
    public static String cookie(URI base, String login) throws Exception {
        HttpResponse<String> r = form(base, login, PASSWORD);
        if (r.statusCode() != 303) {
            throw new AssertionError("sign-in refused: " + r.statusCode() + " " + r.body());
        }
        String set = r.headers().firstValue("Set-Cookie").orElseThrow();
        return set.substring(0, set.indexOf(';'));
    }

    /** The CSRF token of a cookie session, read from the signed-in page as a browser's form would carry it. */
    public static String csrf(URI base, String cookie) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/staff")).header("Cookie", cookie)
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        Matcher m = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(r.body());
        if (!m.find()) {
            throw new AssertionError("no CSRF token on the signed-in page: " + r.statusCode() + " " + r.body());
        }
        return m.group(1);
    }

    /** The API's sign-in answer. */
    public static HttpResponse<String> api(URI base, String login, String password) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + ApiPaths.STAFF_SESSIONS))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(java.util.Map.of("login", login,
                        "password", password)))).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Signs in by the API; the bearer session token. */
    public static String token(URI base, String login) throws Exception {
        return token(base, login, PASSWORD);
    }

    /** Signs in by the API with {@code password}; the bearer session token. */
    public static String token(URI base, String login, String password) throws Exception {
        HttpResponse<String> r = api(base, login, password);
        if (r.statusCode() != 201) {
            throw new AssertionError("sign-in refused: " + r.statusCode() + " " + r.body());
        }
        JsonNode body = JSON.readTree(r.body());
        return body.path("token").asText();
    }

    /** A request with the bearer {@code token} (a session or the machine token). */
    public static HttpResponse<String> call(URI base, String token, String method, String path, String json)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer "
                + token).method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
