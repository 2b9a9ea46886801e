package org.govkiosk.device.internal.sim.ratingpad;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.govkiosk.device.DeviceException;
import org.govkiosk.device.internal.codec.ratingpad.Decoded;
import org.govkiosk.device.internal.codec.ratingpad.FrameError;
import org.govkiosk.device.internal.codec.ratingpad.KeyPress;
import org.govkiosk.device.internal.codec.ratingpad.NakReason;
import org.govkiosk.device.internal.codec.ratingpad.PadCommand;
import org.govkiosk.device.internal.codec.ratingpad.PadCondition;
import org.govkiosk.device.internal.codec.ratingpad.PadFrame;
import org.govkiosk.device.internal.codec.ratingpad.Parsed;
import org.govkiosk.device.internal.codec.ratingpad.RatingPadFrameDecoder;
import org.govkiosk.device.internal.codec.ratingpad.RatingPadFrameEncoder;
import org.govkiosk.device.internal.codec.ratingpad.ShowRequest;
import org.govkiosk.device.sim.DeviceSimulator;
import org.govkiosk.device.transport.Transport;

/**
 * A five-key rating pad speaking the real frames (production codec). It shows what SHOW_REQUEST asks, returns to
 * idle on CLEAR or when the request's timeout passes, answers STATUS_QUERY, sends a HEARTBEAT every
 * {@code heartbeat} (none when zero), and sends KEY_PRESSED when a key is pressed by API ({@link #press}) or
 * console ({@code press N}; {@code screen} tells what is shown). A key pressed on the idle screen names the
 * request shown last ("-" if none), as many pads do. Device faults besides the common ones:
 * <ul>
 *   <li>{@code key-stuck}: key 5 is stuck; the pad reports it and the stuck contact "presses" 5 on every new
 *       request;</li>
 *   <li>{@code display-fault}: the display fails; the pad reports it and shows nothing;</li>
 *   <li>{@code bounce}: every press goes out three times (a bouncing contact);</li>
 *   <li>{@code no-ack}: SHOW_REQUEST and CLEAR are taken but never acknowledged.</li>
 * </ul>
 */
public final class SimulatedRatingPad extends DeviceSimulator {

    public static final String KEY_STUCK = "key-stuck";
    public static final String DISPLAY_FAULT = "display-fault";
    public static final String BOUNCE = "bounce";
    public static final String NO_ACK = "no-ack";
    static final int STUCK_KEY = 5;
    static final int BOUNCES = 3;
    /** The id a pad names when a key is pressed before it ever showed a request. */
    static final String NO_REQUEST = "-";

    private final Duration heartbeat;
    private final RatingPadFrameDecoder decoder = new RatingPadFrameDecoder();
    private final Map<PadCommand, AtomicInteger> received = new EnumMap<>(PadCommand.class);
    private final AtomicInteger keyAcks = new AtomicInteger();
    private final AtomicInteger repeatedShows = new AtomicInteger();
    private final Object lock = new Object();
    private ShowRequest shown;
    private long shownAtNanos;
    private String lastShownId = NO_REQUEST;
    private int lastShowSeq = -1;
    private int seq;
    /**
     * Key presses sent and not yet acknowledged, by SEQ, oldest first (guarded by lock). A citizen may press again
     * before the host's ACK of the last press arrives; each ACK settles the press it names.
     */
    private final java.util.LinkedHashMap<Integer, byte[]> unackedKeys = new java.util.LinkedHashMap<>();
    /** A pad's memory for unacknowledged presses is small; the oldest is forgotten past this. */
    static final int UNACKED_KEPT = 8;
    private PadCondition reported = PadCondition.OK;
    private ScheduledExecutorService timer;

    public SimulatedRatingPad(Duration heartbeat) {
        this.heartbeat = heartbeat;
        for (PadCommand c : PadCommand.values()) {
            received.put(c, new AtomicInteger());
        }
    }

