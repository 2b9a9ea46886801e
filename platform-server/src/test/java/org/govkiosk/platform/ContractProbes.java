package org.govkiosk.platform;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.govkiosk.api.ApiPaths;
import org.govkiosk.api.CaseKind;
import org.govkiosk.platform.http.RouteTable.Route;

/**
 * Requests that provoke the failures an operation documents, for {@link OpenApiContractTest}. Generic probes come
 * from the operation's shape (a body: too large, another media type, malformed; signed: unsigned; clerk: no
 * token); the rest (403, 404, 406, a bad query) are written per operation below. A new operation that documents
 * one of {@link #REQUIRED} gets its probe here, or the contract test says which is missing.
 *
 * <p>Requests go over a raw socket with {@code Connection: close}: a body refused while it is sent (413) must not
 * turn into a client-side broken pipe, and the answer is read whole until the server closes.
 */
final class ContractProbes {

    /** The failures every operation that documents them must be shown to answer. */
    static final List<Integer> REQUIRED = List.of(400, 401, 403, 404, 406, 413, 415);

    /** A case number no case has. */
    static final String UNKNOWN_CASE = "GK2099010100000000000";
    /** Declared length of the too-large probes: over every body limit of the platform. */
    private static final long HUGE = 64L * 1024 * 1024;

    /** One request and the status the document says it gets. */
    record Probe(Route operation, int expected, String what, String method, String path, Map<String, String> headers,
            byte[] body, long declaredLength) {
    }

    /** What came back. */
    record Answer(int status, Map<String, String> headers, String body) {
    }

    /** The documented side of an operation the probes need. */
    record Operation(Route route, boolean hasBody, String security) {
    }

    /** The staff operations a technician may call: the others answer a technician's session 403. */
    private static final java.util.Set<String> TECHNICIAN_ALLOWED = java.util.Set.of(ApiPaths.CLERK_TERMINALS,
            ApiPaths.STAFF_ME, ApiPaths.STAFF_SESSION_END, ApiPaths.STAFF_SESSIONS);

    private final URI base;
    private final TestTerminal terminal;
    private final String clerkToken;
    private final String completedCase;
    private final String technicianToken;
    /** Sessions of people, for the 404 of another hall's data: a clerk of HALL-1, a supervisor of HALL-2. */
    private String hallOneClerkToken;
    private String hallTwoSupervisorToken;

    ContractProbes(URI base, TestTerminal terminal, String clerkToken, String completedCase) {
        this(base, terminal, clerkToken, completedCase, null);
    }

    /** With a technician's session token, for the 403 role-not-allowed of the staff operations. */
    ContractProbes(URI base, TestTerminal terminal, String clerkToken, String completedCase, String technicianToken) {
        this.base = base;
        this.terminal = terminal;
        this.clerkToken = clerkToken;
        this.completedCase = completedCase;
        this.technicianToken = technicianToken;
    }

    /** With the sessions of a clerk of HALL-1 and a supervisor of HALL-2, for the probes of another hall. */
    ContractProbes withPeople(String hallOneClerk, String hallTwoSupervisor) {
        this.hallOneClerkToken = hallOneClerk;
        this.hallTwoSupervisorToken = hallTwoSupervisor;
        return this;
    }

    List<Probe> probes(Operation op) {
        List<Probe> out = new ArrayList<>();
        Route r = op.route();
        // A case that exists: the generic probes fail on the request itself, not on the case.
        String path = r.path().replace("{caseNumber}", completedCase).replace("{appealId}", "AP-probe")
                .replace("{number}", "1")
                .replace("{login}", "probe-clerk");
        boolean pdf = r.path().equals(ApiPaths.CLERK_CASE_CERTIFICATE);
        // The phone rating page's form is what a browser posts; its malformed body is a token that is no token.
        boolean form = r.path().equals(ApiPaths.RATE_PAGE);
        String type = pdf ? "application/pdf" : form ? "application/x-www-form-urlencoded" : "application/json";
        String malformed = pdf ? "not a PDF" : form ? "t=%zz&level=9" : "{\"unclosed\":";
        if (op.security().equals("terminal")) {
            out.add(new Probe(r, 401, "unsigned", r.method(), path, Map.of("Content-Type", type), bytes("{}"), -1));
            out.add(authed(r, 413, "a body over the limit", path, type, new byte[0], HUGE));
        }
        if (op.security().equals("clerk")) {
            out.add(new Probe(r, 401, "no clerk token", r.method(), path, Map.of("Content-Type", type), bytes("{}"),
                    -1));
            if (technicianToken != null && !TECHNICIAN_ALLOWED.contains(r.path())) {
                out.add(new Probe(r, 403, "a technician's session", r.method(), path, Map.of("Content-Type", type,
                        "Authorization", "Bearer " + technicianToken), bytes("{}"), -1));
            }
        }
        if (op.hasBody()) {
            if (!op.security().equals("terminal")) {
                out.add(authed(r, 413, "a body over the limit", path, type, new byte[0], HUGE));
            }
            out.add(authed(r, 415, "a body of another media type", path, pdf ? "application/json" : "text/plain",
                    bytes("{}"), -1));
            out.add(authed(r, 400, "a malformed body", path, type, bytes(malformed), -1));
        }
        out.addAll(specific(r));
        return out;
    }

