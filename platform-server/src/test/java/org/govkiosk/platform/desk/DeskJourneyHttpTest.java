package org.govkiosk.platform.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.govkiosk.api.ApiPaths;
import org.govkiosk.api.CaseKind;
import org.govkiosk.api.CaseReceipt;
import org.govkiosk.api.CaseState;
import org.govkiosk.api.CaseSubmission;
import org.govkiosk.api.CaseView;
import org.govkiosk.api.LedgerState;
import org.govkiosk.api.Material;
import org.govkiosk.api.RatingChannel;
import org.govkiosk.api.RatingLedgerEntry;
import org.govkiosk.api.RatingLedgerList;
import org.govkiosk.api.RatingReceipt;
import org.govkiosk.api.RatingSubmission;
import org.govkiosk.platform.Fixtures;
import org.govkiosk.platform.RunningPlatform;
import org.govkiosk.platform.StaffClient;
import org.govkiosk.platform.TestTerminal;
import org.govkiosk.platform.staff.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The clerk desk through the real HTTP server, as a browser uses it (forms, a cookie, redirects), with a signed
 * terminal on the other side: cases filed at the terminal are accepted, asked for 补正 by name (which the terminal's
 * progress query shows), decided, issued, returned and refused on the page; a bad rating is called back and closed
 * on the ledger; a form without the session's token and a request without a session change nothing. The clerk signs
 * in with a staff account: a supervisor reads but does not work cases, a technician is sent away, a clerk of another
 * hall does not see this hall's cases, and every change is in the staff audit.
 */
class DeskJourneyHttpTest extends RunningPlatform {

    private DeskClient desk;
    private org.govkiosk.platform.config.PlatformConfig used;

    @Override
    protected org.govkiosk.platform.config.PlatformConfig config() {
        used = super.config();
        return used;
    }

    @BeforeEach
    void signIn() throws Exception {
        server.addStaff("wangfang", "王芳", Role.CLERK, java.util.Set.of("HALL-1"), StaffClient.PASSWORD.toCharArray());
        desk = new DeskClient(server.baseUri());
        HttpResponse<String> r = desk.signIn("wangfang", StaffClient.PASSWORD);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
        assertThat(r.headers().firstValue("Location").orElseThrow()).startsWith(DeskRoutes.PAGE + "?lang=zh");
        HttpResponse<String> w = desk.setWindow("W-03");
        assertThat(w.statusCode()).as(w.body()).isEqualTo(303);
        assertThat(w.headers().firstValue("Set-Cookie").orElseThrow())
                .contains("govkiosk_desk_window=W-03", "HttpOnly", "SameSite=Strict", "Path=/desk");
        assertThat(desk.get(DeskRoutes.PAGE).body()).contains("当前：王芳", "窗口 W-03", "action=\"/staff/logout\"");
    }

    private static Material provided(String code, String name) {
        return new Material(code, name, Material.Status.PROVIDED, Material.Source.PAPER, null);
    }

    /** A complete 承诺件 of three materials, filed by the signed terminal: it waits for a clerk (SUBMITTED). */
    private String fileComplete(String key) throws Exception {
        CaseSubmission b = Fixtures.submission(terminal.id, key, CaseKind.PROMISED, "本地");
        CaseSubmission s = new CaseSubmission(b.idempotencyKey(), b.localCaseId(), b.terminalId(), b.itemCode(),
                b.itemName(), b.kind(), b.applicant(), b.formData(),
                List.of(provided("M01", "身份证"), provided("M02", "户口簿"), provided("M03", "近期免冠照片")),
                b.submittedAt());
        HttpResponse<String> r = terminal.post(ApiPaths.CASES, s);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        CaseReceipt receipt = TestTerminal.read(r, CaseReceipt.class);
        assertThat(receipt.state()).isEqualTo(CaseState.SUBMITTED);
        return receipt.caseNumber();
    }

    private CaseView asTerminalSeesIt(String number) throws Exception {
        HttpResponse<String> r = terminal.get(ApiPaths.caseByNumber(number));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return TestTerminal.read(r, CaseView.class);
    }

