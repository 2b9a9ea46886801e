package org.govkiosk.device.sim;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import org.govkiosk.device.DeviceException;
import org.govkiosk.device.transport.PipeTransport;
import org.govkiosk.device.transport.Transport;
import org.govkiosk.device.transport.TransportListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The device side of a byte protocol, for tests, the demo and technicians' training. It decodes what the host
 * sends with the production codec and answers with real frames, over a {@link PipeTransport} in-process or a
 * pseudo-terminal. Faults are injected by name, on command ({@link #command(String)}):
 * <ul>
 *   <li>{@code silence}: read but never answer</li>
 *   <li>{@code garbage}: answer the next request with random bytes instead</li>
 *   <li>{@code truncate}: send only the first half of the next answer</li>
 *   <li>{@code unplug}: pull the cable (pipe transports only)</li>
 * </ul>
 * plus the faults of the device ({@link #deviceFaults()}), such as {@code paper-out}.
 */
public abstract class DeviceSimulator implements AutoCloseable {

    public static final String SILENCE = "silence";
    public static final String GARBAGE = "garbage";
    public static final String TRUNCATE = "truncate";
    public static final String UNPLUG = "unplug";

    private static final Set<String> COMMON_FAULTS = Set.of(SILENCE, GARBAGE, TRUNCATE);

    private final Logger log = LoggerFactory.getLogger(getClass());
    private final Set<String> activeFaults = ConcurrentHashMap.newKeySet();
    private volatile Transport transport;
    /** The line speed the device reads at, 0 for as fast as bytes come (see {@link #setLineSpeed}). */
    private volatile int lineBaud;
    /** When (System.nanoTime) the last byte read so far has crossed the simulated line. */
    private long lineFreeAt;
    private final TransportListener hostListener = new TransportListener() {
        @Override
        public void onData(byte[] data) {
            int baud = lineBaud;
            int slice = baud > 0 ? LINE_SLICE : Math.max(1, data.length);
            for (int from = 0; from < data.length; from += slice) {
                byte[] part = slice >= data.length ? data
                        : java.util.Arrays.copyOfRange(data, from, Math.min(data.length, from + slice));
                if (baud > 0) {
                    awaitLine(part.length, baud);
                }
                if (!activeFaults.contains(SILENCE)) {
                    try {
                        onBytes(part);
                    } catch (RuntimeException e) {
                        log.error("Simulator {} failed on {} bytes", name(), part.length, e);
                    }
                }
            }
        }

        @Override
        public void onDisconnected(DeviceException cause) {
            log.debug("Simulator {} lost its host: {}", name(), cause.getMessage());
        }
    };

    /** Bytes taken off the simulated line at a time, so a long job is read as it arrives, not in one gulp. */
    private static final int LINE_SLICE = 16;

    /**
     * Reads what the host sends no faster than a serial line of {@code baud} carries it (8N1: 10 bits a byte); 0
     * reads at once. A pseudo-terminal has no line speed: this is how a test shows what a 9600 baud printer does
     * to the host's timing (a request written after a long job reaches the device only after the job).
     */
    public void setLineSpeed(int baud) {
        if (baud < 0) {
            throw new IllegalArgumentException("baud must be 0 or positive, was " + baud);
        }
        this.lineBaud = baud;
    }

    /** Holds the reader until {@code bytes} more would have crossed the line (on the transport's reader thread). */
    private void awaitLine(int bytes, int baud) {
        long now = System.nanoTime();
        long transit = org.govkiosk.device.transport.SerialFrame.EIGHT_N_ONE.transmitTime(bytes, baud).toNanos();
        lineFreeAt = Math.max(now, lineFreeAt) + transit;
        long left;
        while ((left = lineFreeAt - System.nanoTime()) > 0) {
            java.util.concurrent.locks.LockSupport.parkNanos(left);
        }
    }

    /** Starts serving on the device side of a link. */
    public void attach(Transport deviceSide) throws DeviceException {
        this.transport = deviceSide;
        deviceSide.open(hostListener);
    }

    /** A short name for logs and the control console, e.g. "escpos-printer". */
    public abstract String name();

    /** Bytes from the host. Decode with the production codec and answer with {@link #send(byte[])}. */
    protected abstract void onBytes(byte[] data);

    /** The faults this device can show besides the common ones, lower-case with dashes. */
    protected Set<String> deviceFaults() {
        return Set.of();
    }

    /** Sends an answer to the host, as altered by the active one-shot faults. */
    protected final void send(byte[] frame) {
        Transport link = transport;
        if (link == null || activeFaults.contains(SILENCE)) {
            return;
        }
        byte[] out = frame;
        if (activeFaults.remove(GARBAGE)) {
            out = new byte[Math.max(1, frame.length)];
            ThreadLocalRandom.current().nextBytes(out);
        } else if (activeFaults.remove(TRUNCATE)) {
            out = java.util.Arrays.copyOf(frame, frame.length / 2);
        }
        if (out.length == 0) {
            return;
        }
        try {
            link.write(out);
        } catch (DeviceException e) {
            log.debug("Simulator {} could not answer: {}", name(), e.getMessage());
        }
    }

    public boolean isActive(String fault) {
        return activeFaults.contains(fault);
    }

    /** Every fault name this simulator accepts. */
    public final Set<String> supportedFaults() {
        Set<String> all = new TreeSet<>(COMMON_FAULTS);
        all.addAll(deviceFaults());
        if (transport instanceof PipeTransport) {
            all.add(UNPLUG);
        }
        return all;
    }

    public final void inject(String fault) {
        String name = fault.toLowerCase(Locale.ROOT);
        if (!supportedFaults().contains(name)) {
            throw new IllegalArgumentException("Simulator " + name() + " has no fault '" + fault
                    + "'; it knows " + supportedFaults());
        }
        if (UNPLUG.equals(name)) {
            ((PipeTransport) transport).unplug();
            return;
        }
        activeFaults.add(name);
        onFaultsChanged();
    }

    public final void clear(String fault) {
        String name = fault.toLowerCase(Locale.ROOT);
        if (UNPLUG.equals(name) && transport instanceof PipeTransport pipe) {
            pipe.replug();
            // The device stayed powered while unplugged: its end of the cable serves again at once.
            if (!pipe.isOpen()) {
                try {
                    pipe.open(hostListener);
                } catch (DeviceException e) {
                    log.warn("Simulator {} could not serve again after replug: {}", name(), e.getMessage());
                }
            }
            return;
        }
        activeFaults.remove(name);
        onFaultsChanged();
    }

    public final void clearAll() {
        activeFaults.clear();
        onFaultsChanged();
    }

    /** A device whose state changes with a fault (paper out) can notify the host here. */
    protected void onFaultsChanged() {
    }

    /**
     * The control console's language: {@code fault NAME}, {@code clear NAME}, {@code clear}, {@code faults},
     * {@code line-speed [BAUD]},
     * plus what {@link #deviceCommand(String[])} knows. Returns a one-line answer.
     */
    public String command(String line) {
        String[] words = line.trim().split("\\s+");
        try {
            switch (words[0].toLowerCase(Locale.ROOT)) {
                case "fault":
                    requireArgument(words);
                    inject(words[1]);
                    return "ok " + activeFaults;
                case "clear":
                    if (words.length == 1) {
                        clearAll();
                    } else {
                        clear(words[1]);
                    }
                    return "ok " + activeFaults;
                case "faults":
                    return "active " + new TreeSet<>(activeFaults) + " supported " + supportedFaults();
                case "line-speed":
                    return lineSpeed(words);
                default:
                    return deviceCommand(words);
            }
        } catch (IllegalArgumentException e) {
            return "error " + e.getMessage();
        }
    }

    /** {@code line-speed BAUD} (0: as fast as bytes come), for training on what a slow printer does to timing. */
    private String lineSpeed(String[] words) {
        if (words.length < 2) {
            return "ok line-speed " + lineBaud;
        }
        try {
            setLineSpeed(Integer.parseInt(words[1]));
            return "ok line-speed " + lineBaud;
        } catch (NumberFormatException e) {
            return "error '" + words[1] + "' is not a baud rate";
        }
    }

    /** Device-specific console commands (e.g. {@code card insert alice}); answers "error ..." when unknown. */
    protected String deviceCommand(String[] words) {
        return "error unknown command '" + words[0] + "'";
    }

    private static void requireArgument(String[] words) {
        if (words.length < 2) {
            throw new IllegalArgumentException("'" + words[0] + "' needs a fault name");
        }
    }

    @Override
    public void close() {
        Transport link = transport;
        if (link != null) {
            link.close();
        }
    }
}
