package org.govkiosk.platform.http;

import io.javalin.Javalin;
import io.javalin.http.Handler;
import java.util.ArrayList;
import java.util.List;

/**
 * Registers routes on Javalin and remembers them, so a test can hold the served routes against the OpenAPI
 * document both ways. Every route of the platform is registered here: a route added on Javalin directly would have
 * no HEAD (Javalin answers an unrouted HEAD of a GET route by itself, without running its checks).
 */
public final class RouteTable {

    /** One served route, e.g. {@code POST /api/v1/cases}. */
    public record Route(String method, String path) {
    }

    private final Javalin app;
    private final List<Route> routes = new ArrayList<>();

    public RouteTable(Javalin app) {
        this.app = app;
    }

    /**
     * Serves {@code GET path} and {@code HEAD path} with the same handler, so HEAD is authorised, validated and
     * answered exactly as GET (Jetty sends no body to a HEAD). Listed once, as GET: the document describes HEAD for
     * every GET operation in its introduction.
     */
    public void get(String path, Handler handler) {
        app.get(path, handler);
        app.head(path, handler);
        routes.add(new Route("GET", path));
    }

    public void post(String path, Handler handler) {
        app.post(path, handler);
        routes.add(new Route("POST", path));
    }

    public void put(String path, Handler handler) {
        app.put(path, handler);
        routes.add(new Route("PUT", path));
    }

    public List<Route> routes() {
        return List.copyOf(routes);
    }
}
