package org.govkiosk.platform.store;

import java.util.UUID;

/** The store contract on H2 in memory (the embedded default). */
class H2StoreContractTest extends StoreContract {

    @Override
    String freshDatabaseUrl() {
        return "jdbc:h2:mem:contract-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    }
}
