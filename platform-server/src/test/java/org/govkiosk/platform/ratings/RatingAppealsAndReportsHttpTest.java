package org.govkiosk.platform.ratings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.govkiosk.api.ApiPaths;
import org.govkiosk.api.AppealState;
import org.govkiosk.api.Attachment;
import org.govkiosk.api.FollowUpRates;
import org.govkiosk.api.RatingAppeal;
import org.govkiosk.api.RatingAppealList;
import org.govkiosk.api.RatingChannel;
import org.govkiosk.api.RatingReceipt;
import org.govkiosk.api.RatingReport;
import org.govkiosk.api.RatingSubmission;
import org.govkiosk.api.RatingSummary;
import org.govkiosk.platform.TestTerminal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * 申诉复核 and the period reports against hand-counted fixtures. April 2025 (清明 4-6 April off), hall HALL-1, the
 * window map W-03 → 社保科, W-05 → 医保科, W-09 → a name that is a spreadsheet formula:
 *
 * <pre>
 *  #  window clerk level  real-name  what happens
 *  1  W-03   C1    5      yes
 *  2  W-03   C1    4      yes
 *  3  W-03   C1    1      yes        called back and closed at once (on time)
 *  4  W-03   C2    2      anonymous  an appeal rejected, then a new one left open (still counted)
 *  5  W-05   C3    2      yes        appeal upheld: 申诉成立, counted nowhere but appealsUpheld
 *  6  W-05   C3    3      yes
 *  7  –      –     1      yes        left open on the ledger
 *  8  –      –     3      default    a case finished, not rated within 5 working days: 基本满意 by default
 *  9  W-09   C4    5      yes
 * </pre>
 *
 * By department: 社保科 given 4 (1:1 2:1 4:1 5:1), bad 2, 差评率 50 %, 1 anonymous, 1 real-name bad rectified on
 * time; 医保科 given 1 (3:1), 1 upheld; 未指定 given 1 (1:1), defaulted 1, total 2, 差评率 50 %, default share 50 %,
 * 1 real-name bad not rectified; all: given 7, defaulted 1, total 8, bad 3 (37.5 %), default share 12.5 %.
 */
class RatingAppealsAndReportsHttpTest extends PhonePlatform {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final String FORMULA_DEPARTMENT = "=HYPERLINK(\"http://evil.example\",\"点我\")";
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

    private final List<String> ids = new ArrayList<>();

    @BeforeEach
    void mapWindows() throws Exception {
        for (String[] w : List.of(new String[] {"W-03", "社保科"}, new String[] {"W-05", "医保科"},
                new String[] {"W-09", FORMULA_DEPARTMENT})) {
            HttpResponse<String> r = clerk("PUT", ApiPaths.CLERK_RATING_WINDOWS, TestTerminal.JSON.writeValueAsString(
                    Map.of("hallCode", "HALL-1", "windowId", w[0], "department", w[1], "updatedBy", "MGR-1")));
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        }
    }

    private String rated(String key, String window, String clerk, int level, boolean anonymous) throws Exception {
        String caseNumber = fileCase(key, PHONE).caseNumber();
        RatingSubmission r = new RatingSubmission("rate-" + key, caseNumber, "1", ITEM, "HALL-1", terminal.id, window,
                clerk, RatingChannel.SELF_SERVICE_TERMINAL, level, Map.of("OVERALL", level),
                level <= 2 ? List.of("SERVICE_EFFICIENCY") : List.of(), null, anonymous, clock.instant());
        HttpResponse<String> sent = terminal.post(ApiPaths.RATINGS, r);
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(201);
        clock.advance(Duration.ofMinutes(1));
        return TestTerminal.read(sent, RatingReceipt.class).ratingId();
    }

