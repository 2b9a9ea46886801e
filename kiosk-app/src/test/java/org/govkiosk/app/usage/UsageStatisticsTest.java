package org.govkiosk.app.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.govkiosk.testkit.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Usage statistics on a real SQLite file, days moved by hand. */
class UsageStatisticsTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @TempDir
    Path dir;

    // 2026-11-22 08:00 in Shanghai
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T00:00:00Z"));

    private UsageStatistics open() {
        return UsageStatistics.open(dir.resolve("usage.db"), clock, SHANGHAI, Runnable::run);
    }

    @Test
    void todayCountsSessionsApplicationsPerItemAndRatingsPerLevel() {
        try (UsageStatistics usage = open()) {
            usage.sessionEnded("FINISHED");
            usage.sessionEnded("FINISHED");
            usage.sessionEnded("TIMEOUT");
            usage.applicationSubmitted("item-a");
            usage.applicationSubmitted("item-a");
            usage.applicationSubmitted("item-b");
            usage.ratingGiven(5);
            usage.ratingGiven(2);
            usage.ratingGiven(5);

            UsageReport today = usage.todayReport();
            assertThat(today.from()).isEqualTo(LocalDate.of(2026, 11, 22));
            assertThat(today.sessions()).isEqualTo(3);
            assertThat(today.sessionsByEnd()).containsEntry("FINISHED", 2L).containsEntry("TIMEOUT", 1L);
            assertThat(today.applicationsByItem()).containsOnly(java.util.Map.entry("item-a", 2L),
                    java.util.Map.entry("item-b", 1L));
            assertThat(today.ratingsByLevel()).containsExactly(java.util.Map.entry(1, 0L), java.util.Map.entry(2, 1L),
                    java.util.Map.entry(3, 0L), java.util.Map.entry(4, 0L), java.util.Map.entry(5, 2L));
        }
    }

    @Test
    void theDailyRollUpKeepsEveryCountAndTheLast30DaysSpanThem() throws Exception {
        try (UsageStatistics usage = open()) {
            usage.sessionEnded("FINISHED");
            usage.applicationSubmitted("item-a");
            clock.advance(Duration.ofDays(1));
            usage.sessionEnded("FINISHED");
            usage.sessionEnded("TIMEOUT");
            usage.ratingGiven(4);
            clock.advance(Duration.ofDays(1));

            assertThat(usage.rollUp()).isEqualTo(5);
            assertThat(usage.rollUp()).as("a second roll-up finds nothing more").isZero();
            usage.sessionEnded("FINISHED"); // today, not rolled up

            UsageReport month = usage.lastDays(30);
            assertThat(month.from()).isEqualTo(LocalDate.of(2026, 10, 26));
            assertThat(month.to()).isEqualTo(LocalDate.of(2026, 11, 24));
            assertThat(month.sessionsByDay()).hasSize(30)
                    .containsEntry(LocalDate.of(2026, 11, 22), 1L).containsEntry(LocalDate.of(2026, 11, 23), 2L)
                    .containsEntry(LocalDate.of(2026, 11, 24), 1L).containsEntry(LocalDate.of(2026, 11, 1), 0L);
            assertThat(month.sessions()).isEqualTo(4);
            assertThat(month.applicationsByItem()).containsEntry("item-a", 1L);
            assertThat(month.ratingsByLevel()).containsEntry(4, 1L);
            assertThat(usage.todayReport().sessions()).isEqualTo(1);
        }
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("usage.db"));
             var rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM usage_event")) {
            assertThat(rs.getInt(1)).as("only today's event is raw").isEqualTo(1);
        }
    }

    @Test
    void countsSurviveReopeningAndNothingPersonalIsStored() throws Exception {
        try (UsageStatistics usage = open()) {
            usage.applicationSubmitted("11330100MB0000000X400011001");
            usage.ratingGiven(3);
        }
        try (UsageStatistics usage = open()) {
            assertThat(usage.todayReport().applications()).isEqualTo(1);
            assertThat(usage.todayReport().ratings()).isEqualTo(1);
        }
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("usage.db"));
             var rs = c.createStatement().executeQuery("SELECT sql FROM sqlite_master WHERE type = 'table'")) {
            StringBuilder schema = new StringBuilder();
            while (rs.next()) {
                schema.append(rs.getString(1));
            }
            assertThat(schema.toString()).contains("day", "kind", "key").doesNotContainIgnoringCase("name")
                    .doesNotContainIgnoringCase("id_number");
        }
    }

    @Test
    void aDamagedFileIsMovedAsideAndCountingStartsAgain() throws Exception {
        Files.writeString(dir.resolve("usage.db"), "this is not a database, it is long enough to be read as one...");
        try (UsageStatistics usage = open()) {
            usage.sessionEnded("FINISHED");
            assertThat(usage.todayReport().sessions()).isEqualTo(1);
        }
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList())
                    .anyMatch(n -> n.startsWith("usage.db.damaged-"));
        }
    }

    @Test
    void aRatingOutsideTheFiveLevelsIsRefused() {
        try (UsageStatistics usage = open()) {
            assertThatThrownBy(() -> usage.ratingGiven(6)).isInstanceOf(IllegalArgumentException.class);
            assertThat(usage.todayReport().ratings()).isZero();
        }
    }
}
