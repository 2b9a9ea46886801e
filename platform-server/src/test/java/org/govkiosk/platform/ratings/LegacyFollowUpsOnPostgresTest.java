package org.govkiosk.platform.ratings;

import static org.junit.jupiter.api.Assumptions.assumeTrue;
import org.govkiosk.platform.PostgresCluster;
import org.govkiosk.platform.config.PlatformConfig;

/** The pre-ledger follow-ups carried onto the ledger and answered from it on a real PostgreSQL. */
class LegacyFollowUpsOnPostgresTest extends LegacyFollowUpsHttpTest {

    @Override
    protected PlatformConfig config() throws Exception {
        assumeTrue(PostgresCluster.unavailableReason().isEmpty(),
                () -> "skipped: " + PostgresCluster.unavailableReason().orElse(""));
        return super.config().withDatabase(PostgresCluster.shared().createDatabase(), PostgresCluster.USER, null);
    }
}
