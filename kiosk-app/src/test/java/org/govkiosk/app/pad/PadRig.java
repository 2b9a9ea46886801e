package org.govkiosk.app.pad;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.random.RandomGenerator;
import org.govkiosk.api.ApiJson;
import org.govkiosk.api.ApiPaths;
import org.govkiosk.api.PadRegistration;
import org.govkiosk.api.RatingSubmission;
import org.govkiosk.api.RequestSigner;
import org.govkiosk.api.TerminalKeys;
import org.govkiosk.api.TerminalRegistration;
import org.govkiosk.app.platform.HttpPlatformClient;
import org.govkiosk.app.platform.PlatformClientConfig;
import org.govkiosk.app.platform.PlatformException;
import org.govkiosk.app.ui.pad.PadViewModel;
import org.govkiosk.platform.PlatformServer;
import org.govkiosk.shared.retry.Backoff;

/**
 * One rating pad as the terminal runs it, against a real platform: enrolled key, connection service, ViewModel,
 * and a sink that submits through the terminal's real signed platform client (the outbox's sender in production).
 */
final class PadRig implements AutoCloseable {

    static final String HALL = "HALL-1";

    final String padId;
    final PadConnectionService connection;
    final PadViewModel model;
    final HttpPlatformClient client;
    final List<RatingSubmission> submitted = new CopyOnWriteArrayList<>();
    final List<Boolean> connectionChanges = new CopyOnWriteArrayList<>();

    PadRig(PlatformServer server, String padId, String windowId) throws Exception {
        this(server, padId, windowId, m -> m);
    }

    /** @param around what the connection talks to, given the screen's model (e.g. a serial pad's relay) */
    PadRig(PlatformServer server, String padId, String windowId,
            java.util.function.Function<PadViewModel, PadListener> around) throws Exception {
        this.padId = padId;
        KeyPair keys = TerminalKeys.generate();
        enrol(server, padId, keys);
        RequestSigner signer = new RequestSigner(padId, keys.getPrivate(), Clock.systemUTC());
        // Enrolled by hand above, so the platform's receipt key is pinned by hand too.
        client = new HttpPlatformClient(PlatformClientConfig.of(server.baseUri(), java.util.Set.of()), signer,
                org.govkiosk.app.platform.PlatformKeyPin.of(java.util.Optional.of(server.receiptKey()), k -> { }),
                org.govkiosk.app.platform.ReceiptAlarm.logOnly());
        model = new PadViewModel(new PadViewModel.PadIdentity(padId, HALL, windowId), this::send,
                Clock.systemUTC(), Runnable::run, Duration.ofMinutes(2), Duration.ofSeconds(3));
        connection = new PadConnectionService(server.baseUri(), signer, new PadRegistration(padId, HALL, windowId),
                new PadConnectionService.Settings(Duration.ofSeconds(2), Duration.ofSeconds(5),
                        new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1), 0.2, RandomGenerator.getDefault())),
                Clock.systemUTC(), r -> {
                    Thread t = new Thread(r, "pad-connection");
                    t.setDaemon(true);
                    return t;
                }, java.util.concurrent.Executors.newSingleThreadScheduledExecutor());
        PadListener inner = around.apply(model);
        connection.start(new PadListener() {
            @Override
            public void requestArrived(PadRequest request) {
                inner.requestArrived(request);
            }

            @Override
            public void requestClosed(String requestId) {
                inner.requestClosed(requestId);
            }

            @Override
            public void connectionChanged(boolean connected) {
                connectionChanges.add(connected);
                inner.connectionChanged(connected);
            }

            @Override
            public void ratingLinkChanged(org.govkiosk.api.WindowRatingLink link) {
                inner.ratingLinkChanged(link);
            }
        });
    }

    /** What the outbox worker would do with the rating: send it, signed (a failure is the test's failure). */
    void send(RatingSubmission rating) {
        submitted.add(rating);
        try {
            client.submitRating(rating);
        } catch (PlatformException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void enrol(PlatformServer server, String padId, KeyPair keys) throws Exception {
        byte[] body = ApiJson.strict().writeValueAsBytes(new TerminalRegistration(padId, HALL,
                TerminalKeys.encodePublic(keys.getPublic()), server.enrolmentToken().orElseThrow(), "PAD-10", "1.0"));
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(server.baseUri() + ApiPaths.TERMINALS)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new AssertionError("enrolment refused: " + r.body());
        }
    }

    @Override
    public void close() {
        connection.close();
    }
}
