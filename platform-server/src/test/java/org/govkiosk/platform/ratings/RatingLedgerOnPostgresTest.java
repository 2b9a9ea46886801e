package org.govkiosk.platform.ratings;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.govkiosk.platform.PostgresCluster;
import org.govkiosk.platform.config.PlatformConfig;

/** The follow-up ledger's SQL (migration V4, dates, the locked step) on a real PostgreSQL. */
class RatingLedgerOnPostgresTest extends RatingLedgerHttpTest {

    @Override
    protected PlatformConfig config() throws Exception {
        assumeTrue(PostgresCluster.unavailableReason().isEmpty(),
                () -> "skipped: " + PostgresCluster.unavailableReason().orElse(""));
        return super.config().withDatabase(PostgresCluster.shared().createDatabase(), PostgresCluster.USER, null);
    }
}
