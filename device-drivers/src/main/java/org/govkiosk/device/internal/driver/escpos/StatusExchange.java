package org.govkiosk.device.internal.driver.escpos;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.govkiosk.device.DeviceException;
import org.govkiosk.device.DeviceStatusDetail;
import org.govkiosk.device.internal.codec.escpos.PrinterStatus;
import org.govkiosk.device.internal.codec.escpos.StatusAnswer;
import org.govkiosk.device.internal.codec.escpos.StatusBitMap;
import org.govkiosk.device.internal.codec.escpos.StatusRequest;
import org.govkiosk.device.transport.Transport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pairs {@code DLE EOT n} requests with their one-byte answers, one request at a time, without blocking a
 * thread: each request is a future that the reader thread completes, or the scheduler fails after the response
 * timeout. Bytes that are no status byte (noise, XON/XOFF) are skipped; bytes nobody asked for are dropped.
 */
final class StatusExchange {

    private static final Logger LOG = LoggerFactory.getLogger(StatusExchange.class);

    private record Pending(StatusRequest request, CompletableFuture<StatusAnswer.Valid> answer) {
    }

    private final String deviceId;
    private final Transport transport;
    private final StatusBitMap bitMap;
    private final Duration timeout;
    private final ScheduledExecutorService scheduler;
    private final Object lock = new Object();
    private Pending pending;

    StatusExchange(String deviceId, Transport transport, StatusBitMap bitMap, Duration timeout,
            ScheduledExecutorService scheduler) {
        this.deviceId = deviceId;
        this.transport = transport;
        this.bitMap = bitMap;
        this.timeout = timeout;
        this.scheduler = scheduler;
    }

    /**
     * Asks the model's requests in turn (n ascending) and combines the answers.
     *
     * @param lineBacklog how long bytes written just before (a job) may still hold the line: the first request
     *                    crosses it behind them, so its answer may come that much later
     */
    CompletableFuture<PrinterStatus> queryAll(Set<StatusRequest> requests, Duration lineBacklog) {
        List<StatusAnswer.Valid> answers = new ArrayList<>();
        CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
        boolean first = true;
        for (StatusRequest r : StatusRequest.values()) {
            if (!requests.contains(r)) {
                continue;
            }
            Duration wait = first ? timeout.plus(lineBacklog) : timeout;
            first = false;
            // Async: the next request is written from the scheduler, not from the reader thread.
            chain = chain.thenComposeAsync(v -> query(r, wait), scheduler).thenAccept(answers::add);
        }
        return chain.thenApply(v -> PrinterStatus.of(answers));
    }

    CompletableFuture<StatusAnswer.Valid> query(StatusRequest request) {
        return query(request, timeout);
    }

    CompletableFuture<StatusAnswer.Valid> query(StatusRequest request, Duration wait) {
        CompletableFuture<StatusAnswer.Valid> answer = new CompletableFuture<>();
        synchronized (lock) {
            if (pending != null) {
                return CompletableFuture.failedFuture(new IllegalStateException(
                        "DLE EOT " + request.n() + " asked while DLE EOT " + pending.request().n() + " is pending"));
            }
            pending = new Pending(request, answer);
        }
        try {
            ScheduledFuture<?> timer = scheduler.schedule(() -> expire(answer, request, wait), wait.toMillis(),
                    TimeUnit.MILLISECONDS);
            answer.whenComplete((a, e) -> timer.cancel(false));
            transport.write(request.command());
        } catch (DeviceException e) {
            abandon(answer, e);
        } catch (RuntimeException e) {
            abandon(answer, new DeviceException(DeviceException.Code.IO_ERROR, DeviceStatusDetail.COMMUNICATION_ERROR,
                    "could not send DLE EOT " + request.n(), e));
        }
        return answer;
    }

    private void expire(CompletableFuture<StatusAnswer.Valid> answer, StatusRequest request, Duration wait) {
        // A model that never answers this n stays offline for good: say how to tell the driver.
        abandon(answer, new DeviceException(DeviceException.Code.TIMEOUT, DeviceStatusDetail.COMMUNICATION_ERROR,
                "no answer to DLE EOT " + request.n() + " within " + wait.toMillis() + " ms (a model that never"
                        + " answers n=" + request.n() + " must leave it out of its status-queries)"));
    }

    private void abandon(CompletableFuture<StatusAnswer.Valid> answer, DeviceException cause) {
        synchronized (lock) {
            if (pending == null || pending.answer() != answer) {
                return;
            }
            pending = null;
        }
        answer.completeExceptionally(cause);
    }

    /** Bytes from the printer, on the reader thread. */
    void onBytes(byte[] data) {
        for (byte b : data) {
            CompletableFuture<StatusAnswer.Valid> done;
            StatusAnswer.Valid valid;
            synchronized (lock) {
                if (pending == null) {
                    LOG.debug("Printer {} sent 0x{} unasked; dropped", deviceId, Integer.toHexString(b & 0xFF));
                    continue;
                }
                StatusAnswer a = bitMap.decode(pending.request(), b);
                if (a instanceof StatusAnswer.Invalid invalid) {
                    LOG.debug("Printer {}: skipped {}", deviceId, invalid.reason());
                    continue;
                }
                valid = (StatusAnswer.Valid) a;
                done = pending.answer();
                pending = null;
            }
            done.complete(valid);
        }
    }

    /** Fails the pending request: the link it was asked on is gone. */
    void reset(DeviceException cause) {
        Pending p;
        synchronized (lock) {
            p = pending;
            pending = null;
        }
        if (p != null) {
            p.answer().completeExceptionally(cause);
        }
    }
}