    /** The nine fixtures of the class comment; their rating ids in {@link #ids} (1-based: ids.get(n - 1)). */
    private void fixtures() throws Exception {
        ids.add(rated("f1", "W-03", "C1", 5, false));
        ids.add(rated("f2", "W-03", "C1", 4, false));
        ids.add(rated("f3", "W-03", "C1", 1, false));
        ids.add(rated("f4", "W-03", "C2", 2, true));
        ids.add(rated("f5", "W-05", "C3", 2, false));
        ids.add(rated("f6", "W-05", "C3", 3, false));
        ids.add(rated("f7", null, null, 1, false));
        String unrated = fileCase("f8", PHONE).caseNumber();
        complete(unrated);
        server.ratings().runOnce(); // invited
        ids.add(rated("f9", "W-09", "C4", 5, false));
        // Ledger: #3 called back and closed at once.
        HttpResponse<String> closed = clerk("POST", ApiPaths.CLERK_RATING_LEDGER, "{\"ratingId\":\"" + ids.get(2)
                + "\",\"action\":\"CLOSE\",\"by\":\"C1\",\"citizenSaid\":\"等候太久\",\"rectification\":\"增开窗口\","
                + "\"outcome\":\"已整改\"}");
        assertThat(closed.statusCode()).as(closed.body()).isEqualTo(200);
        // Appeals: #5 upheld; #4 rejected, then appealed again and left open.
        String a5 = file(ids.get(4), "C3", List.of(PNG)).appealId();
        assertThat(decide(a5, true, "MGR-1").statusCode()).isEqualTo(200);
        String a4 = file(ids.get(3), "C2", List.of()).appealId();
        assertThat(decide(a4, false, "MGR-1").statusCode()).isEqualTo(200);
        assertThat(file(ids.get(3), "社保科-李", List.of()).state()).isEqualTo(AppealState.OPEN);
        // The window closes unrated after 5 working days (清明 4-6 April off): the default 基本满意.
        clock.set(LocalDate.of(2025, 4, 12).atTime(9, 0).atZone(SHANGHAI).toInstant());
        assertThat(server.ratings().runOnce().defaulted()).isEqualTo(1);
    }

    private HttpResponse<String> fileRaw(String ratingId, String by, List<byte[]> images) throws Exception {
        List<Map<String, Object>> evidence = new ArrayList<>();
        for (byte[] image : images) {
            evidence.add(Map.of("mediaType", "image/png", "sha256", Attachment.sha256Hex(image), "content",
                    Base64.getEncoder().encodeToString(image)));
        }
        return clerk("POST", ApiPaths.CLERK_RATING_APPEALS, TestTerminal.JSON.writeValueAsString(Map.of("ratingId",
                ratingId, "filedBy", by, "department", "社保科", "explanation",
                "当日系统故障，办理时间延长非窗口人员原因，附系统故障通报截图。", "evidence", evidence)));
    }

    private RatingAppeal file(String ratingId, String by, List<byte[]> images) throws Exception {
        HttpResponse<String> r = fileRaw(ratingId, by, images);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return TestTerminal.JSON.readValue(r.body(), RatingAppeal.class);
    }

    private HttpResponse<String> decide(String appealId, boolean uphold, String by) throws Exception {
        return clerk("POST", ApiPaths.clerkRatingAppealDecision(appealId), "{\"uphold\":" + uphold
                + ",\"reviewedBy\":\"" + by + "\",\"reason\":\"核实系统故障记录属实\"}");
    }

