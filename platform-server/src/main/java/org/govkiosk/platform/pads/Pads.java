package org.govkiosk.platform.pads;

import io.javalin.Javalin;
import java.time.Clock;
import java.util.Optional;
import org.govkiosk.api.ApiPaths;
import org.govkiosk.platform.http.RouteSupport;
import org.govkiosk.platform.http.RouteTable;
import org.govkiosk.platform.store.Database;
import org.govkiosk.platform.store.DatabaseNotifications;

/**
 * The window rating pads (评价器) on the platform: pads bind to windows and hold an event stream; the window
 * business system asks for a rating; bad ratings are a work list; ratings leave in the national field set.
 * {@link #install} is the one call the server makes.
 */
public final class Pads {

    private final PadHub hub;
    private final PadRatingGate gate;

    private final Optional<DatabaseNotifications> listening;
    private final RatingRequestService requests;

    private Pads(PadHub hub, PadRatingGate gate, Optional<DatabaseNotifications> listening,
            RatingRequestService requests) {
        this.requests = requests;
        this.hub = hub;
        this.gate = gate;
        this.listening = listening;
    }

    public static Pads install(RouteTable routes, Javalin app, RouteSupport support, Database database) {
        return install(routes, app, support, database, PadSettings.defaults());
    }

    public static Pads install(RouteTable routes, Javalin app, RouteSupport support, Database database,
            PadSettings settings) {
        Clock clock = support.clock();
        PadHub hub = new PadHub(settings.heartbeat());
        if (database.isPostgres()) {
            hub.presence(new PadPresence(database, clock, settings.heartbeat()));
        }
        PadDirectory directory = new PadDirectory(database);
        RatingRequestService requests = new RatingRequestService(new RatingRequestStore(database), hub, clock,
                settings.requestValidity(), database.isPostgres());
        PadRoutes padRoutes = new PadRoutes(support, directory, requests, hub);
        padRoutes.register(routes);
        new RatingReportRoutes(support, new RatingReports(database), settings.nationalSettle()).register(routes);
        app.after(ApiPaths.RATINGS, padRoutes::afterRating);
        // Several instances may share a PostgreSQL database: hear every instance's events for the pads held here.
        Optional<DatabaseNotifications> listening = database.isPostgres()
                ? Optional.of(DatabaseNotifications.listen(database, RatingRequestService.CHANNEL,
                        requests::notified, requests::resync))
                : Optional.empty();
        // Open streams would hold Jetty's stop until they time out; end them first.
        Pads pads = new Pads(hub, new PadRatingGate(directory, requests), listening, requests);
        app.events(e -> e.serverStopping(pads::close));
        return pads;
    }

    /** For the rating endpoint: checks window-pad ratings against the requests sent (see {@link PadRatingGate}). */
    public PadRatingGate ratingGate() {
        return gate;
    }

    /** What asks a window's pads for a rating: the clerk desk's page uses the service the endpoint uses. */
    public RatingRequestService ratingRequests() {
        return requests;
    }

    /** Ends the pad streams open here (a stopping instance, after its drain): the pads reconnect elsewhere. */
    public int endStreams() {
        return hub.endStreams();
    }

    /** Pad streams open at this instance now. */
    public int connectedPads() {
        return hub.connections().size();
    }

    /** Ends every pad stream, the heartbeat and the listening (the server's stop does this too). */
    public void close() {
        listening.ifPresent(DatabaseNotifications::close);
        hub.close();
    }
}
