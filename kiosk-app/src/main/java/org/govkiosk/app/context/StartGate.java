package org.govkiosk.app.context;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds back the work the first screen does not need (the demo's embedded platform, the A4 documents' CJK font,
 * the pinyin dictionary) until the first screen is shown, so it does not take the CPU from it: on a 2-core
 * terminal restarted by its watchdog, the attract screen comes first. What the citizen needs from the first
 * second on (the devices: a card can be read as soon as the screen shows) is started before, not here.
 * Opens once; work given after that starts at once. Work is never lost: it runs on its own executor when the
 * gate opens, in the order it was given.
 */
public final class StartGate {

    private static final Logger LOG = LoggerFactory.getLogger(StartGate.class);

    private final List<Runnable> held = new ArrayList<>();
    private boolean open;

    /** {@code executor}, but what is given to it waits until the gate opens. */
    public Executor on(Executor executor) {
        return task -> hold(() -> executor.execute(task));
    }

    private void hold(Runnable start) {
        synchronized (this) {
            if (!open) {
                held.add(start);
                return;
            }
        }
        start.run();
    }

    /** The first screen is shown (or a fallback deadline passed): the held work starts. */
    public void open() {
        List<Runnable> now;
        synchronized (this) {
            if (open) {
                return;
            }
            open = true;
            now = List.copyOf(held);
            held.clear();
        }
        for (Runnable start : now) {
            try {
                start.run();
            } catch (RuntimeException e) {
                // An executor closed meanwhile (the terminal stopping): the others still start.
                LOG.warn("Work held for the first screen could not start: {}", e.toString());
            }
        }
    }

    public synchronized boolean isOpen() {
        return open;
    }
}
