package org.govkiosk.platform.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.govkiosk.api.DeviceState;
import org.govkiosk.api.TerminalStatus;
import org.junit.jupiter.api.Test;

/** Liveness, alarms and order of the fleet page's rows, and the escaping of everything a terminal sends. */
class FleetAlarmsTest {

    private static final Instant NOW = Instant.parse("2025-03-03T02:00:00Z");
    private final FleetAlarms alarms = new FleetAlarms(FleetSettings.defaults());

    private static TerminalStatus terminal(String id, Duration sinceBeat, Integer interval, Long oldestAge,
            DeviceState... devices) {
        return new TerminalStatus(id, "HALL-1", NOW.minus(Duration.ofDays(1)),
                sinceBeat == null ? null : NOW.minus(sinceBeat), "1.0", oldestAge == null ? 0 : 3, List.of(devices),
                100L, oldestAge, interval);
    }

    private static DeviceState device(String status, String detail) {
        return new DeviceState("receipt-1", "RECEIPT_PRINTER", status, detail);
    }

    private List<Alarm.Kind> kinds(TerminalStatus t) {
        return alarms.row(t, NOW).alarms().stream().map(Alarm::kind).toList();
    }

    @Test
    void aTerminalIsOfflineAfterThreeOfItsOwnIntervalsOrOfTheDefault() {
        assertThat(alarms.row(terminal("a", Duration.ofSeconds(179), 60, null), NOW).liveness())
                .isEqualTo(FleetRow.Liveness.LIVE);
        assertThat(alarms.row(terminal("a", Duration.ofSeconds(181), 60, null), NOW).liveness())
                .isEqualTo(FleetRow.Liveness.STALE);
        assertThat(alarms.row(terminal("a", Duration.ofSeconds(181), 300, null), NOW).liveness())
                .as("a terminal that beats every 5 min is not late after 3").isEqualTo(FleetRow.Liveness.LIVE);
        assertThat(alarms.row(terminal("a", Duration.ofSeconds(181), null, null), NOW).liveness())
                .as("default 60 s").isEqualTo(FleetRow.Liveness.STALE);
        FleetRow never = alarms.row(terminal("a", null, null, null), NOW);
        assertThat(never.liveness()).isEqualTo(FleetRow.Liveness.NEVER);
        assertThat(never.sinceHeartbeat()).isEmpty();
        assertThat(kinds(terminal("a", Duration.ofMinutes(10), 60, null))).containsExactly(Alarm.Kind.TERMINAL_OFFLINE);
    }

    @Test
    void eachDeviceGivesItsMostSpecificAlarm() {
        assertThat(kinds(terminal("a", Duration.ZERO, 60, null, device("OFFLINE", "PAPER_OUT"))))
                .containsExactly(Alarm.Kind.PAPER_OUT);
        assertThat(kinds(terminal("a", Duration.ZERO, 60, null, device("OFFLINE", "COVER_OPEN"))))
                .containsExactly(Alarm.Kind.COVER_OPEN);
        assertThat(kinds(terminal("a", Duration.ZERO, 60, null, device("DEGRADED", "PAPER_NEAR_END"))))
                .containsExactly(Alarm.Kind.PAPER_NEAR_END);
        assertThat(kinds(terminal("a", Duration.ZERO, 60, null, device("OFFLINE", "PORT_NOT_FOUND"))))
                .containsExactly(Alarm.Kind.DEVICE_OFFLINE);
        assertThat(alarms.row(terminal("a", Duration.ZERO, 60, null, device("OFFLINE", "PORT_NOT_FOUND")), NOW)
                .alarms().get(0).detail()).isEqualTo("PORT_NOT_FOUND");
        assertThat(kinds(terminal("a", Duration.ZERO, 60, null, device("ONLINE", null), device("DISABLED", null))))
                .isEmpty();
    }

    @Test
    void anOutboxEntryOlderThanTheLimitIsABacklog() {
        assertThat(kinds(terminal("a", Duration.ZERO, 60, 15 * 60L))).isEmpty();
        assertThat(kinds(terminal("a", Duration.ZERO, 60, 15 * 60L + 1))).containsExactly(Alarm.Kind.OUTBOX_BACKLOG);
    }

