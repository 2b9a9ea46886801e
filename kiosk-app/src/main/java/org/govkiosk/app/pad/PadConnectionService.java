package org.govkiosk.app.pad;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.govkiosk.api.ApiJson;
import org.govkiosk.api.ApiPaths;
import org.govkiosk.api.PadEvents;
import org.govkiosk.api.PadRegistration;
import org.govkiosk.api.RatingRequestClosed;
import org.govkiosk.api.RatingRequestEvent;
import org.govkiosk.api.RequestSigner;
import org.govkiosk.shared.retry.Backoff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A rating pad's line to the platform: binds the pad to its window, holds the signed event stream, and when it
 * breaks (or goes silent past the heartbeats) reconnects with backoff, sending the last event id so nothing that
 * happened meanwhile is lost. One thread of its own; the listener is called on it.
 */
public final class PadConnectionService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PadConnectionService.class);
    private static final int MAX_ERROR_CHARS = 300;

    /**
     * @param silenceLimit no byte for this long (the platform's heartbeat is every 15 s) and the stream is
     *                     taken for dead and reopened
     */
    public record Settings(Duration connectTimeout, Duration silenceLimit, Backoff backoff) {

        public Settings {
            Objects.requireNonNull(connectTimeout, "connectTimeout");
            Objects.requireNonNull(silenceLimit, "silenceLimit");
            Objects.requireNonNull(backoff, "backoff");
        }

        /** 5 s to connect, 45 s of silence, 1 s doubling to 30 s between attempts. */
        public static Settings defaults() {
            return new Settings(Duration.ofSeconds(5), Duration.ofSeconds(45),
                    new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30), 0.2, RandomGenerator.getDefault()));
        }
    }

    private final String base;
    private final RequestSigner signer;
    private final PadRegistration registration;
    private final Settings settings;
    private final Clock clock;
    private final HttpClient http;
    private final ObjectMapper json = ApiJson.lenient();
    private final ScheduledExecutorService watchdog;
    private final ThreadFactory workerThreads;
    private volatile boolean running;
    private volatile Thread worker;
    private volatile InputStream current;
    private volatile long lastActivityNanos;
    private volatile boolean silenced;
    private volatile String lastEventId;
    private volatile org.govkiosk.api.WindowRatingLink ratingLink;
    private volatile PadListener linkListener;

    /**
     * @param workerThreads makes the thread that holds the connection (the terminal's executor registry does)
     * @param watchdog      checks the stream for silence; shut down by {@link #close}
     */
    public PadConnectionService(URI platform, RequestSigner signer, PadRegistration registration, Settings settings,
            Clock clock, ThreadFactory workerThreads, ScheduledExecutorService watchdog) {
        String url = platform.toString();
        this.base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        this.signer = Objects.requireNonNull(signer, "signer");
        this.registration = Objects.requireNonNull(registration, "registration");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout()).followRedirects(HttpClient.Redirect.NEVER).build();
        this.workerThreads = Objects.requireNonNull(workerThreads, "workerThreads");
        this.watchdog = Objects.requireNonNull(watchdog, "watchdog");
    }

    /** Starts connecting in the background; returns at once. */
    public synchronized void start(PadListener listener) {
        if (running) {
            throw new IllegalStateException("already started");
        }
        running = true;
        Thread t = workerThreads.newThread(() -> run(listener));
        worker = t;
        t.start();
        long period = Math.max(100, settings.silenceLimit().toMillis() / 4);
        watchdog.scheduleAtFixedRate(this::checkSilence, period, period, TimeUnit.MILLISECONDS);
        linkListener = listener;
        watchdog.scheduleWithFixedDelay(this::refreshRatingLinkIfDue, LINK_CHECK.toMillis(), LINK_CHECK.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** How often the pad looks whether its window rating link is due for a refresh. */
    static final Duration LINK_CHECK = Duration.ofMinutes(1);

    /** The window rating link last fetched, if any. */
    public java.util.Optional<org.govkiosk.api.WindowRatingLink> ratingLink() {
        return java.util.Optional.ofNullable(ratingLink);
    }

    /** Fetches the window's rating link when there is none or its refreshAfter has passed; a failure waits. */
    void refreshRatingLinkIfDue() {
        org.govkiosk.api.WindowRatingLink known = ratingLink;
        PadListener listener = linkListener;
        if (!running || listener == null || known != null && clock.instant().isBefore(known.refreshAfter())) {
            return;
        }
        try {
            org.govkiosk.api.WindowRatingLink fresh = fetchRatingLink();
            ratingLink = fresh;
            safely(() -> listener.ratingLinkChanged(fresh));
        } catch (IOException | PadConnectException e) {
            LOG.warn("Pad {} could not fetch its window rating link: {}", registration.padId(), e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The window's rating link, signed by the platform (the pad cannot make one). */
    private org.govkiosk.api.WindowRatingLink fetchRatingLink() throws IOException, InterruptedException,
            PadConnectException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + ApiPaths.PAD_RATING_LINK))
                .timeout(settings.connectTimeout().multipliedBy(2)).GET();
        signer.sign("GET", ApiPaths.PAD_RATING_LINK, new byte[0]).asMap().forEach(b::header);
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (r.statusCode() != 200) {
            throw new PadConnectException("rating link refused: " + r.statusCode() + " " + clip(r.body()));
        }
        return json.readValue(r.body(), org.govkiosk.api.WindowRatingLink.class);
    }

    /** The id of the last event received (what a reconnect sends as Last-Event-ID). */
    public String lastEventId() {
        return lastEventId;
    }

    /** Drops the current stream as a network fault would; the service reconnects (for tests and technicians). */
    public void dropConnection() {
        InputStream in = current;
        if (in != null) {
            silenced = true;
            closeQuietly(in);
            Thread t = worker;
            if (t != null) {
                t.interrupt();
            }
        }
    }

    private void run(PadListener listener) {
        int failures = 0;
        while (running) {
            boolean streamed = false;
            try {
                register();
                if (ratingLink == null) {
                    try {
                        watchdog.execute(this::refreshRatingLinkIfDue); // bound now: the idle screen's QR code
                    } catch (java.util.concurrent.RejectedExecutionException e) {
                        // closing: no link needed any more
                    }
                }
                streamed = stream(listener);
            } catch (IOException | PadConnectException e) {
                LOG.warn("Pad {} has no connection to the platform: {}", registration.padId(), e.getMessage());
            } catch (InterruptedException e) {
                if (!silenced) {
                    break;
                }
            } finally {
                current = null;
                safely(() -> listener.connectionChanged(false));
            }
            if (silenced) {
                Thread.interrupted();
                silenced = false;
            }
            failures = streamed ? 1 : failures + 1;
            try {
                Thread.sleep(settings.backoff().delay(failures).toMillis());
            } catch (InterruptedException e) {
                if (!running) {
                    break;
                }
            }
        }
    }

    private void register() throws IOException, InterruptedException, PadConnectException {
        byte[] body = json.writeValueAsBytes(registration);
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + ApiPaths.PADS))
                .timeout(settings.connectTimeout().multipliedBy(2))
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        signer.sign("POST", ApiPaths.PADS, body).asMap().forEach(b::header);
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (r.statusCode() != 200) {
            throw new PadConnectException("registration refused: " + r.statusCode() + " " + clip(r.body()));
        }
    }

    /** Reads the stream until it ends; true if it was open (so the next attempt starts from a short wait). */
    private boolean stream(PadListener listener) throws IOException, InterruptedException, PadConnectException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + ApiPaths.PAD_EVENTS))
                .timeout(settings.connectTimeout().multipliedBy(2))
                .header("Accept", "text/event-stream").GET();
        signer.sign("GET", ApiPaths.PAD_EVENTS, new byte[0]).asMap().forEach(b::header);
        String last = lastEventId;
        if (last != null) {
            b.header("Last-Event-ID", last);
        }
        HttpResponse<InputStream> r = http.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
        if (r.statusCode() != 200) {
            String error;
            try (InputStream in = r.body()) {
                error = new String(in.readNBytes(MAX_ERROR_CHARS), StandardCharsets.UTF_8);
            }
            throw new PadConnectException("event stream refused: " + r.statusCode() + " " + clip(error));
        }
        lastActivityNanos = System.nanoTime();
        current = r.body();
        if (!running) {
            closeQuietly(current);
            return false;
        }
        SseLineParser parser = new SseLineParser();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(current, StandardCharsets.UTF_8))) {
            for (String line; running && (line = in.readLine()) != null; ) {
                lastActivityNanos = System.nanoTime();
                parser.line(line).ifPresent(e -> handle(e, listener));
            }
        } catch (IOException e) {
            if (running && !silenced) {
                LOG.info("Pad {} lost its event stream: {}", registration.padId(), e.getMessage());
            }
        }
        return true;
    }

    private void handle(SseLineParser.SseEvent e, PadListener listener) {
        try {
            switch (e.name()) {
                case PadEvents.HELLO -> {
                    LOG.info("Pad {} connected for window {}", registration.padId(), registration.windowId());
                    safely(() -> listener.connectionChanged(true));
                }
                case PadEvents.RATING_REQUEST -> {
                    RatingRequestEvent event = json.readValue(e.data(), RatingRequestEvent.class);
                    PadRequest request = new PadRequest(event, clock.instant().plus(event.remainingAtSend()));
                    safely(() -> listener.requestArrived(request));
                }
                case PadEvents.RATING_REQUEST_CLOSED -> {
                    RatingRequestClosed closed = json.readValue(e.data(), RatingRequestClosed.class);
                    safely(() -> listener.requestClosed(closed.requestId()));
                }
                default -> LOG.debug("Pad ignores event {}", e.name());
            }
        } catch (IOException | RuntimeException ex) {
            // One event a newer platform words differently must not cost the stream.
            LOG.warn("Pad could not read a {} event: {}", e.name(), ex.getMessage());
        }
        if (e.id() != null) {
            lastEventId = e.id();
        }
    }

    private void checkSilence() {
        InputStream in = current;
        if (in != null && System.nanoTime() - lastActivityNanos > settings.silenceLimit().toNanos()) {
            LOG.warn("Pad {}: no heartbeat for {} s, reconnecting", registration.padId(),
                    settings.silenceLimit().toSeconds());
            dropConnection();
        }
    }

    private static void safely(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            LOG.error("Pad listener failed", e);
        }
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException e) {
            // closing a stream that is going away anyway
        }
    }

    private static String clip(String s) {
        return s == null ? "" : s.length() <= MAX_ERROR_CHARS ? s : s.substring(0, MAX_ERROR_CHARS) + "...";
    }

    @Override
    public void close() {
        running = false;
        watchdog.shutdownNow();
        InputStream in = current;
        if (in != null) {
            closeQuietly(in);
        }
        Thread t = worker;
        if (t != null) {
            t.interrupt();
            try {
                t.join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The platform answered, but not with what a pad needs (refused registration, no stream). */
    static final class PadConnectException extends Exception {
        PadConnectException(String message) {
            super(message);
        }
    }
}
