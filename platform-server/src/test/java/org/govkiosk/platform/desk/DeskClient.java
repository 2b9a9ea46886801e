package org.govkiosk.platform.desk;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser's part in the desk's HTTP tests: signs in with a staff account through the staff sign-in form (which
 * comes back to the desk), keeps the session cookie and the desk's window cookie, posts forms.
 */
final class DeskClient {

    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    /** "name=value" of the staff session cookie. */
    String cookie;
    /** "name=value" of the desk's window cookie. */
    String windowCookie;

    DeskClient(URI base) {
        this.base = base;
    }

    static String form(String... pairs) {
        StringJoiner j = new StringJoiner("&");
        for (int i = 0; i < pairs.length; i += 2) {
            j.add(URLEncoder.encode(pairs[i], StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return j.toString();
    }

    /** The staff sign-in form, coming back to the desk; keeps the session cookie it sets. */
    HttpResponse<String> signIn(String login, String password) throws Exception {
        HttpResponse<String> r = post("/staff/login", form("next", DeskRoutes.PAGE, "lang", "zh", "login", login,
                "password", password));
        r.headers().firstValue("Set-Cookie").ifPresent(c -> cookie = c.substring(0, c.indexOf(';')));
        return r;
    }

    /** Signs in as {@code login} with the tests' password and sets the window on the desk; fails if refused. */
    DeskClient signedIn(String login, String window) throws Exception {
        HttpResponse<String> r = signIn(login, org.govkiosk.platform.StaffClient.PASSWORD);
        if (r.statusCode() != 303) {
            throw new AssertionError("sign-in refused: " + r.statusCode() + " " + r.body());
        }
        if (window != null) {
            HttpResponse<String> w = setWindow(window);
            if (w.statusCode() != 303) {
                throw new AssertionError("window refused: " + w.statusCode() + " " + w.body());
            }
        }
        return this;
    }

    /** The desk's "my window" form; keeps the window cookie it sets. */
    HttpResponse<String> setWindow(String window) throws Exception {
        HttpResponse<String> r = post(DeskRoutes.WINDOW, form("csrf", csrf(), "lang", "zh", "window", window,
                "back", "lang=zh"));
        r.headers().firstValue("Set-Cookie").ifPresent(c -> windowCookie = c.substring(0, c.indexOf(';')));
        return r;
    }

    /** The staff sign-out, as the desk's header posts it. */
    HttpResponse<String> signOut(String csrf) throws Exception {
        return post("/staff/logout", form("csrf", csrf, "lang", "zh"));
    }

    private String cookies() {
        if (cookie == null) {
            return windowCookie;
        }
        return windowCookie == null ? cookie : cookie + "; " + windowCookie;
    }

    HttpResponse<String> get(String pathAndQuery) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(pathAndQuery)).GET();
        if (cookies() != null) {
            b.header("Cookie", cookies());
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String form) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (cookies() != null) {
            b.header("Cookie", cookies());
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The form token the signed-in page carries. */
    String csrf() throws Exception {
        HttpResponse<String> page = get(DeskRoutes.PAGE);
        Matcher m = CSRF.matcher(page.body());
        if (page.statusCode() != 200 || !m.find()) {
            throw new AssertionError("no form token on the desk: " + page.statusCode() + " " + page.body());
        }
        return m.group(1);
    }

    /** Posts an action of the case's detail with this session's token. */
    HttpResponse<String> act(String caseNumber, String verb, String... pairs) throws Exception {
        String[] all = new String[pairs.length + 4];
        all[0] = "csrf";
        all[1] = csrf();
        all[2] = "lang";
        all[3] = "zh";
        System.arraycopy(pairs, 0, all, 4, pairs.length);
        return post(DeskRoutes.caseAction(caseNumber, verb), form(all));
    }

    /** Uploads a file through the certificate form, as a browser sends it (multipart/form-data). */
    HttpResponse<String> upload(String caseNumber, byte[] file) throws Exception {
        String boundary = "----deskTestBoundary7MA4YWxkTrZu0gW";
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        for (String[] field : new String[][] {{"csrf", csrf()}, {"lang", "zh"}, {"back", "lang=zh"}}) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field[0]
                    + "\"\r\n\r\n" + field[1] + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"pdf\"; filename=\"证照.pdf\""
                + "\r\nContent-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(DeskRoutes.caseAction(caseNumber, "certificate")))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        if (cookies() != null) {
            b.header("Cookie", cookies());
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> ledger(String... pairs) throws Exception {
        String[] all = new String[pairs.length + 4];
        all[0] = "csrf";
        all[1] = csrf();
        all[2] = "lang";
        all[3] = "zh";
        System.arraycopy(pairs, 0, all, 4, pairs.length);
        return post(DeskRoutes.LEDGER_ACT, form(all));
    }
}
