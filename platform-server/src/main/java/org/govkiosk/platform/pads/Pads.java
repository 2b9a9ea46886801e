package org.govkiosk.platform.pads;

import io.javalin.Javalin;
import java.time.Clock;
import org.govkiosk.api.ApiPaths;
import org.govkiosk.platform.http.RouteSupport;
import org.govkiosk.platform.http.RouteTable;
import org.govkiosk.platform.store.Database;

/**
 * The window rating pads (评价器) on the platform: pads bind to windows and hold an event stream; the window
 * business system asks for a rating; bad ratings are a work list; ratings leave in the national field set.
 * {@link #install} is the one call the server makes.
 */
public final class Pads {

    private final PadHub hub;
    private final PadRatingGate gate;

    private Pads(PadHub hub, PadRatingGate gate) {
        this.hub = hub;
        this.gate = gate;
    }

    public static Pads install(RouteTable routes, Javalin app, RouteSupport support, Database database) {
        return install(routes, app, support, database, PadSettings.defaults());
    }

    public static Pads install(RouteTable routes, Javalin app, RouteSupport support, Database database,
            PadSettings settings) {
        PadSchema.apply(database);
        Clock clock = support.clock();
        PadHub hub = new PadHub(settings.heartbeat());
        PadDirectory directory = new PadDirectory(database);
        RatingRequestService requests = new RatingRequestService(new RatingRequestStore(database), hub, clock,
                settings.requestValidity());
        PadRoutes padRoutes = new PadRoutes(support, directory, requests, hub);
        padRoutes.register(routes);
        new RatingReportRoutes(support, new RatingReports(database), settings.nationalSettle()).register(routes);
        app.after(ApiPaths.RATINGS, padRoutes::afterRating);
        // Open streams would hold Jetty's stop until they time out; end them first.
        app.events(e -> e.serverStopping(hub::close));
        return new Pads(hub, new PadRatingGate(directory, requests));
    }

    /** For the rating endpoint: checks window-pad ratings against the requests sent (see {@link PadRatingGate}). */
    public PadRatingGate ratingGate() {
        return gate;
    }

    /** Ends every pad stream and the heartbeat (the server's stop does this too). */
    public void close() {
        hub.close();
    }
}