    private RatingReport report(String by) throws Exception {
        HttpResponse<String> r = clerk("GET", ApiPaths.CLERK_RATING_REPORTS + "?by=" + by + "&month=2025-04", null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return TestTerminal.JSON.readValue(r.body(), RatingReport.class);
    }

    private static RatingReport.Row row(RatingReport r, String key) {
        return r.rows().stream().filter(x -> x.key().equals(key)).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + key + " in " + r.rows()));
    }

    private static Map<String, Integer> levels(int l1, int l2, int l3, int l4, int l5) {
        return Map.of("1", l1, "2", l2, "3", l3, "4", l4, "5", l5);
    }

    @Test
    void anAppealIsFiledWithEvidenceReviewedBySomeoneElseAndAnUpheldOneLeavesTheScores() throws Exception {
        String bad = rated("a1", "W-05", "C3", 2, false);
        String fine = rated("a2", "W-05", "C3", 4, false);

        assertThat(fileRaw(fine, "C3", List.of()).statusCode()).as("a good rating has nothing to appeal")
                .isEqualTo(409);
        assertThat(fileRaw("no-such-rating", "C3", List.of()).statusCode()).isEqualTo(404);
        byte[] tooBig = new byte[Attachment.MAX_BYTES + 1];
        System.arraycopy(PNG, 0, tooBig, 0, PNG.length);
        HttpResponse<String> big = fileRaw(bad, "C3", List.of(tooBig));
        assertThat(big.statusCode()).as(big.body()).isEqualTo(400);
        assertThat(big.body()).contains("bytes");
        HttpResponse<String> six = fileRaw(bad, "C3", List.of(PNG, PNG, PNG, PNG, PNG, PNG));
        assertThat(six.statusCode()).isEqualTo(400);
        assertThat(six.body()).contains("at most 5");
        byte[] gif = "GIF89a-not-a-png".getBytes(StandardCharsets.US_ASCII);
        HttpResponse<String> wrongType = fileRaw(bad, "C3", List.of(gif));
        assertThat(wrongType.statusCode()).isEqualTo(400);
        assertThat(wrongType.body()).contains("is not a image/png image");

        RatingAppeal filed = file(bad, "C3", List.of(PNG));
        assertThat(filed.state()).isEqualTo(AppealState.OPEN);
        assertThat(filed.stateLabel()).isEqualTo("申诉中");
        assertThat(filed.level()).isEqualTo(2);
        assertThat(filed.evidence()).singleElement().satisfies(e -> {
            assertThat(e.number()).isEqualTo(1);
            assertThat(e.bytes()).isEqualTo(PNG.length);
        });
        assertThat(fileRaw(bad, "C3", List.of()).statusCode()).as("one open appeal per rating").isEqualTo(409);

        HttpResponse<byte[]> png = http.send(HttpRequest.newBuilder(URI.create(server.baseUri()
                + ApiPaths.clerkRatingAppealEvidence(filed.appealId(), 1))).header("Authorization", "Bearer "
                + org.govkiosk.platform.RunningPlatform.CLERK).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(png.statusCode()).isEqualTo(200);
        assertThat(png.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                .startsWith("image/png"));
        assertThat(png.body()).isEqualTo(PNG);
        assertThat(clerk("GET", ApiPaths.clerkRatingAppealEvidence(filed.appealId(), 2), null).statusCode())
                .isEqualTo(404);

        HttpResponse<String> own = decide(filed.appealId(), true, " c3 ");
        assertThat(own.statusCode()).as("the filer does not review their own appeal").isEqualTo(403);
        assertThat(own.body()).contains("reviewer-is-filer");
        HttpResponse<String> noReason = clerk("POST", ApiPaths.clerkRatingAppealDecision(filed.appealId()),
                "{\"uphold\":true,\"reviewedBy\":\"MGR-1\"}");
        assertThat(noReason.statusCode()).isEqualTo(400);

        LocalDate today = clock.instant().atZone(SHANGHAI).toLocalDate();
        String summaryPath = ApiPaths.CLERK_RATING_SUMMARY + "?from=" + today + "&to=" + today;
        assertThat(TestTerminal.JSON.readValue(clerk("GET", summaryPath, null).body(), RatingSummary.class).badGiven())
                .as("an open appeal changes nothing").isEqualTo(1);

        HttpResponse<String> upheld = decide(filed.appealId(), true, "MGR-1");
        assertThat(upheld.statusCode()).as(upheld.body()).isEqualTo(200);
        RatingAppeal decided = TestTerminal.JSON.readValue(upheld.body(), RatingAppeal.class);
        assertThat(decided.state()).isEqualTo(AppealState.UPHELD);
        assertThat(decided.stateLabel()).isEqualTo("申诉成立");
        assertThat(decided.reviewedBy()).isEqualTo("MGR-1");
        assertThat(decided.decisionReason()).isEqualTo("核实系统故障记录属实");
        assertThat(server.provinceOutbox().entries(500)).as("the province hears of the upheld appeal once")
                .filteredOn(e -> e.kind().equals("APPEAL_UPHELD")).singleElement()
                .satisfies(e -> assertThat(e.ratingId()).isEqualTo(decided.ratingId()));
        assertThat(decide(filed.appealId(), false, "MGR-2").statusCode()).as("decided once").isEqualTo(409);
        assertThat(fileRaw(bad, "C3", List.of()).statusCode()).as("an upheld appeal ends it").isEqualTo(409);

        RatingSummary summary = TestTerminal.JSON.readValue(clerk("GET", summaryPath, null).body(),
                RatingSummary.class);
        assertThat(summary.badGiven()).as("申诉成立: out of the scores").isZero();
        assertThat(summary.given()).isEqualTo(1);
        FollowUpRates rates = TestTerminal.JSON.readValue(clerk("GET", ApiPaths.CLERK_RATING_LEDGER_RATES + "?from="
                + today + "&to=" + today, null).body(), FollowUpRates.class);
        assertThat(rates.all().realNameBad()).as("and out of the follow-up rates").isZero();
        // Kept in the record: still on the ledger and in the appeal list as 申诉成立.
        assertThat(clerk("GET", ApiPaths.CLERK_RATING_LEDGER, null).body()).contains(bad);
        RatingAppealList list = TestTerminal.JSON.readValue(clerk("GET", ApiPaths.CLERK_RATING_APPEALS
                + "?state=UPHELD", null).body(), RatingAppealList.class);
        assertThat(list.appeals()).extracting(RatingAppeal::ratingId).containsExactly(bad);
        assertThat(clerk("GET", ApiPaths.CLERK_RATING_APPEALS + "?state=MAYBE", null).statusCode()).isEqualTo(400);
    }

    @Test
    void appealsFiledAtOnceForOneRatingLeaveOneOpen() throws Exception {
        String bad = rated("c1", "W-03", "C1", 1, false);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<Integer>> answers = new ArrayList<>();
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            for (int i = 0; i < 8; i++) {
                String by = "C" + i;
                answers.add(pool.submit(() -> {
                    go.await();
                    return fileRaw(bad, by, List.of()).statusCode();
                }));
            }
            go.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (var a : answers) {
                statuses.add(a.get());
            }
            assertThat(statuses).as("one filed, the others refused").containsOnly(201, 409);
            assertThat(statuses.stream().filter(s -> s == 201)).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(TestTerminal.JSON.readValue(clerk("GET", ApiPaths.CLERK_RATING_APPEALS + "?state=OPEN", null)
                .body(), RatingAppealList.class).appeals()).hasSize(1);
    }

    @Test
    void theReportsPerDepartmentAndTheOtherGroupingsMatchTheHandCountedFixtures() throws Exception {
        fixtures();
        RatingReport byDepartment = report("department");
        assertThat(byDepartment.rows()).extracting(RatingReport.Row::key).containsExactly(FORMULA_DEPARTMENT, "医保科",
                "社保科", "未指定");

        RatingReport.Row social = row(byDepartment, "社保科");
        assertThat(social.byLevel()).isEqualTo(levels(1, 1, 0, 1, 1));
        assertThat(social.given()).isEqualTo(4);
        assertThat(social.defaulted()).isZero();
        assertThat(social.bad()).isEqualTo(2);
        assertThat(social.badRate()).isCloseTo(0.5, within(1e-9));
        assertThat(social.anonymous()).isEqualTo(1);
        assertThat(social.realNameBad()).isEqualTo(1);
        assertThat(social.rectified()).isEqualTo(1);
        assertThat(social.closedOnTime()).isEqualTo(1);
        assertThat(social.followUpRate()).isEqualTo(1.0);
        assertThat(social.appealsUpheld()).as("#4's appeal was rejected, its second one is open").isZero();

        RatingReport.Row medical = row(byDepartment, "医保科");
        assertThat(medical.byLevel()).isEqualTo(levels(0, 0, 1, 0, 0));
        assertThat(medical.total()).isEqualTo(1);
        assertThat(medical.bad()).isZero();
        assertThat(medical.appealsUpheld()).isEqualTo(1);
        assertThat(medical.realNameBad()).isZero();

        RatingReport.Row none = row(byDepartment, "未指定");
        assertThat(none.byLevel()).isEqualTo(levels(1, 0, 0, 0, 0));
        assertThat(none.given()).isEqualTo(1);
        assertThat(none.defaulted()).isEqualTo(1);
        assertThat(none.total()).isEqualTo(2);
        assertThat(none.badRate()).isCloseTo(0.5, within(1e-9));
        assertThat(none.defaultShare()).isCloseTo(0.5, within(1e-9));
        assertThat(none.realNameBad()).isEqualTo(1);
        assertThat(none.rectified()).isZero();
        assertThat(none.followUpRate()).isZero();

        RatingReport.Row all = byDepartment.all();
        assertThat(all.byLevel()).isEqualTo(levels(2, 1, 1, 1, 2));
        assertThat(all.given()).isEqualTo(7);
        assertThat(all.defaulted()).isEqualTo(1);
        assertThat(all.total()).isEqualTo(8);
        assertThat(all.bad()).isEqualTo(3);
        assertThat(all.badRate()).isCloseTo(0.375, within(1e-9));
        assertThat(all.defaultShare()).isCloseTo(0.125, within(1e-9));
        assertThat(all.realNameBad()).isEqualTo(2);
        assertThat(all.rectified()).isEqualTo(1);
        assertThat(all.followUpRate()).isCloseTo(0.5, within(1e-9));
        assertThat(all.appealsUpheld()).isEqualTo(1);

        RatingReport byClerk = report("clerk");
        assertThat(byClerk.rows()).extracting(RatingReport.Row::key).containsExactly("C1", "C2", "C3", "C4", "未指定");
        assertThat(row(byClerk, "C1").given()).isEqualTo(3);
        assertThat(row(byClerk, "C3").appealsUpheld()).isEqualTo(1);
        RatingReport byWindow = report("window");
        assertThat(row(byWindow, "W-03").total()).isEqualTo(4);
        assertThat(row(byWindow, "未指定").defaulted()).isEqualTo(1);
        RatingReport byItem = report("item");
        assertThat(byItem.rows()).singleElement().satisfies(r -> {
            assertThat(r.label()).isEqualTo(ITEM_NAME);
            assertThat(r.total()).isEqualTo(8);
        });
        RatingReport byChannel = report("channel");
        assertThat(row(byChannel, "SELF_SERVICE_TERMINAL").label()).isEqualTo("自助终端");

        // A day: only what was received on 1 April (the default came on the 12th).
        HttpResponse<String> day = clerk("GET", ApiPaths.CLERK_RATING_REPORTS + "?day=2025-04-01", null);
        assertThat(TestTerminal.JSON.readValue(day.body(), RatingReport.class).all().defaulted()).isZero();
        HttpResponse<String> custom = clerk("GET", ApiPaths.CLERK_RATING_REPORTS
                + "?from=2025-04-02&to=2025-04-30", null);
        assertThat(TestTerminal.JSON.readValue(custom.body(), RatingReport.class).all().total()).isEqualTo(1);
        for (String wrong : List.of("?by=hall", "?month=2025-13", "?day=2025-04-01&month=2025-04",
                "?from=2025-04-01", "?from=2025-04-02&to=2025-04-01", "?format=xlsx")) {
            assertThat(clerk("GET", ApiPaths.CLERK_RATING_REPORTS + wrong, null).statusCode()).as(wrong)
                    .isEqualTo(400);
        }

        // The ledger and its rates count #3 under 社保科 (its window's department), not 未指定.
        FollowUpRates rates = TestTerminal.JSON.readValue(clerk("GET", ApiPaths.CLERK_RATING_LEDGER_RATES
                + "?from=2025-04-01&to=2025-04-30", null).body(), FollowUpRates.class);
        assertThat(rates.departments()).extracting(FollowUpRates.Rates::department).containsExactly("未指定", "社保科");
        assertThat(rates.all().realNameBad()).isEqualTo(2);
    }

    @Test
    void theCsvOpensInExcelAndParsesBackToTheSameFiguresWithFormulasDefused() throws Exception {
        fixtures();
        HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(server.baseUri()
                + ApiPaths.CLERK_RATING_REPORTS + "?by=department&month=2025-04&format=csv")).header(
                "Authorization", "Bearer " + org.govkiosk.platform.RunningPlatform.CLERK).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                .startsWith("text/csv"));
        byte[] body = r.body();
        assertThat(body).startsWith(0xEF, 0xBB, 0xBF);
        List<List<String>> rows = CsvReader.parse(new String(body, 3, body.length - 3, StandardCharsets.UTF_8));
        assertThat(rows.get(0)).startsWith("分组", "名称", "非常不满意(1)");
        assertThat(rows).hasSize(1 + 4 + 1);
        List<String> formula = rows.get(1);
        assertThat(formula.get(0)).as("a formula stays text").isEqualTo("'" + FORMULA_DEPARTMENT);
        List<String> social = rows.stream().filter(x -> x.get(0).equals("社保科")).findFirst().orElseThrow();
        assertThat(social.subList(2, 12)).containsExactly("1", "1", "0", "1", "1", "4", "0", "4", "2", "0.5000");
        List<String> total = rows.get(rows.size() - 1);
        assertThat(total.get(0)).isEqualTo("全部");
        assertThat(total.subList(7, 13)).containsExactly("7", "1", "8", "3", "0.3750", "0.1250");
        assertThat(total.get(19)).isEqualTo("1");
        for (List<String> row : rows) {
            for (String cell : row) {
                assertThat(cell).as("no cell a spreadsheet evaluates").doesNotStartWith("=").doesNotStartWith("+")
                        .doesNotStartWith("@");
            }
        }
        HttpResponse<String> en = clerk("GET", ApiPaths.CLERK_RATING_REPORTS + "?month=2025-04&format=csv&lang=en",
                null);
        assertThat(en.body()).contains("\"bad rate\"");
    }
}