    private static void redirectedWith(HttpResponse<String> r, String done) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
        assertThat(r.headers().firstValue("Location").orElseThrow()).contains("done=" + done);
    }

    private String caseOnPage(String number) throws Exception {
        HttpResponse<String> page = desk.get(DeskRoutes.PAGE + "?case=" + number);
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        return page.body();
    }

    @Test
    void aCaseGoesFromTheQueueThrough补正DecisionAndIssuanceOnThePage() throws Exception {
        String n = fileComplete("j1");
        String queue = desk.get(DeskRoutes.PAGE).body();
        assertThat(queue).contains(n, "城乡居民养老保险参保登记", "张**", "已申报");

        String detail = caseOnPage(n);
        assertThat(detail).contains("张**", "110***********002X", "138****8000", "身份证", "户口簿", "近期免冠照片")
                .doesNotContain(Fixtures.ID_NUMBER, "张三丰", "13800138000");

        // 补正 naming two of the item's materials, with words of the clerk's own: the terminal's query shows them.
        redirectedWith(desk.act(n, "supplement", "material", "M03", "material", "M02", "note", "请携带原件"),
                "supplement");
        CaseView waiting = asTerminalSeesIt(n);
        assertThat(waiting.state()).isEqualTo(CaseState.NEEDS_SUPPLEMENT);
        assertThat(waiting.missingMaterials()).extracting(Material::code).containsExactly("M02", "M03");
        assertThat(waiting.note()).isEqualTo("请补正以下材料：1. 户口簿；2. 近期免冠照片。请携带原件");
        assertThat(desk.get(DeskRoutes.PAGE + "?case=" + n + "&done=supplement").body())
                .contains("已发出补正告知", "id=\"missing\"");

        // The citizen brought them to the window: accepted on the page, reviewed, approved (after the tick).
        redirectedWith(desk.act(n, "accept"), "accept");
        assertThat(asTerminalSeesIt(n).state()).isEqualTo(CaseState.ACCEPTED);
        redirectedWith(desk.act(n, "review"), "review");
        HttpResponse<String> unticked = desk.act(n, "approve", "note", "符合条件");
        assertThat(unticked.statusCode()).isEqualTo(400);
        assertThat(unticked.body()).contains("请勾选确认后再提交");
        assertThat(asTerminalSeesIt(n).state()).isEqualTo(CaseState.IN_REVIEW);
        redirectedWith(desk.act(n, "approve", "note", "符合条件", "confirm", "yes"), "approve");
        assertThat(asTerminalSeesIt(n).state()).isEqualTo(CaseState.COMPLETED);

        // No certificate on file yet: the page says so and offers no issuance; the clerk uploads its PDF.
        assertThat(caseOnPage(n)).contains("id=\"no-certificate\"").doesNotContain("data-verb=\"issue\"");
        HttpResponse<String> early = desk.act(n, "issue", "channel", "WINDOW", "confirm", "yes");
        assertThat(early.statusCode()).isEqualTo(409);
        assertThat(early.body()).contains("未办理");
        HttpResponse<String> notPdf = desk.upload(n, "<html>not a certificate</html>".getBytes(
                java.nio.charset.StandardCharsets.UTF_8));
        assertThat(notPdf.statusCode()).isEqualTo(400);
        assertThat(notPdf.body()).contains("请选择证照的 PDF 文件");
        byte[] pdf = ("%PDF-1.4\n" + "证照".repeat(2000) + "\n%%EOF\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        redirectedWith(desk.upload(n, pdf), "certificate");
        assertThat(caseOnPage(n)).contains("data-verb=\"issue\"");
        HttpResponse<byte[]> held = terminal.postBytes(ApiPaths.caseCertificate(n), new org.govkiosk.api.HolderIdentity(
                org.govkiosk.api.IdType.RESIDENT_ID, Fixtures.ID_NUMBER));
        assertThat(held.statusCode()).isEqualTo(200);
        assertThat(held.body()).as("the file the clerk uploaded, byte for byte").isEqualTo(pdf);
        redirectedWith(desk.act(n, "issue", "channel", "WINDOW", "confirm", "yes"), "issue");
        CaseView issued = asTerminalSeesIt(n);
        assertThat(issued.state()).isEqualTo(CaseState.CERTIFICATE_ISSUED);
        assertThat(issued.history()).extracting(e -> e.state()).containsExactly(CaseState.SUBMITTED,
                CaseState.NEEDS_SUPPLEMENT, CaseState.ACCEPTED, CaseState.IN_REVIEW, CaseState.COMPLETED,
                CaseState.CERTIFICATE_ISSUED);
        assertThat(issued.note()).isEqualTo("综合出证窗口（W-03） 出证");
        // The issuance is recorded with the move: at window W-03, by the clerk signed in, no terminal.
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(used.dbUrl());
                java.sql.PreparedStatement ps = c.prepareStatement("SELECT terminal_id, window_id, issued_by,"
                        + " hall_code, channel FROM case_issuances WHERE case_number = ?")) {
            ps.setString(1, n);
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).as("an issuance row").isTrue();
                assertThat(rs.getString(1)).isNull();
                assertThat(rs.getString(2)).isEqualTo("W-03");
                assertThat(rs.getString(3)).isEqualTo("王芳 (wangfang)");
                assertThat(rs.getString(4)).isEqualTo("HALL-1");
                assertThat(rs.getString(5)).isEqualTo("WINDOW");
                assertThat(rs.next()).isFalse();
            }
        }

        // The window's pad is asked for a rating of this contact (no pad is bound here: none reached, said so).
        HttpResponse<String> rating = desk.act(n, "rating", "window", "W-03", "sequence", "1");
        redirectedWith(rating, "rating");
        assertThat(desk.get(rating.headers().firstValue("Location").orElseThrow()).body())
                .contains("已请评价器评价：0 台评价器收到");
    }

    @Test
    void thePadOfTheClerksWindowShowsTheRatingRequestAskedOnThePage() throws Exception {
        String n = fileComplete("p1");
        TestTerminal pad = new TestTerminal(server.baseUri(), "PAD-03", clock).registered(ENROLMENT);
        assertThat(pad.post(ApiPaths.PADS, new org.govkiosk.api.PadRegistration(pad.id, "HALL-1", "W-03"))
                .statusCode()).isEqualTo(200);
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.baseUri() + ApiPaths.PAD_EVENTS))
                .header("Accept", "text/event-stream").GET();
        pad.sign("GET", ApiPaths.PAD_EVENTS, new byte[0]).asMap().forEach(b::header);
        java.util.concurrent.BlockingQueue<String> lines = new java.util.concurrent.LinkedBlockingQueue<>();
        java.net.http.HttpClient streamClient = java.net.http.HttpClient.newHttpClient();
        HttpResponse<java.io.InputStream> stream = streamClient.send(b.build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(stream.statusCode()).isEqualTo(200);
        Thread reader = new Thread(() -> {
            try (var in = new java.io.BufferedReader(new java.io.InputStreamReader(stream.body(),
                    java.nio.charset.StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    lines.add(line);
                }
            } catch (java.io.IOException e) {
                lines.add("closed: " + e);
            }
        }, "pad-stream-reader");
        reader.setDaemon(true);
        reader.start();
        try {
            awaitLine(lines, "event: " + org.govkiosk.api.PadEvents.HELLO);
            HttpResponse<String> asked = desk.act(n, "rating", "window", "W-03", "sequence", "1");
            redirectedWith(asked, "rating");
            assertThat(asked.headers().firstValue("Location").orElseThrow()).contains("reached=1");
            awaitLine(lines, "event: " + org.govkiosk.api.PadEvents.RATING_REQUEST);
            String data = awaitLine(lines, "data:");
            assertThat(data).contains(n, "王芳", "W-03");
        } finally {
            stream.body().close();
        }
    }

    private static String awaitLine(java.util.concurrent.BlockingQueue<String> lines, String prefix)
            throws InterruptedException {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            String line = lines.poll(100, java.util.concurrent.TimeUnit.MILLISECONDS);
            if (line != null && line.startsWith(prefix)) {
                return line;
            }
        }
        throw new AssertionError("the pad's stream sent no line starting with " + prefix);
    }

    @Test
    void aCaseIsReturnedWithReasonsAndAnotherRefusedWithItsLegalBasis() throws Exception {
        String returned = fileComplete("r1");
        HttpResponse<String> noReason = desk.act(returned, "return", "department", "区人社局", "confirm", "yes");
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(noReason.body()).contains("请填写：退回理由");
        redirectedWith(desk.act(returned, "return", "department", "区人社局", "reasons",
                "户口簿信息与申请表不一致\n缺少村（居）委会证明", "nextSteps", "补齐材料后重新申报", "confirm", "yes"), "return");
        CaseView back = asTerminalSeesIt(returned);
        assertThat(back.state()).isEqualTo(CaseState.RETURNED);
        assertThat(back.returned().reasons()).containsExactly("户口簿信息与申请表不一致", "缺少村（居）委会证明");
        assertThat(back.returned().department()).isEqualTo("区人社局");

        String refused = fileComplete("r2");
        redirectedWith(desk.act(refused, "refuse", "reason", "不属于本机关职责范围", "department", "区人社局",
                "legalBasis", "《中华人民共和国行政许可法》第三十二条", "reviewAuthority", "区人民政府",
                "court", "区人民法院", "confirm", "yes"), "refuse");
        CaseView no = asTerminalSeesIt(refused);
        assertThat(no.state()).isEqualTo(CaseState.NOT_ACCEPTED);
        assertThat(no.note()).isEqualTo("不属于本机关职责范围");
        assertThat(no.refusal().legalBasis()).contains("第三十二条");
        assertThat(no.refusal().reviewAuthority()).isEqualTo("区人民政府");

        // A stale page: the case is decided, so the platform's state machine refuses, and the page says why.
        HttpResponse<String> again = desk.act(refused, "accept");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("未办理", "NOT_ACCEPTED");
    }

    @Test
    void aBadRatingIsCalledBackAndClosedOnTheLedger() throws Exception {
        String n = fileComplete("l1");
        RatingSubmission bad = new RatingSubmission("rate-l1", n, "1", "ITEM-001", "HALL-1", terminal.id, "W-03",
                "CLERK-7", RatingChannel.SELF_SERVICE_TERMINAL, 1, Map.of("OVERALL", 1),
                List.of("SERVICE_ATTITUDE"), null, false, clock.instant());
        HttpResponse<String> sent = terminal.post(ApiPaths.RATINGS, bad);
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(201);
        String id = TestTerminal.read(sent, RatingReceipt.class).ratingId();

        String page = desk.get(DeskRoutes.LEDGER).body();
        assertThat(page).contains("data-rating-id=\"" + id + "\"", n, "非常不满意", "待回访");

        redirectedWith(desk.ledger("ratingId", id, "action", "ASSIGN", "ownerDepartment", "区人社局"), "ledger");
        redirectedWith(desk.ledger("ratingId", id, "action", "CALL_BACK", "citizenSaid", "等候时间过长"), "ledger");
        HttpResponse<String> unticked = desk.ledger("ratingId", id, "action", "CLOSE", "rectification",
                "增设叫号提醒", "outcome", "已整改");
        assertThat(unticked.statusCode()).isEqualTo(400);
        redirectedWith(desk.ledger("ratingId", id, "action", "CLOSE", "rectification", "增设叫号提醒",
                "outcome", "已整改", "confirm", "yes"), "ledger");

        HttpResponse<String> api = clerk("GET", ApiPaths.CLERK_RATING_LEDGER, null);
        RatingLedgerEntry e = TestTerminal.JSON.readValue(api.body(), RatingLedgerList.class).entries().get(0);
        assertThat(e.state()).isEqualTo(LedgerState.CLOSED);
        assertThat(e.ownerDepartment()).isEqualTo("区人社局");
        assertThat(e.citizenSaid()).isEqualTo("等候时间过长");
        assertThat(e.calledBackBy()).isEqualTo("王芳 (wangfang)");
        assertThat(e.outcome()).isEqualTo("已整改");
        assertThat(desk.get(DeskRoutes.LEDGER).body()).contains("已办结").doesNotContain("data-action=\"CLOSE\"");
    }

    @Test
    void anOversizedFormIsRefusedWhileReadAndAStreamWantsAnEventStreamAccept() throws Exception {
        String n = fileComplete("o1");
        HttpResponse<String> big = desk.act(n, "supplement", "note", "补".repeat(30_000));
        assertThat(big.statusCode()).isEqualTo(413);
        assertThat(asTerminalSeesIt(n).state()).isEqualTo(CaseState.SUBMITTED);
        HttpResponse<String> tooLong = desk.act(n, "supplement", "note", "补".repeat(2_001));
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(tooLong.body()).contains("填写有误", "note");
        assertThat(asTerminalSeesIt(n).state()).isEqualTo(CaseState.SUBMITTED);
        HttpResponse<String> html = http.send(HttpRequest.newBuilder(server.baseUri().resolve(DeskRoutes.EVENTS
                + "?hall=HALL-1")).header("Cookie", desk.cookie).header("Accept", "text/html").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(html.statusCode()).isEqualTo(406);
    }

    @Test
    void aSessionEndsWhenIdleAndWrongPasswordsLockTheSignInOut() throws Exception {
        assertThat(desk.get(DeskRoutes.PAGE).statusCode()).isEqualTo(200);
        clock.advance(java.time.Duration.ofMinutes(31));
        HttpResponse<String> idle = desk.get(DeskRoutes.PAGE);
        assertThat(idle.statusCode()).as("idle too long").isEqualTo(401);
        assertThat(idle.body()).contains("/staff/login?next=%2Fdesk");

        DeskClient guesser = new DeskClient(server.baseUri());
        for (int i = 0; i < 5; i++) {
            assertThat(guesser.signIn("wangfang", "guess-" + i).statusCode()).isEqualTo(401);
        }
        HttpResponse<String> locked = guesser.signIn("wangfang", StaffClient.PASSWORD);
        assertThat(locked.statusCode()).as("even the right password, while locked out").isEqualTo(429);
        assertThat(locked.headers().firstValue("Retry-After")).isPresent();
        assertThat(guesser.cookie).isNull();
        HttpResponse<String> page = guesser.get(DeskRoutes.PAGE);
        assertThat(page.statusCode()).as("the desk of a locked-out client").isEqualTo(429);
        assertThat(page.body()).contains("错误次数过多");
    }

    @Test
    void aFormWithoutTheSessionsTokenChangesNothing() throws Exception {
        String n = fileComplete("c1");
        HttpResponse<String> forged = desk.post(DeskRoutes.caseAction(n, "accept"),
                DeskClient.form("csrf", "not-the-token", "lang", "zh"));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).contains("表单已过期或来源不明");
        HttpResponse<String> none = desk.post(DeskRoutes.caseAction(n, "accept"), DeskClient.form("lang", "en"));
        assertThat(none.statusCode()).isEqualTo(403);
        assertThat(none.body()).contains("nothing was done");
        // Another session's token is no good either, nor this session's own token of before a new sign-in.
        StaffClient.add(server, "lisi", Role.CLERK, "HALL-1");
        DeskClient other = new DeskClient(server.baseUri()).signedIn("lisi", "W-04");
        HttpResponse<String> crossed = desk.post(DeskRoutes.caseAction(n, "accept"),
                DeskClient.form("csrf", other.csrf(), "lang", "zh"));
        assertThat(crossed.statusCode()).isEqualTo(403);
        String stale = desk.csrf();
        assertThat(desk.signOut(stale).statusCode()).isEqualTo(303);
        desk.signedIn("wangfang", null);
        HttpResponse<String> old = desk.post(DeskRoutes.caseAction(n, "accept"), DeskClient.form("csrf", stale,
                "lang", "zh"));
        assertThat(old.statusCode()).as("the token of a signed-out session").isEqualTo(403);
        HttpResponse<String> staleWindow = desk.post(DeskRoutes.WINDOW, DeskClient.form("csrf", stale, "window",
                "W-99"));
        assertThat(staleWindow.statusCode()).isEqualTo(403);
        assertThat(staleWindow.headers().firstValue("Set-Cookie")).isEmpty();
        assertThat(asTerminalSeesIt(n).state()).isEqualTo(CaseState.SUBMITTED);
        assertThat(asTerminalSeesIt(n).history()).hasSize(1);
    }

    @Test
    void withoutASessionNothingIsShownOrDoneAndASignedOutCookieIsDead() throws Exception {
        String n = fileComplete("u1");
        DeskClient stranger = new DeskClient(server.baseUri());
        HttpResponse<String> page = stranger.get(DeskRoutes.PAGE + "?case=" + n);
        assertThat(page.statusCode()).isEqualTo(401);
        assertThat(page.body()).contains("/staff/login?next=%2Fdesk&amp;lang=zh").doesNotContain(n, "张**",
                "name=\"token\"", "name=\"password\"");
        assertThat(page.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(stranger.get(DeskRoutes.LEDGER).statusCode()).isEqualTo(401);
        HttpResponse<String> act = stranger.post(DeskRoutes.caseAction(n, "accept"),
                DeskClient.form("csrf", desk.csrf(), "lang", "zh"));
        assertThat(act.statusCode()).isEqualTo(401);
        assertThat(asTerminalSeesIt(n).state()).isEqualTo(CaseState.SUBMITTED);

        HttpResponse<String> wrong = stranger.signIn("wangfang", "not the password");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(stranger.cookie).isNull();
        // The machine token is for scripts, not for a person's page.
        assertThat(http.send(HttpRequest.newBuilder(server.baseUri().resolve(DeskRoutes.PAGE))
                .header("Authorization", "Bearer " + CLERK).GET().build(), HttpResponse.BodyHandlers.ofString())
                .statusCode()).isEqualTo(401);

        // A forged session cookie is no session.
        DeskClient faker = new DeskClient(server.baseUri());
        faker.cookie = org.govkiosk.platform.http.StaffAuth.COOKIE + "=gks_forged";
        assertThat(faker.get(DeskRoutes.PAGE).statusCode()).isEqualTo(401);
        assertThat(faker.post(DeskRoutes.caseAction(n, "accept"), DeskClient.form("csrf", desk.csrf()))
                .statusCode()).isEqualTo(401);

        // HEAD is checked as GET; the queue's event stream wants the session too.
        HttpResponse<String> head = http.send(HttpRequest.newBuilder(server.baseUri().resolve(DeskRoutes.PAGE))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(head.statusCode()).isEqualTo(401);
        assertThat(stranger.get(DeskRoutes.EVENTS + "?hall=HALL-1").statusCode()).isEqualTo(401);

        String copy = desk.cookie;
        String token = desk.csrf();
        HttpResponse<String> out = desk.signOut(token);
        assertThat(out.statusCode()).isEqualTo(303);
        assertThat(desk.get(DeskRoutes.PAGE).statusCode()).as("signed out").isEqualTo(401);
        DeskClient replay = new DeskClient(server.baseUri());
        replay.cookie = copy;
        assertThat(replay.get(DeskRoutes.PAGE).statusCode()).as("logged out on the platform").isEqualTo(401);
        assertThat(replay.post(DeskRoutes.caseAction(n, "accept"), DeskClient.form("csrf", token)).statusCode())
                .isEqualTo(401);
        assertThat(asTerminalSeesIt(n).state()).isEqualTo(CaseState.SUBMITTED);
    }

    @Test
    void aSupervisorReadsButDoesNotWorkCasesAndATechnicianIsSentAway() throws Exception {
        String n = fileComplete("s1");
        StaffClient.add(server, "zhao", Role.SUPERVISOR, "HALL-1");
        DeskClient supervisor = new DeskClient(server.baseUri()).signedIn("zhao", null);
        HttpResponse<String> page = supervisor.get(DeskRoutes.PAGE + "?case=" + n);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(n, "张**");
        HttpResponse<String> accept = supervisor.act(n, "accept");
        assertThat(accept.statusCode()).isEqualTo(403);
        assertThat(accept.body()).contains("您无权");
        assertThat(asTerminalSeesIt(n).state()).isEqualTo(CaseState.SUBMITTED);
        assertThat(supervisor.get(DeskRoutes.LEDGER).statusCode()).as("the ledger is theirs too").isEqualTo(200);

        StaffClient.add(server, "tech", Role.TECHNICIAN, "HALL-1");
        DeskClient technician = new DeskClient(server.baseUri());
        assertThat(technician.signIn("tech", StaffClient.PASSWORD).statusCode()).isEqualTo(303);
        HttpResponse<String> refused = technician.get(DeskRoutes.PAGE + "?case=" + n);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("您的角色不使用办件工作台").doesNotContain(n, "张**");
        assertThat(technician.get(DeskRoutes.LEDGER).statusCode()).isEqualTo(403);
        assertThat(technician.post(DeskRoutes.caseAction(n, "accept"), DeskClient.form("lang", "zh"))
                .statusCode()).isEqualTo(403);
        assertThat(asTerminalSeesIt(n).state()).isEqualTo(CaseState.SUBMITTED);
    }

    @Test
    void aClerkOfAnotherHallDoesNotSeeThisHallsCases() throws Exception {
        String n = fileComplete("h1");
        TestTerminal two = new TestTerminal(server.baseUri(), "T-002", clock).registered(ENROLMENT, "HALL-2");
        String theirs = TestTerminal.read(two.post(ApiPaths.CASES, Fixtures.submission(two.id, "h2")),
                CaseReceipt.class).caseNumber();
        StaffClient.add(server, "liu", Role.CLERK, "HALL-2");
        DeskClient other = new DeskClient(server.baseUri()).signedIn("liu", "W-01");

        String queue = other.get(DeskRoutes.PAGE).body();
        assertThat(queue).contains("data-case=\"" + theirs + "\"", "<option value=\"HALL-2\"")
                .doesNotContain("data-case=\"" + n + "\"", "HALL-1");
        assertThat(other.get(DeskRoutes.PAGE + "?hall=HALL-1").body()).as("the hall filter cannot widen the view")
                .doesNotContain("data-case=\"" + n + "\"");
        HttpResponse<String> page = other.get(DeskRoutes.PAGE + "?case=" + n);
        assertThat(page.statusCode()).isEqualTo(404);
        // (The other hall's own case has an applicant 张** too: the case's facts are what must not show.)
        assertThat(page.body()).contains("没有这个办件").doesNotContain("id=\"case-state\"", "110***********002X",
                "data-verb=");
        HttpResponse<String> accept = other.act(n, "accept");
        assertThat(accept.statusCode()).isEqualTo(404);
        assertThat(other.act(n, "rating", "window", "W-01", "sequence", "1").statusCode()).isEqualTo(404);
        assertThat(asTerminalSeesIt(n).state()).isEqualTo(CaseState.SUBMITTED);
        assertThat(other.get(DeskRoutes.EVENTS + "?hall=HALL-1").statusCode()).isEqualTo(404);
        // This hall's clerk sees it, and not the other's.
        assertThat(desk.get(DeskRoutes.PAGE + "?case=" + theirs).statusCode()).isEqualTo(404);
    }

    @Test
    void theDesksChangesAreInTheStaffAuditUnderThePersonsName() throws Exception {
        String n = fileComplete("a1");
        redirectedWith(desk.act(n, "accept"), "accept");
        redirectedWith(desk.act(n, "return", "department", "区人社局", "reasons", "材料不符", "confirm", "yes"),
                "return");
        HttpResponse<String> audit = clerk("GET", ApiPaths.STAFF_AUDIT, null);
        assertThat(audit.statusCode()).as(audit.body()).isEqualTo(200);
        assertThat(audit.body()).contains("POST /desk/cases/{caseNumber}/{verb}", n + ",accept", "to ACCEPTED",
                "returned by 王芳 (wangfang)", "\"hallCode\":\"HALL-1\"", "POST /desk/window", "window W-03",
                "\"login\":\"wangfang\"");

        HttpResponse<String> bad = desk.setWindow("W;03");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("窗口编号至多 32 个字");
        assertThat(desk.setWindow("窗".repeat(33)).statusCode()).isEqualTo(400);
        assertThat(desk.get(DeskRoutes.PAGE).body()).as("the window kept").contains("窗口 W-03");
    }

    @Test
    void anOpenQueueStreamEndsWhenItsSessionIsSignedOut() throws Exception {
        System.setProperty(DeskLive.INTERVAL_PROPERTY, "200");
        try (org.govkiosk.platform.PlatformServer fast = org.govkiosk.platform.PlatformServer.start(config(), clock)) {
            StaffClient.add(fast, "zhou", Role.CLERK, "HALL-1");
            DeskClient clerk = new DeskClient(fast.baseUri()).signedIn("zhou", null);
            HttpResponse<java.io.InputStream> stream = http.send(HttpRequest.newBuilder(fast.baseUri().resolve(
                    DeskRoutes.EVENTS + "?hall=HALL-1")).header("Cookie", clerk.cookie)
                    .header("Accept", "text/event-stream").GET().build(), HttpResponse.BodyHandlers.ofInputStream());
            assertThat(stream.statusCode()).isEqualTo(200);
            java.io.BufferedReader in = new java.io.BufferedReader(new java.io.InputStreamReader(stream.body(),
                    java.nio.charset.StandardCharsets.UTF_8));
            assertThat(in.readLine()).isEqualTo("event: " + DeskLive.EVENT);
            assertThat(clerk.signOut(clerk.csrf()).statusCode()).isEqualTo(303);
            // The platform closes the stream at its next push; reading runs to the end instead of forever.
            java.util.concurrent.CompletableFuture<Long> drained = java.util.concurrent.CompletableFuture
                    .supplyAsync(() -> in.lines().count());
            assertThat(drained.get(30, java.util.concurrent.TimeUnit.SECONDS)).isGreaterThanOrEqualTo(0L);
        } finally {
            System.clearProperty(DeskLive.INTERVAL_PROPERTY);
        }
    }
}
