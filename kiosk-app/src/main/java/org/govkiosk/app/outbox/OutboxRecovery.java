package org.govkiosk.app.outbox;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What happened when the outbox file was found damaged at start: it was moved to {@code movedTo}, a fresh one was
 * opened, and the entries that could still be read were copied over. Entries that could not be read are in the
 * moved file only; a technician reports it (the cases must be re-entered or recovered by hand).
 *
 * @param salvagedKeys idempotency keys of the entries copied to the fresh outbox
 */
public record OutboxRecovery(Path movedTo, String cause, List<String> salvagedKeys, boolean readToEnd) {

    public OutboxRecovery {
        Objects.requireNonNull(movedTo, "movedTo");
        Objects.requireNonNull(cause, "cause");
        salvagedKeys = List.copyOf(salvagedKeys);
    }

    public int salvaged() {
        return salvagedKeys.size();
    }
}
