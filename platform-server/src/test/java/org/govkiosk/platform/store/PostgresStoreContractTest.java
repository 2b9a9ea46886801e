package org.govkiosk.platform.store;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.govkiosk.platform.PostgresCluster;
import org.junit.jupiter.api.BeforeAll;

/** The store contract on a real PostgreSQL started by the test. */
class PostgresStoreContractTest extends StoreContract {

    @BeforeAll
    static void needPostgres() {
        assumeTrue(PostgresCluster.unavailableReason().isEmpty(),
                () -> "skipped: " + PostgresCluster.unavailableReason().orElse(""));
    }

    @Override
    String freshDatabaseUrl() throws Exception {
        return PostgresCluster.shared().createDatabase();
    }
}
