package org.govkiosk.app.platform;

import java.io.IOException;
import org.govkiosk.app.outbox.EntryKind;

/**
 * How one kind of outbox entry travels: what is stored, where it goes, and how the platform's answer is read. The
 * bytes {@link #encode} makes are stored (encrypted) in the outbox and later sent as they are, so the request the
 * platform sees, and the signature over it, is exactly what the terminal kept; a resend after a crash is the same
 * request byte for byte, which the platform's idempotency check (key plus body digest) expects.
 *
 * @param <T> what a journey queues (the API's submission)
 * @param <R> the platform's receipt for it
 */
public interface EntryConverter<T, R> {

    EntryKind kind();

    /** The outbox priority of this kind (cases before ratings). */
    int priority();

    String idempotencyKey(T value);

    /** The request body, as stored and as sent. */
    byte[] encode(T value);

    /**
     * Where the stored bytes are posted. Reads only what the path needs (a supplement's case number) and never
     * rewrites the bytes.
     *
     * @throws IOException when the stored bytes are not this kind's JSON (sending cannot mend that)
     */
    String path(byte[] stored) throws IOException;

    /**
     * Reads the platform's verified answer.
     *
     * @throws IOException when it is not this kind's receipt (the platform may have stored the entry anyway: the
     *                     entry stays queued and is resent under its key)
     */
    R readReceipt(byte[] answer) throws IOException;

    /** What the outbox keeps as the entry's reference (a case number, a rating id). */
    String reference(R receipt);

    /**
     * What the outbox keeps of the receipt once the personal payload is erased: the receipt as this terminal's API
     * reads it (every field of the API's record; for every kind these are numbers, states and dates, nothing
     * personal), and nothing a newer platform may add beside them. The platform's signature cannot be checked
     * again later anyway (it also covers the request, whose body is erased), so keeping its bytes would prove
     * nothing more.
     */
    byte[] kept(R receipt);
}
