package org.govkiosk.platform.ratings;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.govkiosk.platform.PostgresCluster;
import org.govkiosk.platform.config.PlatformConfig;

/**
 * The rating window's SQL on a real PostgreSQL, as a province runs it: the invitations, the defaults at the
 * window's close, and two platform instances closing the same windows at once on one database.
 */
class RatingWindowOnPostgresTest extends RatingWindowHttpTest {

    @Override
    protected PlatformConfig config() throws Exception {
        assumeTrue(PostgresCluster.unavailableReason().isEmpty(),
                () -> "skipped: " + PostgresCluster.unavailableReason().orElse(""));
        return super.config().withDatabase(PostgresCluster.shared().createDatabase(), PostgresCluster.USER, null);
    }
}
