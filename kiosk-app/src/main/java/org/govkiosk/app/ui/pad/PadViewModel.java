package org.govkiosk.app.ui.pad;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableSet;
import org.govkiosk.api.RatingChannel;
import org.govkiosk.api.RatingRequestEvent;
import org.govkiosk.api.RatingSubmission;
import org.govkiosk.app.pad.PadListener;
import org.govkiosk.app.pad.PadRequest;
import org.govkiosk.app.pad.SerialPadRelay;

/**
 * The rating pad's screen state: idle until the window asks, then the case and clerk with the five levels; a bad
 * level (≤ 2) asks what went wrong (offline indicators) and allows a comment; a rating goes to the sink once, and
 * the screen thanks and returns to idle, or returns to idle when the request runs out.
 *
 * <p>Connection callbacks arrive off the FX thread and are moved onto it through {@code fx}; everything else runs
 * on the FX thread. Time comes from {@link #tick()}, which the view calls every second.
 */
public final class PadViewModel implements PadListener, SerialPadRelay.PadKeys {

    /** What the screen shows. */
    public enum Stage { IDLE, RATING, REASONS, THANKS }

    /**
     * Where a bad level pressed on a serial five-key pad gets its reasons (a bad rating must carry one, and the
     * five keys cannot give it): on this screen, or, on a pad without a screen a citizen can use, on the phone
     * page (the window's rating QR code or the SMS invitation); then the key press is not sent.
     */
    public enum BadKeyReasons { SCREEN, PHONE }

    /** The offline indicators (整体满意度, 服务效率, 服务水平, 服务态度): code and bundle key. */
    public record Indicator(String code, String messageKey) {
    }

    public static final List<Indicator> INDICATORS = List.of(
            new Indicator("OVERALL", "pad.reason.overall"),
            new Indicator("SERVICE_EFFICIENCY", "pad.reason.efficiency"),
            new Indicator("SERVICE_LEVEL", "pad.reason.level"),
            new Indicator("SERVICE_ATTITUDE", "pad.reason.attitude"));

    /** Level → bundle key, 5 非常满意 … 1 非常不满意. */
    public static final Map<Integer, String> LEVEL_KEYS = Map.of(5, "pad.level.5", 4, "pad.level.4",
            3, "pad.level.3", 2, "pad.level.2", 1, "pad.level.1");

    private static final int REMEMBERED = 50;

    /** Who this pad is, for the ratings it sends. */
    public record PadIdentity(String padId, String hallCode, String windowId) {
        public PadIdentity {
            Objects.requireNonNull(padId, "padId");
            Objects.requireNonNull(hallCode, "hallCode");
            Objects.requireNonNull(windowId, "windowId");
        }
    }

    private final PadIdentity pad;
    private final RatingChannel channel;
    private final Consumer<RatingSubmission> sink;
    private final Clock clock;
    private final Executor fx;
    private final Duration displayLimit;
    private final Duration thanksFor;

    private final ObjectProperty<Stage> stage = new SimpleObjectProperty<>(Stage.IDLE);
    private final ObjectProperty<RatingRequestEvent> request = new SimpleObjectProperty<>();
    private final IntegerProperty level = new SimpleIntegerProperty(0);
    private final ObservableSet<String> reasons = FXCollections.observableSet(new LinkedHashSet<>());
    private final StringProperty comment = new SimpleStringProperty("");
    /** 不公开评价: the citizen's choice, off until they turn it on, for the open request only. */
    private final BooleanProperty anonymous = new SimpleBooleanProperty(false);
    private final BooleanProperty connected = new SimpleBooleanProperty(false);
    private final ObjectProperty<Optional<String>> message = new SimpleObjectProperty<>(Optional.empty());
    /** Requests already rated or dropped here: a replay after a reconnect must not show them again. */
    private final Deque<String> finished = new ArrayDeque<>();
    private Instant deadline = Instant.MAX;
    private BadKeyReasons badKeyReasons = BadKeyReasons.SCREEN;
    private Consumer<String> onFinished = id -> { };
    /** The window's rating link for the idle screen's QR code; null while none is valid. */
    private final javafx.beans.property.ObjectProperty<org.govkiosk.api.WindowRatingLink> ratingLink =
            new javafx.beans.property.SimpleObjectProperty<>();

    /**
     * @param sink         takes the rating durably (the outbox: {@code PlatformQueue::submitRating}); may throw
     * @param fx           runs on the FX thread ({@code Platform::runLater}; tests pass {@code Runnable::run})
     * @param displayLimit how long a request stays on screen at most, even if the platform allows longer
     * @param thanksFor    how long the thank-you shows
     */
    public PadViewModel(PadIdentity pad, Consumer<RatingSubmission> sink, Clock clock, Executor fx,
            Duration displayLimit, Duration thanksFor) {
        this(pad, RatingChannel.WINDOW_PAD, sink, clock, fx, displayLimit, thanksFor);
    }

