package org.govkiosk.bench.province;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The province benchmark at a small size (100 terminals, 200 pads, 1 and 2 instances, a few seconds each, cases as
 * fast as answered and then 20 a second), so its code keeps working: every measurement stores cases, answers
 * heartbeats and brings every rating request to its pad, with nothing failed. No timing is asserted; the full size
 * runs from scripts/bench-province.sh.
 */
class ProvinceBenchmarkTest {

    @TempDir
    Path dir;

    @Test
    void aSmallProvinceRunsEveryRoundWithNothingLost() throws Exception {
        assumeTrue(BenchPostgres.binaries().isPresent(), "skipped: PostgreSQL is not installed (postgresql)");
        assumeTrue(Files.isExecutable(Balancer.HAPROXY), "skipped: HAProxy is not installed (haproxy)");
        ProvinceBenchmark.Settings small = new ProvinceBenchmark.Settings(100, 200, List.of(1, 2), 8, 20, 2, 10, 2,
                4, "256m", false);
        List<ProvinceBenchmark.Round> rounds = ProvinceBenchmark.run(small, dir, System.out::println);
        assertThat(rounds).extracting(ProvinceBenchmark.Round::instances).containsExactly(1, 1, 2, 2);
        assertThat(rounds).extracting(ProvinceBenchmark.Round::intakeLoad).containsExactly(
                "8 terminals at a time, as fast as answered", "20 cases/s",
                "8 terminals at a time, as fast as answered", "20 cases/s");
        for (ProvinceBenchmark.Round r : rounds) {
            ProvinceBenchmark.print(r);
            assertThat(r.cases()).as("cases stored").isPositive();
            assertThat(r.intakeFailures()).as("cases failed").isZero();
            assertThat(r.heartbeats()).as("heartbeats answered").isPositive();
            assertThat(r.heartbeatFailures()).as("heartbeats failed").isZero();
            assertThat(r.padsConnected()).as("pads streaming").isEqualTo(200);
            assertThat(r.ratingRequests()).as("rating requests posted").isPositive();
            assertThat(r.ratingRequestFailures()).as("rating requests failed").isZero();
            assertThat(r.pushed()).as("rating requests that reached their pad").isEqualTo(r.ratingRequests());
            assertThat(r.cpuPercent()).containsKeys("haproxy", "postgres", "benchmark client", "platform p1");
            assertThat(r.limit()).isNotBlank();
        }
    }
}