    @Override
    public String name() {
        return "rating-pad";
    }

    @Override
    protected Set<String> deviceFaults() {
        return Set.of(KEY_STUCK, DISPLAY_FAULT, BOUNCE, NO_ACK);
    }

    @Override
    public void attach(Transport deviceSide) throws DeviceException {
        super.attach(deviceSide);
        synchronized (lock) {
            if (timer == null && !heartbeat.isZero()) {
                timer = Executors.newSingleThreadScheduledExecutor(r -> {
                    Thread t = new Thread(r, "sim-rating-pad-heartbeat");
                    t.setDaemon(true);
                    return t;
                });
                long ms = heartbeat.toMillis();
                timer.scheduleWithFixedDelay(() -> send(RatingPadFrameEncoder.heartbeat(nextSeq())), ms, ms,
                        TimeUnit.MILLISECONDS);
            }
        }
    }

    @Override
    protected void onBytes(byte[] data) {
        java.util.List<Decoded> out;
        synchronized (decoder) {
            out = decoder.feed(data);
        }
        boolean nakedDamage = false;
        for (Decoded d : out) {
            if (d instanceof PadFrame f) {
                received.get(f.command()).incrementAndGet();
                onFrame(f);
            } else if (d instanceof FrameError e && e.kind() == FrameError.Kind.UNKNOWN_COMMAND) {
                send(RatingPadFrameEncoder.nak(e.seq(), NakReason.UNKNOWN_COMMAND));
            } else if (d instanceof FrameError e && !nakedDamage
                    && (e.kind() == FrameError.Kind.CHECKSUM || e.kind() == FrameError.Kind.FRAMING)) {
                nakedDamage = true;
                send(RatingPadFrameEncoder.nak(0, NakReason.CHECKSUM));
            }
        }
    }

    private void onFrame(PadFrame f) {
        switch (f.command()) {
            case SHOW_REQUEST -> show(f);
            case CLEAR -> {
                if (!isActive(NO_ACK)) {
                    synchronized (lock) {
                        shown = null;
                    }
                    send(RatingPadFrameEncoder.ack(f.seq()));
                }
            }
            case STATUS_QUERY -> send(RatingPadFrameEncoder.status(f.seq(), condition()));
            case ACK -> {
                synchronized (lock) {
                    if (unackedKeys.remove(f.seq()) != null) {
                        keyAcks.incrementAndGet();
                    }
                }
            }
            case NAK -> {
                java.util.List<byte[]> again;
                synchronized (lock) {
                    boolean damaged = f.seq() == 0 && NakReason.parse(f.payload()).toOptional()
                            .filter(r -> r == NakReason.CHECKSUM).isPresent();
                    again = damaged ? java.util.List.copyOf(unackedKeys.values()) : java.util.List.of();
                }
                for (byte[] frame : again) {
                    send(frame); // the host could not read our key press: same frame, same SEQ
                }
            }
            case KEY_PRESSED, STATUS, HEARTBEAT -> send(RatingPadFrameEncoder.nak(f.seq(), NakReason.UNKNOWN_COMMAND));
        }
    }

    private void show(PadFrame f) {
        if (isActive(NO_ACK)) {
            return;
        }
        Parsed<ShowRequest> parsed = ShowRequest.parse(f.payload());
        if (!(parsed instanceof Parsed.Ok<ShowRequest> ok)) {
            send(RatingPadFrameEncoder.nak(f.seq(), NakReason.BAD_PAYLOAD));
            return;
        }
        boolean repeat;
        synchronized (lock) {
            // A resend of the SHOW just taken (its ACK was lost) is acknowledged again, not shown anew.
            repeat = f.seq() == lastShowSeq && shown != null && shown.equals(ok.value());
            if (repeat) {
                repeatedShows.incrementAndGet();
            } else if (!isActive(DISPLAY_FAULT)) {
                shown = ok.value();
                shownAtNanos = System.nanoTime();
                lastShownId = shown.requestId();
            }
            lastShowSeq = f.seq();
        }
        send(RatingPadFrameEncoder.ack(f.seq()));
        if (!repeat && isActive(KEY_STUCK)) {
            press(STUCK_KEY);
        }
    }

