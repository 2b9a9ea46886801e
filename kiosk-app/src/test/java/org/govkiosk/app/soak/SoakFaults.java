package org.govkiosk.app.soak;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.random.RandomGenerator;
import org.govkiosk.device.sim.DeviceSimulator;
import org.govkiosk.device.internal.sim.escpos.SimulatedEscPosPrinter;

/**
 * Faults at random, per terminal, counted in that terminal's sessions: before a session, with probability
 * {@code rate}, one device fault starts (printer paper out, cover open or cable pulled; reader answering garbage,
 * falling silent or unplugged) and is cleared a few sessions later, as a technician or the citizen would. The
 * platform outage is shared by all terminals: {@link PlatformOutages}.
 */
final class SoakFaults {

    private record Fault(DeviceSimulator device, String name, long clearAt) {
    }

    private static final String[] PRINTER = {SimulatedEscPosPrinter.PAPER_OUT, SimulatedEscPosPrinter.COVER_OPEN,
            DeviceSimulator.UNPLUG};
    private static final String[] READER = {DeviceSimulator.GARBAGE, DeviceSimulator.SILENCE, DeviceSimulator.UNPLUG};

    private final SoakTerminal terminal;
    private final double rate;
    private final List<Fault> active = new ArrayList<>();
    private long session;

    SoakFaults(SoakTerminal terminal, double rate) {
        this.terminal = terminal;
        this.rate = rate;
    }

    /** Called before each session of this terminal: clears what is due, maybe starts a new fault. */
    void beforeSession(RandomGenerator random) {
        session++;
        for (Iterator<Fault> it = active.iterator(); it.hasNext(); ) {
            Fault f = it.next();
            if (f.clearAt() <= session) {
                f.device().clear(f.name());
                it.remove();
            }
        }
        if (random.nextDouble() >= rate) {
            return;
        }
        boolean printer = random.nextBoolean();
        DeviceSimulator device = printer ? terminal.printerSim : terminal.readerSim;
        String[] names = printer ? PRINTER : READER;
        String name = names[random.nextInt(names.length)];
        if (active.stream().anyMatch(f -> f.device() == device && f.name().equals(name))) {
            return;
        }
        device.inject(name);
        terminal.ledger().faultsInjected.incrementAndGet();
        // A reader is swapped or replugged within a citizen or two; a printer waits for paper a little longer.
        active.add(new Fault(device, name, session + 1 + random.nextInt(printer ? 8 : 3)));
    }

    /** The end of the run: every device works again (the outbox must drain with nothing left to fault). */
    void clearAll() {
        for (Fault f : active) {
            f.device().clear(f.name());
        }
        active.clear();
    }
}
