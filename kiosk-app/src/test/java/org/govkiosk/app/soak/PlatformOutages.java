package org.govkiosk.app.soak;

import java.util.random.RandomGenerator;

/**
 * The hall's platform goes away now and then (its process is stopped: its port closes, its database shuts or,
 * after SIGKILL, is left to recover) and
 * comes back on the same port with the same data a while later; terminals keep taking cases meanwhile. Counted in
 * sessions of the terminal that drives it, so the outage spans work whatever the machine's speed.
 */
final class PlatformOutages {

    private final ChildPlatform platform;
    private final double rate;
    private final SoakLedger ledger;
    private long session;
    private long restartAt = -1;

    PlatformOutages(ChildPlatform platform, double rate, SoakLedger ledger) {
        this.platform = platform;
        this.rate = rate;
        this.ledger = ledger;
    }

    synchronized void beforeSession(RandomGenerator random) {
        session++;
        if (restartAt >= 0) {
            if (session >= restartAt) {
                end();
            }
            return;
        }
        if (random.nextDouble() < rate) {
            // One outage in four a power cut (SIGKILL: H2 recovers its file), the others an orderly shutdown.
            platform.stop(random.nextInt(4) == 0);
            ledger.platformOutages.incrementAndGet();
            restartAt = session + 10 + random.nextInt(40);
        }
    }

    /** Brings the platform back if it is down (before a checkpoint, and at the end). */
    synchronized void end() {
        if (restartAt >= 0) {
            platform.start();
            restartAt = -1;
        }
    }
}
