package org.govkiosk.device.internal.driver.ratingpad;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.govkiosk.device.DeviceConfig;
import org.govkiosk.device.DeviceEvent;
import org.govkiosk.device.DeviceEvent.CancelReason;
import org.govkiosk.device.DeviceException;
import org.govkiosk.device.DeviceStatus;
import org.govkiosk.device.DeviceStatusDetail;
import org.govkiosk.device.DeviceStatusInfo;
import org.govkiosk.device.RatingPad;
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
import org.govkiosk.device.driver.AbstractDeviceDriver;
import org.govkiosk.device.driver.DeviceContext;
import org.govkiosk.device.internal.driver.ratingpad.PadExchange.Submitted;
import org.govkiosk.device.transport.Transport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A serial five-key rating pad (protocol: device-drivers/docs/rating-pad-protocol.md). On connect it asks the
 * pad's status; the answer sets ONLINE, DEGRADED (a key is stuck: the other keys still rate) or OFFLINE (the
 * display failed, as the pad reports; it comes back when the pad reports it fixed). While connected it asks again
 * whenever the pad has been quiet for half the silence timeout, so a pad without heartbeats is still watched.
 * <p>Every request given to {@link #show} ends in one event, {@link DeviceEvent.RatingEntered} or
 * {@link DeviceEvent.RatingCancelled}: only the newest request stays open (older ones are SUPERSEDED), each is
 * rated at most once, and which key press counts is {@link RatingBook}'s rule. {@code show}'s future completes
 * when the pad ACKs; it fails with {@link java.util.concurrent.CancellationException} when a newer request or a clear displaced it
 * before it went out, and with a {@link DeviceException} when the pad refused it or could not be reached.
 */
public final class RatingPadDriver extends AbstractDeviceDriver implements RatingPad {

    /** Counters; what each means is told by {@link RatingPadStatistics}. */
    public static final String RATINGS = "ratings";
    public static final String REPEATED_RATINGS = "repeated-ratings";
    public static final String BOUNCES = "bounces";
    public static final String KEYS_WITHOUT_REQUEST = "keys-without-request";
    public static final String STUCK_KEY_PRESSES = "stuck-key-presses";
    public static final String CANCELLED = "cancelled";
    public static final String FRAME_ERRORS = "frame-errors";
    public static final String GARBAGE_BYTES = "garbage-bytes";
    public static final String BAD_PAYLOADS = "bad-payloads";

    private static final Logger LOG = LoggerFactory.getLogger(RatingPadDriver.class);
    /** Past the pad's own timeout, for a key press already on the wire. */
    static final Duration GRACE = Duration.ofSeconds(2);

    private final RatingPadSettings settings;
    private final Duration grace;
    private final RatingPadFrameDecoder decoder = new RatingPadFrameDecoder();
    private final Object decoderLock = new Object();
    private final PadExchange exchange;
    private final Object bookLock = new Object();
    private final RatingBook book;
    private final AtomicLong link = new AtomicLong();
    private volatile PadCondition condition = PadCondition.OK;
    private ScheduledFuture<?> expiry;      // guarded by bookLock
    private ScheduledFuture<?> keepAlive;   // guarded by this

    /** @throws IllegalArgumentException when the config's options are invalid (the factory validates first) */
    public RatingPadDriver(DeviceConfig config, Transport transport, DeviceContext context) {
        this(config, transport, context, RatingPadSettings.require(config));
    }

    RatingPadDriver(DeviceConfig config, Transport transport, DeviceContext context, RatingPadSettings settings) {
        this(config, transport, context, settings, GRACE);
    }

    /** @param grace how long after the pad's own timeout a request stays open (tests shorten it) */
    RatingPadDriver(DeviceConfig config, Transport transport, DeviceContext context, RatingPadSettings settings,
            Duration grace) {
        super(config, transport, context);
        this.settings = settings;
        this.grace = grace;
        this.book = new RatingBook(settings.debounce());
        this.exchange = new PadExchange(transport, context.scheduler(), settings.responseTimeout(),
                settings.attempts(), this::unanswered);
    }

    @Override
    protected void onConnected() {
        dropLinkState("the pad was reconnected");
        long current = link.get();
        setStatus(DeviceStatusInfo.of(DeviceStatus.INITIALIZING, DeviceStatusDetail.NONE));
        startKeepAlive();
        // Not waited for: the STATUS answer sets the status (onBytes), a missing one fails the link (unanswered).
        exchange.submit(PadCommand.STATUS_QUERY, new byte[0], null).command().answer.whenComplete((f, e) -> {
            if (e instanceof DeviceException d && d.code() == DeviceException.Code.PROTOCOL_ERROR
                    && current == link.get()) {
                fail(d);
            }
        });
    }

    private void unanswered(DeviceException e) {
        if (!isClosed()) {
            fail(e);
        }
    }

    @Override
    public CompletableFuture<Void> show(RatingRequest request) {
        String requestId = request.requestId();
        ShowRequest payload;
        try {
            payload = ShowRequest.fitted(requestId, request.itemName(), request.clerkName(), request.windowName(),
                    (int) Math.min(Integer.MAX_VALUE, request.timeout().toSeconds()), settings.charset());
        } catch (IllegalArgumentException e) {
            cancelled(requestId, CancelReason.NOT_SHOWN);
            return CompletableFuture.failedFuture(e);
        }
        Optional<String> displaced;
        synchronized (bookLock) {
            if (book.wasRated(requestId)) {
                // One rating per request: its RatingEntered was its one event.
                return CompletableFuture.failedFuture(new IllegalStateException("request " + requestId
                        + " was rated already"));
            }
            if (isClosed() || !status().isUsable()) {
                displaced = Optional.empty();
            } else {
                displaced = book.replace(requestId);
                cancelExpiry();
            }
        }
        displaced.ifPresent(old -> cancelled(old, CancelReason.SUPERSEDED));
        if (isClosed() || !status().isUsable()) {
            cancelled(requestId, CancelReason.NOT_SHOWN);
            return CompletableFuture.failedFuture(unavailable());
        }
        Submitted s = exchange.submit(PadCommand.SHOW_REQUEST, payload.encode(), requestId);
        s.settleDisplaced("request " + requestId + " was superseded by a newer one");
        long timeoutMs = payload.timeoutSeconds() * 1000L + grace.toMillis();
        return s.command().answer.handle((frame, error) -> {
            if (error == null) {
                synchronized (bookLock) {
                    if (book.shown(requestId)) {
                        scheduleExpiry(requestId, timeoutMs);
                    }
                }
                return null;
            }
            boolean stillCurrent;
            synchronized (bookLock) {
                stillCurrent = book.cancel(requestId);
            }
            if (stillCurrent) {
                cancelled(requestId, CancelReason.NOT_SHOWN);
            }
            throw error instanceof CompletionException c ? c : new CompletionException(error);
        });
    }

    @Override
    public CompletableFuture<Void> clear() {
        Optional<String> current;
        synchronized (bookLock) {
            current = book.cancelCurrent();
            cancelExpiry();
        }
        current.ifPresent(id -> cancelled(id, CancelReason.CLEARED));
        if (isClosed() || !status().isUsable()) {
            return CompletableFuture.failedFuture(unavailable());
        }
        Submitted s = exchange.submit(PadCommand.CLEAR, new byte[0], null);
        s.settleDisplaced("the pad was cleared");
        return s.command().answer.thenApply(f -> null);
    }

    private void scheduleExpiry(String requestId, long delayMs) {
        cancelExpiry();
        expiry = context.scheduler().schedule(() -> {
            boolean expired;
            synchronized (bookLock) {
                expired = book.cancel(requestId);
            }
            if (expired) {
                cancelled(requestId, CancelReason.TIMED_OUT);
            }
        }, delayMs, TimeUnit.MILLISECONDS);
    }

    private void cancelExpiry() {
        if (expiry != null) {
            expiry.cancel(false);
            expiry = null;
        }
    }

    private void cancelled(String requestId, CancelReason reason) {
        LOG.info("Rating pad {}: request {} will not be rated here: {}", id(), requestId, reason);
        publish(new DeviceEvent.RatingCancelled(id(), context.clock().instant(), requestId, reason));
        count(CANCELLED);
    }

    @Override
    protected void onBytes(byte[] data) {
        List<Decoded> out;
        synchronized (decoderLock) {
            out = decoder.feed(data);
        }
        boolean nakedDamage = false;
        for (Decoded d : out) {
            if (d instanceof PadFrame f) {
                onFrame(f);
            } else if (d instanceof FrameError e) {
                if (e.kind() == FrameError.Kind.GARBAGE) {
                    count(GARBAGE_BYTES, e.bytes());
                    continue;
                }
                count(FRAME_ERRORS);
                LOG.debug("Rating pad {}: {} ({})", id(), e.kind(), e.detail());
                if (e.kind() == FrameError.Kind.UNKNOWN_COMMAND) {
                    reply(RatingPadFrameEncoder.nak(e.seq(), NakReason.UNKNOWN_COMMAND));
                } else if (!nakedDamage && (e.kind() == FrameError.Kind.CHECKSUM
                        || e.kind() == FrameError.Kind.FRAMING)) {
                    // One NAK per chunk is enough for the pad to resend its unacknowledged key press.
                    nakedDamage = true;
                    reply(RatingPadFrameEncoder.nak(0, NakReason.CHECKSUM));
                }
            }
        }
    }

    private void onFrame(PadFrame f) {
        switch (f.command()) {
            case ACK, NAK -> exchange.onAnswer(f);
            case STATUS -> {
                exchange.onAnswer(f);
                Parsed<PadCondition> c = PadCondition.parse(f.payload());
                if (c instanceof Parsed.Ok<PadCondition> ok) {
                    applyCondition(ok.value());
                } else {
                    badPayload(f, ((Parsed.Malformed<PadCondition>) c).reason());
                }
            }
            case KEY_PRESSED -> {
                Parsed<KeyPress> p = KeyPress.parse(f.payload());
                if (p instanceof Parsed.Ok<KeyPress> ok) {
                    reply(RatingPadFrameEncoder.ack(f.seq()));
                    keyPressed(ok.value());
                } else {
                    badPayload(f, ((Parsed.Malformed<KeyPress>) p).reason());
                }
            }
            case HEARTBEAT -> {
                // Its arrival was the sign of life.
            }
            case SHOW_REQUEST, CLEAR, STATUS_QUERY -> {
                count(BAD_PAYLOADS);
                reply(RatingPadFrameEncoder.nak(f.seq(), NakReason.UNKNOWN_COMMAND));
            }
        }
    }

    private void badPayload(PadFrame f, String reason) {
        count(BAD_PAYLOADS);
        LOG.warn("Rating pad {} sent a malformed {}: {}", id(), f.command(), reason);
        reply(RatingPadFrameEncoder.nak(f.seq(), NakReason.BAD_PAYLOAD));
    }

    private void keyPressed(KeyPress press) {
        RatingBook.KeyDecision decision;
        synchronized (bookLock) {
            decision = book.keyPressed(press, context.clock().instant());
            if (decision == RatingBook.KeyDecision.ACCEPTED) {
                cancelExpiry();
            }
        }
        switch (decision) {
            case ACCEPTED -> {
                LOG.info("Rating pad {}: request {} rated {}", id(), press.requestId(), press.level());
                publish(new DeviceEvent.RatingEntered(id(), context.clock().instant(), press.requestId(),
                        press.level()));
                count(RATINGS); // after the event: a counter never runs ahead of what subscribers saw
            }
            case REPEATED -> count(REPEATED_RATINGS);
            case BOUNCE -> count(BOUNCES);
            case NO_OPEN_REQUEST -> count(KEYS_WITHOUT_REQUEST);
            case STUCK_KEY -> count(STUCK_KEY_PRESSES);
        }
        if (decision != RatingBook.KeyDecision.ACCEPTED) {
            LOG.debug("Rating pad {}: key {} for request {} ignored: {}", id(), press.level(), press.requestId(),
                    decision);
        }
    }

    private void applyCondition(PadCondition c) {
        PadCondition before = condition;
        condition = c;
        Optional<String> lost = Optional.empty();
        synchronized (bookLock) {
            book.stuckKey(c.keyStuck() ? c.stuckKey() : 0);
            if (c.displayFault()) {
                lost = book.cancelCurrent();
                cancelExpiry();
            }
        }
        lost.ifPresent(id -> cancelled(id, CancelReason.DEVICE_UNAVAILABLE));
        if (!c.equals(before)) {
            LOG.info("Rating pad {} reports {}", id(), c);
        }
        setStatus(RatingPadStatusMapping.toStatusInfo(c));
    }

    /** Sends an ACK or NAK; a failed write means the link is gone, which the transport reports. */
    private void reply(byte[] frame) {
        try {
            transport.write(frame);
        } catch (DeviceException e) {
            LOG.debug("Rating pad {}: could not answer: {}", id(), e.getMessage());
        }
    }

    private synchronized void startKeepAlive() {
        if (keepAlive == null && !isClosed() && !silenceTimeout().isZero()) {
            long ms = Math.max(100, config.pollInterval().toMillis());
            keepAlive = context.scheduler().scheduleWithFixedDelay(this::askIfQuiet, ms, ms, TimeUnit.MILLISECONDS);
        }
    }

    private void askIfQuiet() {
        try {
            if (isClosed() || !transport.isOpen() || exchange.pending() > 0) {
                return;
            }
            Duration quiet = Duration.between(lastSignOfLife(), context.clock().instant());
            if (quiet.compareTo(silenceTimeout().dividedBy(2)) > 0) {
                exchange.submit(PadCommand.STATUS_QUERY, new byte[0], null);
            }
        } catch (RuntimeException e) {
            // An exception would cancel the periodic task for good.
            LOG.error("Rating pad {}: keep-alive failed", id(), e);
        }
    }

    @Override
    protected void onLinkLost() {
        dropLinkState("the link to the pad was lost");
    }

    /** The request on the screen is lost with the link: the citizen in front of it cannot rate it now. */
    private void dropLinkState(String why) {
        link.incrementAndGet();
        Optional<String> lost;
        synchronized (bookLock) {
            lost = book.cancelCurrent();
            cancelExpiry();
        }
        lost.ifPresent(id -> cancelled(id, CancelReason.DEVICE_UNAVAILABLE));
        exchange.reset(new DeviceException(DeviceException.Code.DISCONNECTED, DeviceStatusDetail.DISCONNECTED, why));
        synchronized (decoderLock) {
            decoder.reset().ifPresent(e -> count(FRAME_ERRORS));
        }
    }

    private DeviceException unavailable() {
        DeviceStatusInfo s = status();
        return new DeviceException(DeviceException.Code.NOT_CONNECTED,
                s.detail() == DeviceStatusDetail.NONE ? DeviceStatusDetail.DISCONNECTED : s.detail(),
                "the rating pad is " + s.status() + (isClosed() ? " (closed)" : ""));
    }

    /** Counters, the pad's condition and the open request, for the maintenance screen. */
    public RatingPadStatistics statistics() {
        Optional<String> open;
        synchronized (bookLock) {
            open = book.current();
        }
        return new RatingPadStatistics(counted(RATINGS), counted(REPEATED_RATINGS), counted(BOUNCES),
                counted(KEYS_WITHOUT_REQUEST), counted(STUCK_KEY_PRESSES), counted(CANCELLED), exchange.resends.get(),
                exchange.naks.get(), counted(FRAME_ERRORS), counted(GARBAGE_BYTES), counted(BAD_PAYLOADS), condition,
                open);
    }

    /** Commands queued or on the wire; bounded by three whatever the callers do. */
    int pendingCommands() {
        return exchange.pending();
    }

    @Override
    protected void onClose() {
        synchronized (this) {
            if (keepAlive != null) {
                keepAlive.cancel(false);
                keepAlive = null;
            }
        }
        super.onClose();
    }
}
