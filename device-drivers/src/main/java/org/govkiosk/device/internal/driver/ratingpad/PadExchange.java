package org.govkiosk.device.internal.driver.ratingpad;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.govkiosk.device.DeviceException;
import org.govkiosk.device.DeviceStatusDetail;
import org.govkiosk.device.internal.codec.ratingpad.NakReason;
import org.govkiosk.device.internal.codec.ratingpad.PadCommand;
import org.govkiosk.device.internal.codec.ratingpad.PadFrame;
import org.govkiosk.device.internal.codec.ratingpad.RatingPadFrameEncoder;
import org.govkiosk.device.transport.Transport;

/**
 * Stop-and-wait for host commands: one command on the wire at a time, answered by an ACK, NAK or (for a status
 * query) STATUS carrying its SEQ. A missing answer, a damaged-frame NAK or a BUSY NAK makes it go out again with
 * the same SEQ (so the pad can tell a repeat), at most {@code attempts} times in all; then the command fails and
 * {@code onUnanswered} hears of it. Nothing blocks: answers complete futures on the reader thread, timeouts fire
 * on the scheduler. The queue stays small whatever the callers do: a new SHOW or CLEAR takes the place of every
 * queued one (returned to the caller to settle), and status queries are shared.
 */
final class PadExchange {

    /** A command and the future of its answer. {@code requestId} is set for SHOW_REQUEST only. */
    static final class Command {
        final PadCommand command;
        final byte[] payload;
        final String requestId;
        final CompletableFuture<PadFrame> answer = new CompletableFuture<>();
        int seq;
        int attempts;
        ScheduledFuture<?> timer;

        Command(PadCommand command, byte[] payload, String requestId) {
            this.command = command;
            this.payload = payload;
            this.requestId = requestId;
        }
    }

    /** The command queued or shared, and the queued ones it displaced. */
    record Submitted(Command command, List<Command> displaced) {

        /**
         * Settles the displaced commands (their requests were cancelled already): another request's SHOW fails
         * with a {@link CancellationException}; the same request shown again, or a clear the new command makes
         * moot, ends as the new command does.
         */
        void settleDisplaced(String why) {
            for (Command old : displaced) {
                if (old.command == PadCommand.SHOW_REQUEST && !old.requestId.equals(command.requestId)) {
                    old.answer.completeExceptionally(new CancellationException(why));
                } else {
                    command.answer.whenComplete((f, e) -> {
                        if (e == null) {
                            old.answer.complete(f);
                        } else {
                            old.answer.completeExceptionally(e);
                        }
                    });
                }
            }
        }
    }

    private final Transport transport;
    private final ScheduledExecutorService scheduler;
    private final Duration timeout;
    private final int attempts;
    private final Consumer<DeviceException> onUnanswered;
    private final Object lock = new Object();
    private final Deque<Command> queue = new ArrayDeque<>();
    private Command inFlight;
    private int seq;
    final AtomicLong resends = new AtomicLong();
    final AtomicLong naks = new AtomicLong();
    final AtomicLong strayAnswers = new AtomicLong();

    PadExchange(Transport transport, ScheduledExecutorService scheduler, Duration timeout, int attempts,
            Consumer<DeviceException> onUnanswered) {
        this.transport = transport;
        this.scheduler = scheduler;
        this.timeout = timeout;
        this.attempts = attempts;
        this.onUnanswered = onUnanswered;
    }

    Submitted submit(PadCommand command, byte[] payload, String requestId) {
        Command c = new Command(command, payload, requestId);
        List<Command> displaced = new ArrayList<>();
        synchronized (lock) {
            if (command == PadCommand.STATUS_QUERY) {
                Command shared = findStatusQuery();
                if (shared != null) {
                    return new Submitted(shared, List.of());
                }
            } else {
                queue.removeIf(q -> {
                    boolean screen = q.command != PadCommand.STATUS_QUERY;
                    if (screen) {
                        displaced.add(q);
                    }
                    return screen;
                });
            }
            queue.addLast(c);
        }
        pump();
        return new Submitted(c, displaced);
    }

    private Command findStatusQuery() {
        if (inFlight != null && inFlight.command == PadCommand.STATUS_QUERY) {
            return inFlight;
        }
        return queue.stream().filter(q -> q.command == PadCommand.STATUS_QUERY).findFirst().orElse(null);
    }

