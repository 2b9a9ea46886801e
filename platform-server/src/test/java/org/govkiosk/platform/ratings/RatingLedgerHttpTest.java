package org.govkiosk.platform.ratings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.govkiosk.api.ApiPaths;
import org.govkiosk.api.FollowUpRates;
import org.govkiosk.api.LedgerActionKind;
import org.govkiosk.api.LedgerState;
import org.govkiosk.api.RatingChannel;
import org.govkiosk.api.RatingLedgerAction;
import org.govkiosk.api.RatingLedgerEntry;
import org.govkiosk.api.RatingLedgerList;
import org.govkiosk.api.RatingReceipt;
import org.govkiosk.api.RatingSubmission;
import org.govkiosk.platform.TestTerminal;
import org.govkiosk.platform.sms.OutboxSmsGateway;
import org.junit.jupiter.api.Test;

/**
 * 回访整改台账 with the clock moved by hand across the 2025 National Day (国庆节、中秋节 1-8 October off, Sunday 28
 * September and Saturday 11 October worked): a bad rating received on Thursday 25 September is due on Wednesday
 * 15 October, ten working days counting both 调休 weekends and skipping the holiday (weekends only would say 9
 * October); overdue from the 16th; an extension only with a written reason; the outcome told by SMS once; an
 * anonymous rating kept without identity; the rates of a period against hand-counted fixtures.
 */
class RatingLedgerHttpTest extends PhonePlatform {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final LocalDate RECEIVED = LocalDate.of(2025, 9, 25);
    private static final LocalDate DUE = LocalDate.of(2025, 10, 15);

    private void at(LocalDate day, int hour, int minute) {
        clock.set(day.atTime(hour, minute).atZone(SHANGHAI).toInstant());
    }

    /** Files a case and rates it at the terminal; the rating's id. */
    private String rated(String key, String phone, int level, boolean anonymous, String clerkId) throws Exception {
        String caseNumber = fileCase(key, phone).caseNumber();
        RatingSubmission r = new RatingSubmission("rate-" + key, caseNumber, "1", ITEM, "HALL-1", terminal.id,
                clerkId == null ? null : "W-03", clerkId, RatingChannel.SELF_SERVICE_TERMINAL, level,
                Map.of("OVERALL", level), level <= 2 ? List.of("SERVICE_EFFICIENCY") : List.of(), null, anonymous,
                clock.instant());
        HttpResponse<String> sent = terminal.post(ApiPaths.RATINGS, r);
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(201);
        clock.advance(java.time.Duration.ofMinutes(1)); // received in the order rated
        return TestTerminal.read(sent, RatingReceipt.class).ratingId();
    }

