package org.govkiosk.platform.province;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.govkiosk.platform.PostgresCluster;
import org.govkiosk.platform.config.PlatformConfig;

/** The upward outbox's SQL (migration V7, the claims with SKIP LOCKED, the restart) on a real PostgreSQL. */
class ProvinceDeliveryOnPostgresTest extends ProvinceDeliveryHttpTest {

    @Override
    protected PlatformConfig config() throws Exception {
        assumeTrue(PostgresCluster.unavailableReason().isEmpty(),
                () -> "skipped: " + PostgresCluster.unavailableReason().orElse(""));
        return super.config().withDatabase(PostgresCluster.shared().createDatabase(), PostgresCluster.USER, null);
    }
}