    /** Puts the next queued command on the wire if none is. */
    private void pump() {
        Command next;
        synchronized (lock) {
            if (inFlight != null || queue.isEmpty()) {
                return;
            }
            next = queue.removeFirst();
            seq = RatingPadFrameEncoder.nextSeq(seq);
            next.seq = seq;
            inFlight = next;
        }
        transmit(next);
    }

    /** Sends (or resends) {@code c}, which must be in flight, and arms its timer. */
    private void transmit(Command c) {
        synchronized (lock) {
            if (inFlight != c) {
                return;
            }
            c.attempts++;
            int attempt = c.attempts;
            c.timer = scheduler.schedule(() -> expired(c, attempt), timeout.toMillis(), TimeUnit.MILLISECONDS);
        }
        try {
            transport.write(RatingPadFrameEncoder.frame(c.seq, c.command, c.payload));
        } catch (DeviceException e) {
            // The link is gone; the driver hears it from the transport and resets this exchange.
            finish(c, e, false);
        }
    }

    private void expired(Command c, int attempt) {
        synchronized (lock) {
            if (inFlight != c || c.attempts != attempt) {
                return;
            }
        }
        retryOrFail(c, "no answer to " + c.command + " (SEQ " + c.seq + ")");
    }

    private void retryOrFail(Command c, String why) {
        boolean retry;
        synchronized (lock) {
            if (inFlight != c) {
                return;
            }
            retry = c.attempts < attempts;
            if (c.timer != null) {
                c.timer.cancel(false);
            }
        }
        if (retry) {
            resends.incrementAndGet();
            transmit(c);
        } else {
            finish(c, new DeviceException(DeviceException.Code.TIMEOUT, DeviceStatusDetail.NO_DATA_TIMEOUT,
                    why + " after " + c.attempts + " attempts of " + timeout.toMillis() + " ms"), true);
        }
    }

    /** An ACK, NAK or STATUS from the pad: completes the command in flight if it answers it. */
    void onAnswer(PadFrame frame) {
        Command c;
        synchronized (lock) {
            c = inFlight;
        }
        boolean answers = c != null && frame.seq() == c.seq && switch (frame.command()) {
            case ACK, NAK -> true;
            case STATUS -> c.command == PadCommand.STATUS_QUERY;
            default -> false;
        };
        if (frame.command() == PadCommand.NAK) {
            naks.incrementAndGet();
            NakReason reason = NakReason.parse(frame.payload()).toOptional().orElse(NakReason.BAD_PAYLOAD);
            if (c != null && frame.seq() == 0 && reason == NakReason.CHECKSUM) {
                answers = true; // the pad could not read our frame's SEQ: it can only mean the one in flight
            }
            if (answers) {
                if (reason.retryable()) {
                    retryOrFail(c, "the pad answered " + c.command + " with NAK " + reason);
                } else {
                    finish(c, new DeviceException(DeviceException.Code.PROTOCOL_ERROR,
                            DeviceStatusDetail.PROTOCOL_ERROR, "the pad refused " + c.command + ": " + reason), false);
                }
                return;
            }
        }
        if (!answers) {
            if (frame.command() != PadCommand.STATUS) {
                strayAnswers.incrementAndGet(); // e.g. the late ACK of an attempt that timed out
            }
            return;
        }
        synchronized (lock) {
            if (inFlight != c) {
                return;
            }
            inFlight = null;
            if (c.timer != null) {
                c.timer.cancel(false);
            }
        }
        c.answer.complete(frame);
        scheduler.execute(this::pump);
    }

    private void finish(Command c, DeviceException failure, boolean unanswered) {
        synchronized (lock) {
            if (inFlight != c) {
                return;
            }
            inFlight = null;
            if (c.timer != null) {
                c.timer.cancel(false);
            }
        }
        c.answer.completeExceptionally(failure);
        if (unanswered) {
            onUnanswered.accept(failure);
        } else {
            scheduler.execute(this::pump);
        }
    }

    /** Fails everything in flight and queued (the link is gone) and starts the SEQ count afresh. */
    void reset(DeviceException cause) {
        List<Command> dropped = new ArrayList<>();
        synchronized (lock) {
            if (inFlight != null) {
                if (inFlight.timer != null) {
                    inFlight.timer.cancel(false);
                }
                dropped.add(inFlight);
                inFlight = null;
            }
            dropped.addAll(queue);
            queue.clear();
            seq = 0;
        }
        dropped.forEach(c -> c.answer.completeExceptionally(cause));
    }

    /** Commands in flight or queued; never more than three. */
    int pending() {
        synchronized (lock) {
            return queue.size() + (inFlight == null ? 0 : 1);
        }
    }
}