    private List<RatingLedgerEntry> ledger(boolean overdue) throws Exception {
        HttpResponse<String> r = clerk("GET", ApiPaths.CLERK_RATING_LEDGER + (overdue ? "?overdue=true" : ""), null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return TestTerminal.JSON.readValue(r.body(), RatingLedgerList.class).entries();
    }

    private RatingLedgerEntry entry(String ratingId) throws Exception {
        return ledger(false).stream().filter(e -> e.ratingId().equals(ratingId)).findFirst().orElseThrow();
    }

    private HttpResponse<String> act(String json) throws Exception {
        return clerk("POST", ApiPaths.CLERK_RATING_LEDGER, json);
    }

    private RatingLedgerEntry act(RatingLedgerAction a) throws Exception {
        HttpResponse<String> r = act(TestTerminal.JSON.writeValueAsString(a));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return TestTerminal.JSON.readValue(r.body(), RatingLedgerEntry.class);
    }

    private static RatingLedgerAction assign(String id, String department) {
        return new RatingLedgerAction(id, LedgerActionKind.ASSIGN, "MGR-1", department, null, null, null, null, null,
                null, null);
    }

    private static RatingLedgerAction callBack(String id, String said) {
        return new RatingLedgerAction(id, LedgerActionKind.CALL_BACK, "CLERK-9", null, null, null, said, null, null,
                null, null);
    }

    private static RatingLedgerAction close(String id, String said) {
        return new RatingLedgerAction(id, LedgerActionKind.CLOSE, "CLERK-9", null, null, null, said, null, null,
                "窗口增设叫号提醒，已对经办人员培训", "已整改");
    }

    private static RatingLedgerAction extend(String id, LocalDate to) {
        return new RatingLedgerAction(id, LedgerActionKind.EXTEND, "MGR-1", null, null, null, null,
                "需协调医保中心系统改造", to, null, null);
    }

    private List<OutboxSmsGateway.Row> outcomeSms() {
        return server.ratings().sms().rows().stream().filter(r -> r.purpose().equals("rating-outcome")).toList();
    }

    @Test
    void aSignedInPersonIsWhoCalledBackWhateverTheBodySaysAndAnotherHallsClerkFindsNoEntry() throws Exception {
        at(RECEIVED, 10, 0);
        String id = rated("staff-1", "13800138000", 1, false, "CLERK-7");
        org.govkiosk.platform.StaffClient.add(server, "super1", org.govkiosk.platform.staff.Role.SUPERVISOR,
                "HALL-1");
        org.govkiosk.platform.StaffClient.add(server, "clerk2", org.govkiosk.platform.staff.Role.CLERK, "HALL-2");
        String body = TestTerminal.JSON.writeValueAsString(callBack(id, "已电话回访，群众表示理解"));
        HttpResponse<String> other = org.govkiosk.platform.StaffClient.call(server.baseUri(),
                org.govkiosk.platform.StaffClient.token(server.baseUri(), "clerk2"), "POST",
                ApiPaths.CLERK_RATING_LEDGER, body);
        assertThat(other.statusCode()).as(other.body()).isEqualTo(404);
        HttpResponse<String> r = org.govkiosk.platform.StaffClient.call(server.baseUri(),
                org.govkiosk.platform.StaffClient.token(server.baseUri(), "super1"), "POST",
                ApiPaths.CLERK_RATING_LEDGER, body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        RatingLedgerEntry e = TestTerminal.JSON.readValue(r.body(), RatingLedgerEntry.class);
        assertThat(e.calledBackBy()).isEqualTo("测试super1 (super1)").doesNotContain("CLERK-9");
        assertThat(org.govkiosk.platform.StaffClient.call(server.baseUri(), org.govkiosk.platform.StaffClient.token(
                server.baseUri(), "clerk2"), "GET", ApiPaths.CLERK_RATING_LEDGER, null).body()).doesNotContain(id);
        // The counts and rates of a period are those of the caller's halls.
        org.govkiosk.platform.StaffClient.add(server, "super2", org.govkiosk.platform.staff.Role.SUPERVISOR,
                "HALL-2");
        String period = "?from=" + RECEIVED + "&to=" + RECEIVED;
        for (String[] c : new String[][] {{"super1", "\"given\":1"}, {"super2", "\"given\":0"}}) {
            HttpResponse<String> summary = org.govkiosk.platform.StaffClient.call(server.baseUri(),
                    org.govkiosk.platform.StaffClient.token(server.baseUri(), c[0]), "GET",
                    ApiPaths.CLERK_RATING_SUMMARY + period, null);
            assertThat(summary.body()).as(c[0]).contains(c[1]);
        }
        FollowUpRates mine = TestTerminal.JSON.readValue(org.govkiosk.platform.StaffClient.call(server.baseUri(),
                org.govkiosk.platform.StaffClient.token(server.baseUri(), "super1"), "GET",
                ApiPaths.CLERK_RATING_LEDGER_RATES + period, null).body(), FollowUpRates.class);
        FollowUpRates theirs = TestTerminal.JSON.readValue(org.govkiosk.platform.StaffClient.call(server.baseUri(),
                org.govkiosk.platform.StaffClient.token(server.baseUri(), "super2"), "GET",
                ApiPaths.CLERK_RATING_LEDGER_RATES + period, null).body(), FollowUpRates.class);
        assertThat(TestTerminal.JSON.writeValueAsString(mine.all())).isNotEqualTo(
                TestTerminal.JSON.writeValueAsString(theirs.all()));
    }

    @Test
    void aBadRatingBeforeNationalDayIsDueTenWorkingDaysLaterOnTheCalendarAndOverdueTheDayAfter() throws Exception {
        at(RECEIVED, 10, 0);
        String bad = rated("n1", PHONE, 1, false, "CLERK-7");
        String notBad = rated("n2", PHONE, 3, false, null);
        String unhappy = rated("n3", null, 2, false, null);

        List<RatingLedgerEntry> all = ledger(false);
        assertThat(all).extracting(RatingLedgerEntry::ratingId).containsExactly(bad, unhappy).doesNotContain(notBad);
        RatingLedgerEntry e = all.get(0);
        assertThat(e.firstDeadline()).as("28 Sep and 11 Oct worked, 1-8 Oct off").isEqualTo(DUE);
        assertThat(e.deadline()).isEqualTo(DUE);
        assertThat(e.state()).isEqualTo(LedgerState.OPEN);
        assertThat(e.ownerClerk()).as("the named clerk owns it until someone assigns it").isEqualTo("CLERK-7");
        assertThat(e.realName()).isTrue();
        assertThat(e.overdue()).isFalse();
        assertThat(ledger(false)).as("made once").hasSize(2);

        at(DUE, 23, 59);
        assertThat(ledger(true)).as("the last day is still in time").isEmpty();
        at(DUE.plusDays(1), 0, 0);
        assertThat(ledger(true)).extracting(RatingLedgerEntry::ratingId).containsExactly(bad, unhappy);
        assertThat(entry(bad).overdue()).isTrue();

        act(close(unhappy, "市民表示理解"));
        assertThat(ledger(true)).as("a closed entry is no longer overdue").extracting(RatingLedgerEntry::ratingId)
                .containsExactly(bad);
    }

    @Test
    void anExtensionNeedsAWrittenReasonAndSetsANewDeadlineKeptInTheHistory() throws Exception {
        at(RECEIVED, 10, 0);
        String bad = rated("e1", PHONE, 2, false, null);
        at(LocalDate.of(2025, 10, 16), 9, 0);
        assertThat(entry(bad).overdue()).isTrue();

        HttpResponse<String> noReason = act("{\"ratingId\":\"" + bad + "\",\"action\":\"EXTEND\",\"by\":\"MGR-1\","
                + "\"newDeadline\":\"2025-10-24\"}");
        assertThat(noReason.statusCode()).as(noReason.body()).isEqualTo(400);
        assertThat(noReason.body()).contains("written reason");
        HttpResponse<String> blankReason = act("{\"ratingId\":\"" + bad + "\",\"action\":\"EXTEND\",\"by\":\"MGR-1\","
                + "\"reason\":\"  \",\"newDeadline\":\"2025-10-24\"}");
        assertThat(blankReason.statusCode()).as(blankReason.body()).isEqualTo(400);
        HttpResponse<String> saturday = act(TestTerminal.JSON.writeValueAsString(extend(bad,
                LocalDate.of(2025, 10, 25))));
        assertThat(saturday.statusCode()).as("a Saturday is no deadline").isEqualTo(409);
        HttpResponse<String> earlier = act(TestTerminal.JSON.writeValueAsString(extend(bad, DUE.minusDays(1))));
        assertThat(earlier.statusCode()).isEqualTo(409);
        assertThat(entry(bad).deadline()).as("refused steps change nothing").isEqualTo(DUE);
        assertThat(entry(bad).history()).isEmpty();

        RatingLedgerEntry extended = act(extend(bad, LocalDate.of(2025, 10, 24)));
        assertThat(extended.deadline()).isEqualTo(LocalDate.of(2025, 10, 24));
        assertThat(extended.firstDeadline()).isEqualTo(DUE);
        assertThat(extended.overdue()).isFalse();
        assertThat(extended.history()).singleElement().satisfies(h -> {
            assertThat(h.action()).isEqualTo(LedgerActionKind.EXTEND);
            assertThat(h.reason()).isEqualTo("需协调医保中心系统改造");
            assertThat(h.deadline()).isEqualTo(LocalDate.of(2025, 10, 24));
            assertThat(h.by()).isEqualTo("MGR-1");
        });
        assertThat(ledger(true)).isEmpty();
        at(LocalDate.of(2025, 10, 27), 9, 0);
        assertThat(ledger(true)).extracting(RatingLedgerEntry::ratingId).containsExactly(bad);
    }

    @Test
    void closingRecordsTheOutcomeAndQueuesOneSmsToTheCitizensPhone() throws Exception {
        at(RECEIVED, 10, 0);
        String bad = rated("c1", PHONE, 1, false, null);
        String noPhone = rated("c2", null, 1, false, null);

        HttpResponse<String> unheard = act(TestTerminal.JSON.writeValueAsString(close(bad, null)));
        assertThat(unheard.statusCode()).as("a real-name rating is called back first").isEqualTo(409);

        at(LocalDate.of(2025, 9, 26), 15, 0);
        RatingLedgerEntry called = act(callBack(bad, "排队时间过长，无人引导"));
        assertThat(called.state()).isEqualTo(LedgerState.CALLED_BACK);
        assertThat(called.calledBackBy()).isEqualTo("CLERK-9");
        assertThat(called.citizenSaid()).isEqualTo("排队时间过长，无人引导");
        assertThat(called.calledBackAt()).isEqualTo(clock.instant());
        assertThat(outcomeSms()).as("nothing told before the closing").isEmpty();

        RatingLedgerEntry closed = act(close(bad, null));
        assertThat(closed.state()).isEqualTo(LedgerState.CLOSED);
        assertThat(closed.outcome()).isEqualTo("已整改");
        assertThat(closed.rectification()).contains("叫号提醒");
        assertThat(closed.closedAt()).isEqualTo(clock.instant());
        assertThat(closed.outcomeSmsQueued()).isTrue();
        assertThat(closed.history()).extracting(h -> h.action()).containsExactly(LedgerActionKind.CALL_BACK,
                LedgerActionKind.CLOSE);
        HttpResponse<String> again = act(TestTerminal.JSON.writeValueAsString(close(bad, null)));
        assertThat(again.statusCode()).as("closed once").isEqualTo(409);

        List<OutboxSmsGateway.Row> sms = outcomeSms();
        assertThat(sms).singleElement().satisfies(m -> {
            assertThat(m.phone()).isEqualTo(PHONE);
            assertThat(m.text()).startsWith("【政务服务】").contains("已整改").doesNotContain("11010519491231002X");
            assertThat(m.toString()).contains("138****8000").doesNotContain(PHONE);
        });

        RatingLedgerEntry atOnce = act(close(noPhone, "市民接受解释"));
        assertThat(atOnce.state()).as("a simple one closed at once").isEqualTo(LedgerState.CLOSED);
        assertThat(atOnce.citizenSaid()).isEqualTo("市民接受解释");
        assertThat(atOnce.outcomeSmsQueued()).as("its case has no phone").isFalse();
        assertThat(outcomeSms()).hasSize(1);
    }

    @Test
    void twoClerksClosingTheSameEntryAtOnceCloseItOnceAndTellTheCitizenOnce() throws Exception {
        at(RECEIVED, 10, 0);
        String bad = rated("t1", PHONE, 1, false, null);
        act(callBack(bad, "办理时间太长"));
        String body = TestTerminal.JSON.writeValueAsString(close(bad, null));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Callable<Integer>> closings = java.util.Collections.nCopies(4,
                    () -> act(body).statusCode());
            List<Integer> statuses = new java.util.ArrayList<>();
            for (java.util.concurrent.Future<Integer> f : pool.invokeAll(closings)) {
                statuses.add(f.get());
            }
            assertThat(statuses).containsExactlyInAnyOrder(200, 409, 409, 409);
        } finally {
            pool.shutdownNow();
        }
        assertThat(outcomeSms()).hasSize(1);
        assertThat(entry(bad).history()).extracting(h -> h.action()).containsExactly(LedgerActionKind.CALL_BACK,
                LedgerActionKind.CLOSE);
    }

    @Test
    void anAnonymousBadRatingStaysOnTheLedgerWithoutTheCitizensIdentity() throws Exception {
        at(RECEIVED, 10, 0);
        String anonymous = rated("a1", PHONE, 1, true, null);
        HttpResponse<String> listed = clerk("GET", ApiPaths.CLERK_RATING_LEDGER, null);
        assertThat(listed.body()).contains(anonymous).doesNotContain(PHONE, "11010519491231002X", "张三丰");
        RatingLedgerEntry e = entry(anonymous);
        assertThat(e.realName()).isFalse();
        assertThat(e.caseNumber()).isNull();
        assertThat(e.firstDeadline()).isEqualTo(DUE);

        HttpResponse<String> call = act(TestTerminal.JSON.writeValueAsString(callBack(anonymous, "?")));
        assertThat(call.statusCode()).as("no one to call back").isEqualTo(409);
        RatingLedgerEntry closed = act(close(anonymous, null));
        assertThat(closed.state()).isEqualTo(LedgerState.CLOSED);
        assertThat(closed.outcomeSmsQueued()).isFalse();
        assertThat(outcomeSms()).isEmpty();
    }

    @Test
    void theRatesOfAPeriodAreThoseCountedByHand() throws Exception {
        at(RECEIVED, 10, 0);
        String socialOnTime = rated("r1", PHONE, 1, false, null);
        String socialLate = rated("r2", PHONE, 2, false, null);
        String medicalOpen = rated("r3", PHONE, 2, false, null);
        String unassignedAtOnce = rated("r4", null, 1, false, null);
        String anonymous = rated("r5", null, 1, true, null);
        rated("r6", PHONE, 4, false, null);
        act(assign(socialOnTime, "社保科"));
        act(assign(socialLate, "社保科"));
        act(assign(medicalOpen, "医保科"));
        act(assign(anonymous, "医保科"));

        act(close(unassignedAtOnce, "已当场解释"));
        at(LocalDate.of(2025, 10, 9), 10, 0);
        act(callBack(socialOnTime, "希望增加窗口"));
        act(close(socialOnTime, null));
        act(close(anonymous, null));
        at(LocalDate.of(2025, 10, 16), 10, 0);
        act(extend(socialLate, LocalDate.of(2025, 10, 24)));
        at(LocalDate.of(2025, 10, 20), 10, 0);
        act(close(socialLate, "同意整改方案"));
        at(LocalDate.of(2025, 11, 3), 10, 0);
        rated("r7", PHONE, 1, false, null); // received after the period

        HttpResponse<String> r = clerk("GET", ApiPaths.CLERK_RATING_LEDGER_RATES + "?from=2025-09-01&to=2025-09-30",
                null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        FollowUpRates rates = TestTerminal.JSON.readValue(r.body(), FollowUpRates.class);
        // By hand: 4 real-name bad ratings in September (the anonymous one, the 满意 one and November's apart);
        // 3 called back and closed; 2 closed by 15 October (the extended one closed on the 20th is late).
        assertThat(rates.all().realNameBad()).isEqualTo(4);
        assertThat(rates.all().rectified()).isEqualTo(3);
        assertThat(rates.all().closedOnTime()).isEqualTo(2);
        assertThat(rates.all().followUpRate()).isCloseTo(0.75, within(1e-9));
        assertThat(rates.all().onTimeRate()).isCloseTo(0.5, within(1e-9));
        Map<String, FollowUpRates.Rates> byDepartment = new java.util.HashMap<>();
        rates.departments().forEach(d -> byDepartment.put(d.department(), d));
        assertThat(byDepartment).containsOnlyKeys("社保科", "医保科", "未指定");
        assertThat(byDepartment.get("社保科")).extracting(FollowUpRates.Rates::realNameBad,
                FollowUpRates.Rates::rectified, FollowUpRates.Rates::closedOnTime).containsExactly(2, 2, 1);
        assertThat(byDepartment.get("社保科").onTimeRate()).isCloseTo(0.5, within(1e-9));
        assertThat(byDepartment.get("医保科")).extracting(FollowUpRates.Rates::realNameBad,
                FollowUpRates.Rates::rectified, FollowUpRates.Rates::closedOnTime).containsExactly(1, 0, 0);
        assertThat(byDepartment.get("医保科").followUpRate()).isZero();
        assertThat(byDepartment.get("未指定")).extracting(FollowUpRates.Rates::realNameBad,
                FollowUpRates.Rates::rectified, FollowUpRates.Rates::closedOnTime).containsExactly(1, 1, 1);

        HttpResponse<String> november = clerk("GET", ApiPaths.CLERK_RATING_LEDGER_RATES
                + "?from=2025-11-01&to=2025-11-30", null);
        FollowUpRates later = TestTerminal.JSON.readValue(november.body(), FollowUpRates.class);
        assertThat(later.all().realNameBad()).isEqualTo(1);
        assertThat(later.all().rectified()).isZero();
        HttpResponse<String> backwards = clerk("GET", ApiPaths.CLERK_RATING_LEDGER_RATES
                + "?from=2025-11-01&to=2025-10-30", null);
        assertThat(backwards.statusCode()).isEqualTo(400);
    }
}
