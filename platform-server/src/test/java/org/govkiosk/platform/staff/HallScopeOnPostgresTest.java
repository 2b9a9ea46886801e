package org.govkiosk.platform.staff;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.govkiosk.platform.PostgresCluster;
import org.govkiosk.platform.config.PlatformConfig;

/** The hall scope (the SQL filters on a case's and a rating's hall, migration V11) on a real PostgreSQL. */
class HallScopeOnPostgresTest extends HallScopeHttpTest {

    @Override
    protected PlatformConfig config() {
        assumeTrue(PostgresCluster.unavailableReason().isEmpty(),
                () -> "skipped: " + PostgresCluster.unavailableReason().orElse(""));
        try {
            return onDatabase(super.config().withDatabase(PostgresCluster.shared().createDatabase(),
                    PostgresCluster.USER, null));
        } catch (Exception e) {
            throw new IllegalStateException("no database for the test", e);
        }
    }
}