    /**
     * @param channel {@code WINDOW_PAD} at a window; {@code SELF_SERVICE_TERMINAL} when the terminal asks a citizen
     *                to rate the journey they just finished (no window, no clerk)
     */
    public PadViewModel(PadIdentity pad, RatingChannel channel, Consumer<RatingSubmission> sink, Clock clock,
            Executor fx, Duration displayLimit, Duration thanksFor) {
        this.pad = Objects.requireNonNull(pad, "pad");
        this.channel = Objects.requireNonNull(channel, "channel");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.fx = Objects.requireNonNull(fx, "fx");
        this.displayLimit = Objects.requireNonNull(displayLimit, "displayLimit");
        this.thanksFor = Objects.requireNonNull(thanksFor, "thanksFor");
    }

    // --- from the connection (any thread)

    @Override
    public void ratingLinkChanged(org.govkiosk.api.WindowRatingLink link) {
        fx.execute(() -> ratingLink.set(link.validUntil().isAfter(clock.instant()) ? link : null));
    }

    @Override
    public void requestArrived(PadRequest r) {
        fx.execute(() -> show(r));
    }

    @Override
    public void requestClosed(String requestId) {
        fx.execute(() -> {
            RatingRequestEvent current = request.get();
            if (current != null && current.requestId().equals(requestId)
                    && (stage.get() == Stage.RATING || stage.get() == Stage.REASONS)) {
                finish(requestId);
                idle();
            }
        });
    }

    @Override
    public void connectionChanged(boolean up) {
        fx.execute(() -> connected.set(up));
    }

    /**
     * A key pressed on a serial pad for {@code requestId} (off the FX thread): the same rules as a tap on the
     * screen, for the request the screen shows only. A good level is the rating; a bad one asks for reasons here
     * or, with {@link BadKeyReasons#PHONE}, leaves the rating to the phone page.
     */
    @Override
    public void keyPressed(String requestId, int chosen) {
        fx.execute(() -> {
            RatingRequestEvent current = request.get();
            if (current == null || !current.requestId().equals(requestId) || stage.get() != Stage.RATING) {
                return; // rated already (on the screen, or an earlier key), or no longer open
            }
            if (chosen <= RatingSubmission.BAD_LEVEL_MAX && badKeyReasons == BadKeyReasons.PHONE) {
                finish(requestId);
                clearInput();
                message.set(Optional.of("pad.reasons-by-phone"));
                stage.set(Stage.THANKS);
                deadline = clock.instant().plus(thanksFor.multipliedBy(2));
                return;
            }
            chooseLevel(chosen);
        });
    }

    /** Where a bad serial key press gets its reasons; the screen by default. Set before requests arrive. */
    public void badKeyReasons(BadKeyReasons where) {
        this.badKeyReasons = Objects.requireNonNull(where, "where");
    }

    /** Told (on the FX thread) each request this screen is done with: rated, closed or run out. */
    public void onFinished(Consumer<String> listener) {
        this.onFinished = Objects.requireNonNull(listener, "listener");
    }

    // --- from the citizen (FX thread)

    /** A tap on a level: a good level is the whole rating; a bad one asks for reasons first. */
    public void chooseLevel(int chosen) {
        if (chosen < 1 || chosen > 5 || (stage.get() != Stage.RATING && stage.get() != Stage.REASONS)) {
            return;
        }
        level.set(chosen);
        message.set(Optional.empty());
        if (chosen <= RatingSubmission.BAD_LEVEL_MAX) {
            stage.set(Stage.REASONS);
        } else {
            reasons.clear();
            submit();
        }
    }

    public void toggleReason(String code) {
        if (stage.get() != Stage.REASONS) {
            return;
        }
        if (!reasons.remove(code)) {
            reasons.add(code);
        }
    }

    /** Back from the reasons to the levels (the citizen tapped a bad level by mistake). */
    public void back() {
        if (stage.get() == Stage.REASONS) {
            reasons.clear();
            comment.set("");
            level.set(0);
            stage.set(Stage.RATING);
        }
    }

