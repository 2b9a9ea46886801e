package org.govkiosk.platform.ratings;

import static org.junit.jupiter.api.Assumptions.assumeTrue;
import org.govkiosk.platform.PostgresCluster;
import org.govkiosk.platform.config.PlatformConfig;

/** Appeals (the one-open-appeal constraint, migration V6), the window map and the period reports on a real PostgreSQL. */
class RatingAppealsAndReportsOnPostgresTest extends RatingAppealsAndReportsHttpTest {

    @Override
    protected PlatformConfig config() throws Exception {
        assumeTrue(PostgresCluster.unavailableReason().isEmpty(),
                () -> "skipped: " + PostgresCluster.unavailableReason().orElse(""));
        return super.config().withDatabase(PostgresCluster.shared().createDatabase(), PostgresCluster.USER, null);
    }
}
