package org.govkiosk.platform.province;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.govkiosk.platform.PlatformServer;
import org.govkiosk.platform.PostgresCluster;
import org.govkiosk.platform.config.PlatformConfig;
import org.junit.jupiter.api.Test;

/**
 * Two platform instances on one PostgreSQL send the same outbox at once through a province that fails every third
 * request: each claims its own entries (FOR UPDATE SKIP LOCKED and the conditional claim), no entry is ever sent by
 * both at the same time, every attempt is one request, and every rating reaches the province exactly once.
 */
class ProvinceInstancesOnPostgresTest extends ProvincePlatform {

    /** How many ratings; GOVKIOSK_PROVINCE_PROOF_RATINGS sets a larger proof. */
    private static final int RATINGS = Integer.parseInt(System.getenv().getOrDefault(
            "GOVKIOSK_PROVINCE_PROOF_RATINGS", "24"));

    @Override
    protected PlatformConfig config() throws Exception {
        assumeTrue(PostgresCluster.unavailableReason().isEmpty(),
                () -> "skipped: " + PostgresCluster.unavailableReason().orElse(""));
        return super.config().withDatabase(PostgresCluster.shared().createDatabase(), PostgresCluster.USER, null);
    }

    @Override
    protected ProvinceSettings settings() {
        return super.settings().withBatchSize(4);
    }

    @Test
    void twoInstancesShareTheOutboxAndEveryRatingArrivesOnce() throws Exception {
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < RATINGS; i++) {
            keys.add("rating:" + rated("multi-" + i, 1 + i % 5, i % 4 == 0).ratingId());
        }
        province.failWith(StandInProvince.Fault.EVERY_THIRD_500);
        province.latencyMillis = 15;
        try (PlatformServer second = start(configUsed, settings())) {
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<Integer>> claimed = new ArrayList<>();
                for (PlatformServer instance : List.of(server, second)) {
                    claimed.add(pool.submit((Callable<Integer>) () -> drain(instance)));
                }
                int first = claimed.get(0).get();
                int other = claimed.get(1).get();
                assertThat(first).as("instance 1 claimed").isPositive();
                assertThat(other).as("instance 2 claimed").isPositive();
            } finally {
                pool.shutdownNow();
            }
        }
        assertThat(province.taken.keySet()).isEqualTo(keys);
        assertThat(province.takenAnew.values()).allSatisfy(n -> assertThat(n.get()).isEqualTo(1));
        assertThat(province.overlapping.get()).as("one entry sent by two instances at once").isZero();
        List<OutboxEntry> entries = server.provinceOutbox().entries(RATINGS + 10);
        assertThat(entries).allSatisfy(e -> assertThat(e.state()).isEqualTo("SENT"));
        int attempts = entries.stream().mapToInt(OutboxEntry::attempts).sum();
        int requests = province.checkedRequests.values().stream().mapToInt(java.util.concurrent.atomic
                .AtomicInteger::get).sum();
        assertThat(attempts).as("every attempt one request, none lost or doubled").isEqualTo(requests);
        assertThat(attempts).as("the province's failures were retried").isGreaterThan(RATINGS);
    }

    /**
     * Runs the instance's sender until a run finds nothing due and nothing is pending or being sent; how many entries
     * it claimed in all. A run that claims nothing while the other instance still holds rows waits a moment before
     * the next (a bound in time, not in rounds: on a slow machine the other's batch outlasts any count of quick
     * rounds, which made the test fail in a clean-clone run).
     */
    private static int drain(PlatformServer instance) throws InterruptedException {
        int claimed = 0;
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            ProvinceSender.Run run = instance.runProvinceDelivery();
            claimed += run.claimed();
            if (run.claimed() == 0) {
                if (instance.provinceOutbox().count("PENDING") == 0 && instance.provinceOutbox().count("SENDING") == 0) {
                    return claimed;
                }
                Thread.sleep(20);
            }
        }
        throw new AssertionError("the outbox did not drain in 60 s");
    }
}
