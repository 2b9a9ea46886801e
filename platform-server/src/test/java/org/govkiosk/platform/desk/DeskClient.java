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

/** A browser's part in the desk's HTTP tests: signs in through the form, keeps the cookie, posts forms. */
final class DeskClient {

    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    String cookie;

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

    HttpResponse<String> signIn(String token, String name, String window) throws Exception {
        HttpResponse<String> r = post(DeskRoutes.LOGIN, form("token", token, "name", name, "window", window,
                "lang", "zh"));
        r.headers().firstValue("Set-Cookie").ifPresent(c -> cookie = c.substring(0, c.indexOf(';')));
        return r;
    }

    HttpResponse<String> get(String pathAndQuery) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(pathAndQuery)).GET();
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String form) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (cookie != null) {
            b.header("Cookie", cookie);
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
        if (cookie != null) {
            b.header("Cookie", cookie);
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
