package org.govkiosk.platform.pads;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The pads connected now, by window, with the heartbeat that keeps their streams open. */
final class PadHub implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PadHub.class);

    private final Map<WindowKey, Set<PadConnection>> byWindow = new ConcurrentHashMap<>();
    private final ScheduledExecutorService heartbeats;
    private volatile PadPresence presence = PadPresence.none();

    /**
     * The heartbeat's passes per interval, each over a slice of the streams: 5,000 streams given their comment in one
     * pass were a burst of writes (and as many lines through the balancer) that delayed the rating requests pushed
     * meanwhile; spread out, each stream still has one comment per interval.
     */
    static final int SLICES = 16;
    private long pass;

    PadHub(Duration heartbeat) {
        heartbeats = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "pad-heartbeat");
            t.setDaemon(true);
            return t;
        });
        long every = Math.max(1, heartbeat.toMillis() / SLICES);
        heartbeats.scheduleAtFixedRate(this::heartbeatSlice, every, every, TimeUnit.MILLISECONDS);
    }

    /** Where the streams held here are told to the other instances (set once, at start, on PostgreSQL). */
    void presence(PadPresence p) {
        this.presence = p;
    }

    void add(PadConnection c) {
        byWindow.computeIfAbsent(c.binding().window(), w -> ConcurrentHashMap.newKeySet()).add(c);
        presence.opened(c);
        LOG.info("Pad {} connected at window {}/{}", c.binding().padId(), c.binding().hallCode(),
                c.binding().windowId());
    }

    void remove(PadConnection c) {
        Set<PadConnection> set = byWindow.get(c.binding().window());
        if (set != null && set.remove(c)) {
            presence.closed(c);
            LOG.info("Pad {} disconnected from window {}", c.binding().padId(), c.binding().windowId());
        }
    }

    /** Sends to every connected pad of the window; returns how many took it. */
    int publish(WindowKey window, PadEvent event) {
        int reached = 0;
        for (PadConnection c : byWindow.getOrDefault(window, Set.of())) {
            if (c.send(event)) {
                reached++;
            } else {
                remove(c);
            }
        }
        return reached;
    }

    /** Every stream connected to this instance now. */
    List<PadConnection> connections() {
        List<PadConnection> all = new ArrayList<>();
        byWindow.values().forEach(all::addAll);
        return all;
    }

    int connected(WindowKey window) {
        return byWindow.getOrDefault(window, Set.of()).size();
    }

    /** The window's pads streaming from other instances only. */
    int presenceElsewhere(WindowKey window) {
        return presence.elsewhere(window, padsAt(window));
    }

    /** The ids of the window's pads streaming from here. */
    Set<String> padsAt(WindowKey window) {
        Set<String> ids = new java.util.HashSet<>();
        byWindow.getOrDefault(window, Set.of()).forEach(c -> ids.add(c.binding().padId()));
        return ids;
    }

    /** Ends the streams of one pad bound to another window than {@code now} (it moved and must reconnect there). */
    void disconnectElsewhere(String padId, WindowKey now) {
        byWindow.values().forEach(set -> set.removeIf(c -> {
            if (c.binding().padId().equals(padId) && !c.binding().window().equals(now)) {
                c.close();
                presence.closed(c);
                return true;
            }
            return false;
        }));
    }

    /** One pass of the heartbeat: the streams of the next slice; the presence's stamp once per interval. */
    private void heartbeatSlice() {
        int slice = (int) (pass++ % SLICES);
        heartbeat(c -> slice(c) == slice, slice == 0);
    }

    /** The slice a stream's comments come in (its random id spreads the streams evenly). */
    static int slice(PadConnection c) {
        return Math.floorMod(c.streamId().hashCode(), SLICES);
    }

    private void heartbeat(java.util.function.Predicate<PadConnection> due, boolean stamp) {
        try {
            List<PadConnection> gone = new ArrayList<>();
            byWindow.values().forEach(set -> set.removeIf(c -> {
                if (!due.test(c) || c.heartbeat()) {
                    return false;
                }
                gone.add(c);
                return true;
            }));
            // Once for all the pass found gone, after every live stream had its comment.
            presence.closed(gone);
            if (stamp) {
                presence.refresh();
            }
        } catch (RuntimeException e) {
            // A failure here must not cancel the schedule (a thrown exception would).
            LOG.warn("Pad heartbeat failed: {}", e.toString());
        }
    }

    /**
     * Ends every stream held here now (a stopping instance's last act before it stops): each pad connects again
     * through the balancer, to another instance, and gets what it missed by its Last-Event-ID. Returns how many.
     */
    int endStreams() {
        List<PadConnection> ended = new ArrayList<>();
        for (Set<PadConnection> set : byWindow.values()) {
            for (PadConnection c : List.copyOf(set)) {
                if (set.remove(c)) {
                    c.close();
                    ended.add(c);
                }
            }
        }
        presence.closed(ended);
        return ended.size();
    }

    @Override
    public void close() {
        heartbeats.shutdownNow();
        byWindow.values().forEach(set -> set.forEach(PadConnection::close));
        byWindow.clear();
        presence.closeAll();
    }
}
