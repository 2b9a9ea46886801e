package org.govkiosk.app.maintenance;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.govkiosk.app.audit.Audit;
import org.govkiosk.personal.Masking;
import org.govkiosk.app.outbox.Outbox;
import org.govkiosk.app.outbox.OutboxStatus;

/** The outbox for maintenance mode: what waits, what was refused, and sending a refused entry again (audited). */
public final class OutboxAdmin {

    private final Outbox outbox;
    private final Audit audit;
    private final Clock clock;

    public OutboxAdmin(Outbox outbox, Audit audit, Clock clock) {
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
    }

    public OutboxOverview overview() {
        OutboxStatus status = outbox.status();
        var dead = outbox.deadLetters().stream().map(e -> new OutboxOverview.DeadLetter(e.id(), e.kind(),
                e.reference().orElse(e.idempotencyKey()), e.attempts(), e.createdAt(),
                Masking.text(e.lastError().orElse("")))).toList();
        return new OutboxOverview(status.waiting(),
                status.oldestWaitingSince().map(t -> Duration.between(t, clock.instant())), outbox.countsByKind(),
                dead, status.recovery().map(Object::toString));
    }

    /**
     * Moves a dead letter back to pending; the worker sends it on its next round. False when it is no longer a
     * dead letter (retried already, or confirmed).
     */
    public boolean retry(long id) {
        boolean moved = outbox.retry(id);
        audit.record("outbox-retry", Map.of("entry", String.valueOf(id), "result", moved ? "pending" : "not-dead"));
        return moved;
    }
}