    @Test
    void rowsWithCriticalAlarmsComeFirstThenWarningsThenTheQuietOnes() {
        List<FleetRow> rows = alarms.rows(List.of(
                terminal("a-quiet", Duration.ZERO, 60, null, device("ONLINE", null)),
                terminal("b-near-end", Duration.ZERO, 60, null, device("DEGRADED", "PAPER_NEAR_END")),
                terminal("c-paper-out", Duration.ZERO, 60, null, device("OFFLINE", "PAPER_OUT")),
                terminal("d-silent", Duration.ofHours(1), 60, null)), NOW);
        assertThat(rows).extracting(r -> r.terminal().terminalId())
                .containsExactly("c-paper-out", "d-silent", "b-near-end", "a-quiet");
    }

    @Test
    void everyValueATerminalSendsIsEscapedOnThePage() {
        String evil = "<script>alert('x')</script>&\"";
        TerminalStatus t = new TerminalStatus(evil, evil, NOW, NOW, evil, 1,
                List.of(new DeviceState(evil, evil, "DEGRADED", evil)), 5L, 5L, 60);
        for (FleetText lang : FleetText.values()) {
            String html = FleetHtml.page(alarms.rows(List.of(t), NOW), FleetFilter.of(evil, null), NOW,
                    java.time.ZoneOffset.UTC, lang, org.govkiosk.platform.staff.StaffMember.person("x", evil,
                            org.govkiosk.platform.staff.Role.TECHNICIAN, java.util.Set.of(evil)), evil);
            assertThat(html).doesNotContain("<script>", "alert('x')")
                    .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;&quot;");
        }
        assertThat(FleetHtml.escape("a<b>&\"'")).isEqualTo("a&lt;b&gt;&amp;&quot;&#39;");
        assertThat(FleetHtml.message("<i>", FleetText.ZH)).contains("&lt;i&gt;").doesNotContain("<i>");
    }

    @Test
    void agesReadInThePagesLanguageAndStayPutUnderAMinute() {
        assertThat(FleetText.ZH.age(Duration.ofSeconds(45))).isEqualTo("不到 1 分钟");
        assertThat(FleetText.EN.age(Duration.ofSeconds(45))).isEqualTo("under 1 min");
        assertThat(FleetText.ZH.age(Duration.ofMinutes(3))).isEqualTo("3 分钟");
        assertThat(FleetText.EN.age(Duration.ofMinutes(125))).isEqualTo("2 h 5 min");
        assertThat(FleetText.ZH.age(Duration.ofHours(76))).isEqualTo("3 天 4 小时");
    }

    @Test
    void everyTextHasBothLanguagesAndTheLanguageIsChosenAsAsked() {
        FleetText.WORDS.forEach((key, both) -> {
            assertThat(both).as(key).hasSize(2);
            assertThat(both[0]).as(key + " zh").isNotBlank().isNotEqualTo(both[1]);
            assertThat(both[1]).as(key + " en").isNotBlank().doesNotContainPattern("\\p{IsHan}");
        });
        assertThat(FleetText.choose(null, null)).isEqualTo(FleetText.ZH);
        assertThat(FleetText.choose(null, "en-US,en;q=0.9,zh;q=0.5")).isEqualTo(FleetText.EN);
        assertThat(FleetText.choose(null, "zh-CN,zh;q=0.9,en;q=0.5")).isEqualTo(FleetText.ZH);
        assertThat(FleetText.choose("zh", "en-US")).isEqualTo(FleetText.ZH);
        assertThat(FleetText.choose("en", null)).isEqualTo(FleetText.EN);
    }

    @Test
    void filtersByHallAndAlarm() {
        List<FleetRow> rows = alarms.rows(List.of(
                terminal("a-quiet", Duration.ZERO, 60, null, device("ONLINE", null)),
                terminal("b-near-end", Duration.ZERO, 60, null, device("DEGRADED", "PAPER_NEAR_END")),
                terminal("c-paper-out", Duration.ZERO, 60, null, device("OFFLINE", "PAPER_OUT"))), NOW);
        assertThat(FleetFilter.of(null, "any").apply(rows)).hasSize(2);
        assertThat(FleetFilter.of(null, "critical").apply(rows)).extracting(r -> r.terminal().terminalId())
                .containsExactly("c-paper-out");
        assertThat(FleetFilter.of("", "paper_near_end").apply(rows)).extracting(r -> r.terminal().terminalId())
                .containsExactly("b-near-end");
        assertThat(FleetFilter.of("HALL-9", null).apply(rows)).isEmpty();
        assertThat(FleetFilter.of("HALL-1", "any").apply(rows)).hasSize(2);
        assertThat(FleetFilter.of(null, "no-such-alarm").apply(rows)).as("unknown: all").hasSize(3);
    }
}