    /** Probes written for one operation: a valid body that fails on what the platform holds, a bad query. */
    private List<Probe> specific(Route r) {
        String now = Instant.now().toString();
        String other = "T-NOT-ME";
        List<Probe> out = new ArrayList<>();
        String unknown = r.path().replace("{caseNumber}", UNKNOWN_CASE);
        String t = terminal.id;
        switch (r.method() + " " + r.path()) {
            case "POST " + ApiPaths.TERMINALS -> out.add(authed(r, 403, "a wrong enrolment token", r.path(),
                    "application/json", json(Map.of("terminalId", "T-NEW", "hallCode", "HALL-1", "publicKey",
                            org.govkiosk.api.TerminalKeys.encodePublic(terminal.keys.getPublic()),
                            "enrolmentToken", "not-the-token")), -1));
            case "POST " + ApiPaths.HEARTBEATS -> out.add(authed(r, 403, "another terminal's heartbeat", r.path(),
                    "application/json", json(Map.of("terminalId", other, "sentAt", now, "outboxPending", 0)), -1));
            case "POST " + ApiPaths.CASES -> out.add(authed(r, 403, "a case filed for another terminal", r.path(),
                    "application/json", json(Fixtures.submission(other, "probe-403")), -1));
            case "GET " + ApiPaths.CASE -> out.add(authed(r, 404, "an unknown case", unknown, null, new byte[0], -1));
            case "POST " + ApiPaths.CASE_CERTIFICATE -> {
                out.add(authed(r, 404, "an unknown case", unknown, "application/json", holder("11010519491231002X"),
                        -1));
                out.add(authed(r, 403, "someone who is not the applicant", r.path().replace("{caseNumber}",
                        completedCase), "application/json", holder("110105194912310037"), -1));
            }
            case "POST " + ApiPaths.CASE_SUPPLEMENTS -> {
                out.add(authed(r, 404, "an unknown case", unknown, "application/json", supplement(t), -1));
                out.add(authed(r, 403, "a supplement for another terminal", unknown, "application/json",
                        supplement(other), -1));
            }
            case "POST " + ApiPaths.CASE_ISSUANCES -> {
                out.add(authed(r, 404, "an unknown case", unknown, "application/json", issuance("HALL-1"), -1));
                out.add(authed(r, 403, "another hall", unknown, "application/json", issuance("HALL-9"), -1));
            }
            case "POST " + ApiPaths.RATINGS -> {
                out.add(authed(r, 404, "a rating of an unknown case", r.path(), "application/json",
                        json(Fixtures.rating(t, "probe-404", UNKNOWN_CASE, "1", 5)), -1));
                Map<String, Object> otherHall = map(Fixtures.rating(t, "probe-403", UNKNOWN_CASE, "1", 5));
                otherHall.put("hallCode", "HALL-9");
                out.add(authed(r, 403, "another hall", r.path(), "application/json", json(otherHall), -1));
            }
            case "POST " + ApiPaths.PADS -> out.add(authed(r, 403, "a pad that is not the signing terminal",
                    r.path(), "application/json", json(Map.of("padId", other, "hallCode", "HALL-1", "windowId",
                            "W-1")), -1));
            case "GET " + ApiPaths.PAD_EVENTS -> {
                Probe p = authed(r, 403, "a terminal bound to no window", r.path(), null, new byte[0], -1);
                out.add(withHeader(p, "Accept", "text/event-stream"));
                out.add(withHeader(authed(r, 406, "an Accept without the event stream", r.path(), null,
                        new byte[0], -1), "Accept", "application/json, text/*;q=0"));
            }
            case "POST " + ApiPaths.CLERK_CASE_TRANSITIONS -> out.add(authed(r, 404, "an unknown case", unknown,
                    "application/json", bytes("{\"to\":\"ACCEPTED\"}"), -1));
            case "POST " + ApiPaths.CLERK_CASE_RETURN -> out.add(authed(r, 404, "an unknown case", unknown,
                    "application/json", json(Map.of("department", "示例市市场监督管理局", "returnedBy", "王五",
                            "reasons", List.of("申请材料与事项不符"))), -1));
            case "POST " + ApiPaths.CLERK_CASE_JOINT_STEPS -> out.add(authed(r, 404, "an unknown case", unknown,
                    "application/json", bytes("{\"department\":\"示例市公安局\",\"state\":\"AGREED\","
                            + "\"clerk\":\"王五\"}"), -1));
            case "POST " + ApiPaths.CLERK_CASE_MAILING -> out.add(authed(r, 404, "an unknown case", unknown,
                    "application/json", bytes("{\"state\":\"DELIVERED\",\"clerk\":\"王五\"}"), -1));
            case "POST " + ApiPaths.CLERK_CASE_DEFERRED_RECEIVED -> out.add(authed(r, 404, "an unknown case", unknown,
                    null, new byte[0], -1));
            case "PUT " + ApiPaths.CLERK_CASE_CERTIFICATE -> out.add(authed(r, 404, "an unknown case", unknown,
                    "application/pdf", bytes("%PDF-1.4\n%%EOF\n"), -1));
            case "POST " + ApiPaths.CLERK_CERTIFICATE_REVOKE -> out.add(authed(r, 404, "an unknown case", unknown,
                    "application/json", bytes("{\"reason\":\"probe\"}"), -1));
            case "POST " + ApiPaths.CLERK_RATING_FOLLOW_UPS -> out.add(authed(r, 404, "an unknown rating", r.path(),
                    "application/json", bytes("{\"ratingId\":\"no-such-rating\",\"state\":\"IN_PROGRESS\"}"), -1));
            case "GET " + ApiPaths.CLERK_CASES, "GET " + ApiPaths.CLERK_BAD_RATINGS,
                    "GET " + ApiPaths.CLERK_NATIONAL_RATINGS ->
                    out.add(authed(r, 400, "limit 0", r.path() + "?limit=0", null, new byte[0], -1));
            case "GET " + ApiPaths.RATE_PAGE -> out.add(authed(r, 400, "a forged link", r.path() + "?t=forged", null,
                    new byte[0], -1));
            case "GET " + ApiPaths.CLERK_RATING_SUMMARY -> out.add(authed(r, 400, "a date that is no date",
                    r.path() + "?from=yesterday&to=2026-12-31", null, new byte[0], -1));
            case "POST " + ApiPaths.CLERK_RATING_LEDGER -> out.add(authed(r, 404, "an unknown rating", r.path(),
                    "application/json", bytes("{\"ratingId\":\"no-such-rating\",\"action\":\"ASSIGN\","
                            + "\"by\":\"probe\",\"ownerDepartment\":\"社保科\"}"), -1));
            case "GET " + ApiPaths.CLERK_RATING_LEDGER -> out.add(authed(r, 400, "limit 0", r.path() + "?limit=0",
                    null, new byte[0], -1));
            case "GET " + ApiPaths.CLERK_RATING_LEDGER_RATES -> out.add(authed(r, 400, "a date that is no date",
                    r.path() + "?from=yesterday&to=2026-12-31", null, new byte[0], -1));
            case "GET " + ApiPaths.CLERK_PROVINCE_DEAD_LETTERS -> out.add(authed(r, 400, "limit 0",
                    r.path() + "?limit=0", null, new byte[0], -1));
            case "POST " + ApiPaths.CLERK_PROVINCE_REQUEUE -> out.add(authed(r, 404,
                    "an entry that is no dead letter", r.path(), "application/json",
                    bytes("{\"entryId\":\"no-such-entry\"}"), -1));
            case "GET " + ApiPaths.CLERK_RATING_APPEALS -> out.add(authed(r, 400, "limit 0", r.path() + "?limit=0",
                    null, new byte[0], -1));
            case "POST " + ApiPaths.CLERK_RATING_APPEALS -> out.add(authed(r, 404, "an unknown rating", r.path(),
                    "application/json", bytes("{\"ratingId\":\"no-such-rating\",\"filedBy\":\"probe\","
                            + "\"explanation\":\"probe\"}"), -1));
            case "POST " + ApiPaths.CLERK_RATING_APPEAL_DECISION -> {
                out.add(authed(r, 404, "an unknown appeal", ApiPaths.clerkRatingAppealDecision("AP-none"),
                        "application/json", decision("MGR-probe"), -1));
                out.add(authed(r, 403, "the filer reviewing their own appeal", ApiPaths.clerkRatingAppealDecision(
                        appealFiledBy(r, "CLERK-probe")), "application/json", decision("clerk-probe"), -1));
                if (hallTwoSupervisorToken != null) {
                    out.add(as(hallTwoSupervisorToken, authed(r, 404, "another hall's appeal",
                            ApiPaths.clerkRatingAppealDecision(appealFiledBy(r, "CLERK-probe-2")),
                            "application/json", decision("MGR-probe"), -1)));
                }
            }
            case "GET " + ApiPaths.CLERK_RATING_APPEAL_EVIDENCE -> {
                out.add(authed(r, 404, "an unknown appeal", ApiPaths.clerkRatingAppealEvidence("AP-none", 1), null,
                        new byte[0], -1));
                if (hallTwoSupervisorToken != null) {
                    out.add(as(hallTwoSupervisorToken, authed(r, 404, "another hall's appeal",
                            ApiPaths.clerkRatingAppealEvidence(appealFiledBy(r, "CLERK-probe-3"), 1), null,
                            new byte[0], -1)));
                }
            }
            case "POST " + ApiPaths.CLERK_LICENCES -> {
                if (hallOneClerkToken != null) {
                    out.add(as(hallOneClerkToken, authed(r, 404, "another hall", r.path() + "?hall=HALL-2",
                            "application/json", licence(), -1)));
                }
                out.add(authed(r, 400, "a hall that is no hall code", r.path() + "?hall=no%20hall",
                        "application/json", licence(), -1));
            }
            case "GET " + ApiPaths.CLERK_RATING_REPORTS -> out.add(authed(r, 400, "a grouping there is not",
                    r.path() + "?by=hall", null, new byte[0], -1));
            case "GET " + ApiPaths.PAD_RATING_LINK -> out.add(authed(r, 403, "a terminal bound to no window",
                    r.path(), null, new byte[0], -1));
            case "GET " + ApiPaths.CLERK_RATING_WINDOW_CARD -> out.add(authed(r, 400, "no window", r.path()
                    + "?hall=HALL-1", null, new byte[0], -1));
            case "GET " + ApiPaths.RATE_WINDOW_PAGE -> out.add(authed(r, 400, "a forged link", r.path()
                    + "?t=forged.token", null, new byte[0], -1));
            case "GET " + ApiPaths.RATINGS_PUBLISHED_PAGE -> {
                out.add(authed(r, 400, "no hall", r.path(), null, new byte[0], -1));
                out.add(authed(r, 404, "a hall there is not", r.path() + "?hall=HALL-NONE", null, new byte[0], -1));
            }
            case "POST " + ApiPaths.STAFF_SESSIONS -> out.add(authed(r, 401, "a wrong password", r.path(),
                    "application/json", bytes("{\"login\":\"probe-nobody\",\"password\":\"not the password\"}"),
                    -1));
            case "POST " + ApiPaths.STAFF_SESSION_END -> {
                if (technicianToken != null) {
                    out.add(new Probe(r, 403, "the session cookie without its CSRF token", r.method(), r.path(),
                            Map.of("Cookie", "govkiosk_staff=" + technicianToken), new byte[0], -1));
                }
            }
            case "POST " + ApiPaths.STAFF_ACCOUNT -> out.add(authed(r, 404, "an unknown account",
                    ApiPaths.staffAccount("probe-nobody"), "application/json", bytes("{\"disabled\":true}"), -1));
            case "GET " + ApiPaths.STAFF_AUDIT -> out.add(authed(r, 400, "limit 0", r.path() + "?limit=0", null,
                    new byte[0], -1));
            case "GET " + ApiPaths.CERTIFICATE_VERIFY_PAGE, "GET " + ApiPaths.CERTIFICATE_VERIFY ->
                    out.add(authed(r, 400, "no code", r.path(), null, new byte[0], -1));
            default -> {
            }
        }
        return out;
    }

