package org.govkiosk.app.outbox;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.govkiosk.testkit.Await;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** An outbox on a fresh SQLite file for worker tests; workers registered with {@link #closeAfter} stop first. */
abstract class WorkerTestBase {

    @TempDir
    Path dir;

    Outbox outbox;
    private final List<AutoCloseable> toClose = new ArrayList<>();

    @BeforeEach
    void openOutbox() {
        outbox = Outbox.open(dir.resolve("outbox.db"), new PayloadCipher(TestKeys.aes()), Clock.systemUTC());
    }

    /** Closed after the test, last registered first, before the outbox. */
    <T extends AutoCloseable> T closeAfter(T closeable) {
        toClose.add(closeable);
        return closeable;
    }

    @AfterEach
    void closeAll() throws Exception {
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
        outbox.close();
    }

    /** Waits for {@code condition} (the machine may be loaded: up to 20 s), failing with {@code what}. */
    static void await(String what, Await.Condition condition) {
        Await.until(what, Duration.ofSeconds(20), condition);
    }
}
