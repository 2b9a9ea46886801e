package org.govkiosk.platform.province;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.govkiosk.platform.PostgresCluster;
import org.govkiosk.platform.config.PlatformConfig;

/** 差评通报单 on a real PostgreSQL: the notices table, the ledger's columns of migration V7, the shared nonces. */
class BadRatingNoticeOnPostgresTest extends BadRatingNoticeHttpTest {

    @Override
    protected PlatformConfig config() throws Exception {
        assumeTrue(PostgresCluster.unavailableReason().isEmpty(),
                () -> "skipped: " + PostgresCluster.unavailableReason().orElse(""));
        return super.config().withDatabase(PostgresCluster.shared().createDatabase(), PostgresCluster.USER, null);
    }
}
