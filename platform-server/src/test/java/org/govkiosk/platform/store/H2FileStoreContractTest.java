package org.govkiosk.platform.store;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on an H2 file (the standalone default). */
class H2FileStoreContractTest extends StoreContract {

    @TempDir
    Path dir;

    @Override
    String freshDatabaseUrl() {
        return "jdbc:h2:file:" + dir.resolve("platform").toAbsolutePath();
    }
}