    /**
     * Presses a level key: a KEY_PRESSED naming the request on screen (or the one shown last) goes out, and the
     * screen returns to idle. Returns the request id it named.
     */
    public String press(int level) {
        if (level < 1 || level > 5) {
            throw new IllegalArgumentException("a rating pad has keys 1..5, not " + level);
        }
        byte[] frame;
        String id;
        synchronized (lock) {
            id = screen().map(ShowRequest::requestId).orElse(lastShownId);
            shown = null;
            int s = nextSeq();
            frame = RatingPadFrameEncoder.keyPressed(s, new KeyPress(id, level));
            unackedKeys.put(s, frame);
            if (unackedKeys.size() > UNACKED_KEPT) {
                unackedKeys.remove(unackedKeys.keySet().iterator().next());
            }
        }
        send(frame);
        if (isActive(BOUNCE)) {
            for (int i = 1; i < BOUNCES; i++) {
                send(RatingPadFrameEncoder.keyPressed(nextSeq(), new KeyPress(id, level)));
            }
        }
        return id;
    }

    /** What the pad shows, if anything: a request is gone once its timeout has passed. */
    public Optional<ShowRequest> screen() {
        synchronized (lock) {
            if (shown != null
                    && System.nanoTime() - shownAtNanos > TimeUnit.SECONDS.toNanos(shown.timeoutSeconds())) {
                shown = null;
            }
            return Optional.ofNullable(shown);
        }
    }

    public PadCondition condition() {
        boolean stuck = isActive(KEY_STUCK);
        return new PadCondition(stuck, stuck ? STUCK_KEY : 0, isActive(DISPLAY_FAULT));
    }

    /** Reports a changed condition at once, as pads do, and blanks a failed display. */
    @Override
    protected void onFaultsChanged() {
        PadCondition now = condition();
        boolean changed;
        synchronized (lock) {
            changed = !now.equals(reported);
            reported = now;
            if (now.displayFault()) {
                shown = null;
            }
        }
        if (changed) {
            send(RatingPadFrameEncoder.status(nextSeq(), now));
        }
    }

    private int nextSeq() {
        synchronized (lock) {
            seq = RatingPadFrameEncoder.nextSeq(seq);
            return seq;
        }
    }

    /** How many frames of this command the pad has received, for tests that wait for the driver. */
    public int received(PadCommand command) {
        return received.get(command).get();
    }

    /** Key presses the host acknowledged. */
    public int keyAcks() {
        return keyAcks.get();
    }

    /** SHOW_REQUESTs that were resends of the one on screen. */
    public int repeatedShows() {
        return repeatedShows.get();
    }

    /** Takes {@code press N} and {@code screen} before the common commands. */
    @Override
    protected String deviceCommand(String[] words) {
        switch (words[0].toLowerCase(Locale.ROOT)) {
            case "press" -> {
                if (words.length < 2 || !words[1].matches("[1-5]")) {
                    return "error 'press' needs a level from 1 to 5";
                }
                int level = Integer.parseInt(words[1]);
                return "ok pressed " + level + " for " + press(level);
            }
            case "screen" -> {
                return screen().map(r -> "showing " + r.requestId() + " item=" + r.item() + " clerk=" + r.clerk()
                        + " window=" + r.window() + " timeout=" + r.timeoutSeconds() + "s").orElse("idle");
            }
            default -> {
                return super.deviceCommand(words);
            }
        }
    }

    @Override
    public void close() {
        synchronized (lock) {
            if (timer != null) {
                timer.shutdownNow();
                timer = null;
            }
        }
        super.close();
    }
}
