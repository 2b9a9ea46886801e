package org.govkiosk.platform.pads;

import io.javalin.http.sse.SseClient;

/**
 * One open event stream of one pad. Writes are serialized here: the clerk's request thread and the heartbeat
 * thread both write, and two interleaved events would garble the stream.
 */
final class PadConnection {

    private final PadBinding binding;
    private final SseClient client;
    private final String streamId = java.util.UUID.randomUUID().toString();
    private long lastSentId;

    PadConnection(PadBinding binding, SseClient client) {
        this.binding = binding;
        this.client = client;
    }

    /** The highest event id this stream carried (0: none yet). */
    synchronized long lastSentId() {
        return lastSentId;
    }

    /** This stream's own id (a pad may hold several streams, e.g. a new one before the old one is seen dead). */
    String streamId() {
        return streamId;
    }

    PadBinding binding() {
        return binding;
    }

    /**
     * Writes the event unless this stream already carried its id (a replay racing a live send).
     *
     * @return false if the stream is gone
     */
    synchronized boolean send(PadEvent event) {
        if (event.id() != null && event.id() <= lastSentId) {
            return !client.terminated();
        }
        if (client.terminated()) {
            return false;
        }
        if (event.id() == null) {
            client.sendEvent(event.name(), event.json());
        } else {
            client.sendEvent(event.name(), event.json(), Long.toString(event.id()));
            lastSentId = event.id();
        }
        return !client.terminated();
    }

    /** A comment line: keeps proxies and the pad's silence detector content, and finds dead streams. */
    synchronized boolean heartbeat() {
        if (client.terminated()) {
            return false;
        }
        client.sendComment("heartbeat");
        return !client.terminated();
    }

    void close() {
        client.close();
    }
}