    /** Sends the rating once; taps after the first (or while nothing is open) do nothing. */
    public void submit() {
        RatingRequestEvent r = request.get();
        if (r == null || (stage.get() != Stage.RATING && stage.get() != Stage.REASONS) || level.get() == 0) {
            return;
        }
        boolean bad = level.get() <= RatingSubmission.BAD_LEVEL_MAX;
        String text = comment.get() == null ? "" : comment.get().strip();
        if (bad && reasons.isEmpty() && text.isEmpty()) {
            message.set(Optional.of("pad.need-reason"));
            return;
        }
        RatingSubmission rating = new RatingSubmission(
                // One key per request: a double tap or a resend is the same rating to the platform.
                (channel == RatingChannel.WINDOW_PAD ? "pad-" : "terminal-") + r.requestId(), r.caseNumber(),
                r.serviceSequence(), r.itemCode(), pad.hallCode(), pad.padId(),
                channel == RatingChannel.WINDOW_PAD ? pad.windowId() : null, r.clerkId(), channel, level.get(),
                Map.of("OVERALL", level.get()), bad ? List.copyOf(reasons) : List.of(),
                bad && !text.isEmpty() ? text : null, anonymous.get(), clock.instant());
        try {
            sink.accept(rating);
        } catch (RuntimeException e) {
            // Not taken: the citizen may tap again; the same key makes a later success harmless.
            message.set(Optional.of("pad.submit-failed"));
            return;
        }
        finish(r.requestId());
        message.set(Optional.empty());
        stage.set(Stage.THANKS);
        deadline = clock.instant().plus(thanksFor);
    }

    /** Called every second: a request not rated in time, or the thanks, go back to idle. */
    public void tick() {
        org.govkiosk.api.WindowRatingLink link = ratingLink.get();
        if (link != null && !clock.instant().isBefore(link.validUntil())) {
            ratingLink.set(null); // expired without a refresh: a code that no longer works is not shown
        }
        if (stage.get() != Stage.IDLE && !clock.instant().isBefore(deadline)) {
            RatingRequestEvent r = request.get();
            if (r != null && stage.get() != Stage.THANKS) {
                // Not rated in time: the platform applies the province's default level, not the pad.
                finish(r.requestId());
            }
            idle();
        }
    }

    private void show(PadRequest r) {
        if (finished.contains(r.requestId())) {
            return;
        }
        RatingRequestEvent current = request.get();
        boolean same = current != null && current.requestId().equals(r.requestId());
        if (same && stage.get() != Stage.IDLE) {
            return;
        }
        Instant now = clock.instant();
        Instant until = r.validUntil().isBefore(now.plus(displayLimit)) ? r.validUntil() : now.plus(displayLimit);
        if (!now.isBefore(until)) {
            return;
        }
        clearInput();
        request.set(r.event());
        deadline = until;
        stage.set(Stage.RATING);
    }

    /** Drops whatever is on screen: the citizen walked away, their session ended. */
    public void dismiss() {
        idle();
    }

    private void idle() {
        clearInput();
        request.set(null);
        deadline = Instant.MAX;
        stage.set(Stage.IDLE);
    }

    private void clearInput() {
        level.set(0);
        reasons.clear();
        comment.set("");
        anonymous.set(false);
        message.set(Optional.empty());
    }

    private void finish(String requestId) {
        finished.addLast(requestId);
        while (finished.size() > REMEMBERED) {
            finished.removeFirst();
        }
        onFinished.accept(requestId);
    }

    /** The dark modules of {@code url}'s QR code, row by row, without the quiet zone (the view adds it). */
    public static boolean[][] qrModules(String url) {
        org.govkiosk.print.qr.QrMatrix m = org.govkiosk.print.qr.QrMatrix.encode(url);
        boolean[][] dark = new boolean[m.size()][m.size()];
        for (int y = 0; y < m.size(); y++) {
            for (int x = 0; x < m.size(); x++) {
                dark[y][x] = m.isDark(x, y);
            }
        }
        return dark;
    }

    /** The window's rating link the idle screen shows as a QR code; null while none is valid. */
    public ReadOnlyObjectProperty<org.govkiosk.api.WindowRatingLink> ratingLinkProperty() {
        return ratingLink;
    }

    public ReadOnlyObjectProperty<Stage> stageProperty() {
        return stage;
    }

    public ReadOnlyObjectProperty<RatingRequestEvent> requestProperty() {
        return request;
    }

    public IntegerProperty levelProperty() {
        return level;
    }

    public ObservableSet<String> reasons() {
        return reasons;
    }

    public StringProperty commentProperty() {
        return comment;
    }

    /**
     * 不公开评价, off by default and again for every new request. A good level is sent with its tap, so the screen
     * offers this before the levels; it travels in {@link RatingSubmission#anonymous()}.
     */
    public BooleanProperty anonymousProperty() {
        return anonymous;
    }

    public BooleanProperty connectedProperty() {
        return connected;
    }

    /** A bundle key to show (need a reason, not saved), or empty. */
    public ReadOnlyObjectProperty<Optional<String>> messageProperty() {
        return message;
    }

    public PadIdentity pad() {
        return pad;
    }
}