    /** A request with the operation's credentials: signed by the terminal, or with the clerk token, or none. */
    private Probe authed(Route r, int expected, String what, String path, String contentType, byte[] body,
            long declared) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (contentType != null) {
            headers.put("Content-Type", contentType);
        }
        if (path.startsWith(ApiPaths.BASE + "/clerk/") || (path.startsWith(ApiPaths.BASE + "/staff/")
                && !path.equals(ApiPaths.STAFF_SESSIONS))) {
            headers.put("Authorization", "Bearer " + clerkToken);
        } else if (path.equals(ApiPaths.STAFF_SESSIONS)) {
            // Signing in takes no credentials.
        } else if (!path.startsWith(ApiPaths.TERMINALS) && !path.startsWith(ApiPaths.HEALTH)
                && !path.startsWith(ApiPaths.CERTIFICATE_VERIFY) && !path.startsWith(ApiPaths.CERTIFICATE_VERIFY_PAGE)
                && !path.startsWith(ApiPaths.RATINGS_PUBLISHED_PAGE) && !path.startsWith(ApiPaths.RATE_WINDOW_PAGE)) {
            headers.putAll(terminal.sign(r.method(), path, body).asMap());
        }
        return new Probe(r, expected, what, r.method(), path, headers, body, declared);
    }

    /** The probe made with a person's session token instead of the machine token. */
    private static Probe as(String token, Probe p) {
        return withHeader(p, "Authorization", "Bearer " + token);
    }

    private static byte[] licence() {
        return json(Map.of("licenceType", "E_SOCIAL_SECURITY_CARD", "licenceNumber", "A12345678", "holderName",
                "张三丰", "holderIdNumber", Fixtures.ID_NUMBER, "issuer", "示例市人社局", "codeTtlSeconds", 60));
    }

    private static Probe withHeader(Probe p, String name, String value) {
        Map<String, String> h = new LinkedHashMap<>(p.headers());
        h.put(name, value);
        return new Probe(p.operation(), p.expected(), p.what(), p.method(), p.path(), h, p.body(), p.declaredLength());
    }

    private byte[] supplement(String terminalId) {
        return json(Map.of("idempotencyKey", "probe-supplement", "caseNumber", UNKNOWN_CASE, "terminalId", terminalId,
                "idType", "RESIDENT_ID", "idNumber", Fixtures.ID_NUMBER, "materials", List.of(Map.of("code", "M1",
                        "name", "户口簿", "status", "PROVIDED", "source", "PAPER")),
                "submittedAt", Instant.now().toString()));
    }

    private byte[] issuance(String hall) {
        return json(Map.of("idempotencyKey", "probe-issuance", "caseNumber", UNKNOWN_CASE, "terminalId", terminal.id,
                "hallCode", hall, "channel", "SELF_SERVICE_TERMINAL", "certificateSha256", "0".repeat(64),
                "issuedAt", Instant.now().toString()));
    }

    private static byte[] decision(String reviewer) {
        return json(Map.of("uphold", true, "reviewedBy", reviewer, "reason", "probe"));
    }

    /** An open appeal against a bad rating of the completed case, filed by {@code filer}; its id. */
    private String appealFiledBy(Route r, String filer) {
        try {
            var rated = terminal.post(ApiPaths.RATINGS, Fixtures.rating(terminal.id, "probe-appeal-" + filer,
                    completedCase, "probe-appeal-" + filer, 1));
            if (rated.statusCode() != 201) {
                throw new AssertionError("rating refused: " + rated.body());
            }
            String ratingId = TestTerminal.read(rated, org.govkiosk.api.RatingReceipt.class).ratingId();
            Probe file = authed(r, 201, "file", ApiPaths.CLERK_RATING_APPEALS, "application/json",
                    json(Map.of("ratingId", ratingId, "filedBy", filer, "explanation", "probe")), -1);
            // Filed by POST whatever the operation probed (the evidence is a GET).
            Answer filed = send(new Probe(file.operation(), 201, "file", "POST", file.path(), file.headers(),
                    file.body(), -1));
            if (filed.status() != 201) {
                throw new AssertionError("appeal refused: " + filed.body());
            }
            return TestTerminal.JSON.readTree(filed.body()).path("appealId").asText();
        } catch (Exception e) {
            throw new IllegalStateException("the appeal the probe needs could not be filed", e);
        }
    }

    private static byte[] holder(String idNumber) {
        return json(Map.of("idType", "RESIDENT_ID", "idNumber", idNumber));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return new LinkedHashMap<>(TestTerminal.JSON.convertValue(value, Map.class));
    }

    private static byte[] json(Object value) {
        try {
            return TestTerminal.JSON.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** An IMMEDIATE case of {@code terminal}, decided at once, so its certificate is on file. */
    static String fileCompletedCase(TestTerminal terminal) throws Exception {
        var r = terminal.post(ApiPaths.CASES, Fixtures.submission(terminal.id, "probe-completed", CaseKind.IMMEDIATE,
                "本地"));
        if (r.statusCode() != 201) {
            throw new AssertionError("case refused: " + r.statusCode() + " " + r.body());
        }
        return TestTerminal.read(r, org.govkiosk.api.CaseReceipt.class).caseNumber();
    }

    /** Sends the probe and reads the answer; a body refused while it is sent stops being sent. */
    Answer send(Probe p) throws Exception {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            StringBuilder head = new StringBuilder(p.method()).append(' ').append(p.path()).append(" HTTP/1.1\r\n")
                    .append("Host: ").append(base.getHost()).append("\r\nConnection: close\r\n");
            p.headers().forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
            long length = p.declaredLength() >= 0 ? p.declaredLength() : p.body().length;
            if (length > 0 || p.method().equals("POST") || p.method().equals("PUT")) {
                head.append("Content-Length: ").append(length).append("\r\n");
            }
            // A small body goes out with its headers, in one write, as clients send it: Jetty's minimum data rate
            // (1 KiB/s from the request's start) can refuse a few bytes that trail their headers by milliseconds.
            ByteArrayOutputStream request = new ByteArrayOutputStream();
            request.write(head.append("\r\n").toString().getBytes(StandardCharsets.UTF_8));
            if (p.declaredLength() < 0) {
                request.write(p.body());
            }
            out.write(request.toByteArray());
            out.flush();
            InputStream in = socket.getInputStream();
            Thread writer = new Thread(() -> {
                try {
                    if (p.declaredLength() < 0) {
                        return;
                    }
                    byte[] filler = new byte[64 * 1024];
                    Arrays.fill(filler, (byte) ' ');
                    for (long sent = 0; sent < length && in.available() == 0; sent += filler.length) {
                        out.write(filler, 0, (int) Math.min(filler.length, length - sent));
                    }
                    out.flush();
                } catch (IOException e) {
                    // Refused while sending: the answer says why.
                }
            }, "contract-probe-writer");
            writer.setDaemon(true);
            writer.start();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            try {
                in.transferTo(all);
            } catch (IOException e) {
                // Reset after the answer came: keep what was read.
            }
            writer.join(10_000);
            return parse(all.toByteArray());
        }
    }

    private static Answer parse(byte[] raw) {
        int end = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII), 0);
        String text = new String(raw, 0, Math.max(0, end), StandardCharsets.ISO_8859_1);
        if (!text.startsWith("HTTP/1.1 ") || end < 0) {
            throw new AssertionError("no HTTP answer: " + new String(raw, StandardCharsets.UTF_8));
        }
        String[] lines = text.split("\r\n");
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).strip().toLowerCase(java.util.Locale.ROOT),
                    lines[i].substring(colon + 1).strip());
        }
        byte[] body = Arrays.copyOfRange(raw, end + 4, raw.length);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            int at = 0;
            byte[] crlf = "\r\n".getBytes(StandardCharsets.US_ASCII);
            while (true) {
                int eol = indexOf(body, crlf, at);
                int size = Integer.parseInt(new String(body, at, eol - at, StandardCharsets.US_ASCII).split(";")[0]
                        .strip(), 16);
                if (size == 0) {
                    break;
                }
                b.write(body, eol + 2, size);
                at = eol + 2 + size + 2;
            }
            body = b.toByteArray();
        }
        return new Answer(Integer.parseInt(lines[0].split(" ")[1]), headers, new String(body, StandardCharsets.UTF_8));
    }

    private static int indexOf(byte[] in, byte[] what, int from) {
        outer:
        for (int i = from; i <= in.length - what.length; i++) {
            for (int j = 0; j < what.length; j++) {
                if (in[i + j] != what[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
