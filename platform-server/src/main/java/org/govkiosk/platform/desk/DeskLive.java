package org.govkiosk.platform.desk;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.govkiosk.api.CaseView;
import org.govkiosk.platform.http.LiveStreams;
import org.govkiosk.platform.store.StorageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The queue's live notice ({@link LiveStreams}): every round reads each open page's hall's cases from the store
 * once and sends the digest of the queue. The page compares it with its own and, when they differ, says so with a
 * link that loads the queue again: nothing on the page moves under the clerk's hands (no timed reload, nothing to
 * pause).
 */
final class DeskLive implements AutoCloseable {

    static final String EVENT = "queue";
    static final String INTERVAL_PROPERTY = "govkiosk.desk.live-interval-millis";

    private static final Logger LOG = LoggerFactory.getLogger(DeskLive.class);

    private final LiveStreams<String> streams;

    /** @param hallQueue every case of a hall, as the queue shows them unfiltered */
    DeskLive(Function<String, List<CaseView>> hallQueue, Duration interval) {
        this.streams = new LiveStreams<>("desk", EVENT, interval, halls -> {
            Map<String, Optional<String>> byHall = new HashMap<>();
            for (String hall : halls) {
                try {
                    byHall.put(hall, Optional.of(event(digest(hallQueue.apply(hall)))));
                } catch (StorageException e) {
                    // This hall's pages wait for the next round; the others get theirs.
                    LOG.warn("Desk streams of {}: storage unavailable: {}", hall, e.getMessage());
                    byHall.put(hall, Optional.empty());
                }
            }
            return hall -> byHall.getOrDefault(hall, Optional.empty());
        });
    }

    static Duration interval() {
        return Duration.ofMillis(Math.max(100, Long.getLong(INTERVAL_PROPERTY, 5_000)));
    }

    /** The digest of a hall's queue: which cases, in which state, last changed when. */
    static String digest(List<CaseView> cases) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (CaseView c : cases) {
                md.update((c.caseNumber() + "|" + c.state() + "|" + c.updatedAt() + "|" + c.overdue() + "\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(md.digest(), 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static String event(String digest) {
        return "{\"hash\":\"" + digest + "\"}";
    }

    /** Opens the stream of one page and sends its hall's digest at once, on the request's thread. */
    void open(Context ctx, String hall, BooleanSupplier signedIn) {
        streams.open(ctx, hall, signedIn);
    }

    @Override
    public void close() {
        streams.close();
    }
}
