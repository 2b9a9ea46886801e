package org.govkiosk.platform.pads;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.sse.SseClient;
import java.util.Optional;
import org.govkiosk.api.ApiJson;
import org.govkiosk.api.ApiPaths;
import org.govkiosk.api.PadErrorCodes;
import org.govkiosk.api.PadEvents;
import org.govkiosk.api.PadRegistration;
import org.govkiosk.api.PadRegistrationReceipt;
import org.govkiosk.api.RatingReceipt;
import org.govkiosk.api.RatingRequest;
import org.govkiosk.api.RatingRequestReceipt;
import org.govkiosk.platform.http.AcceptHeader;
import org.govkiosk.platform.http.ApiException;
import org.govkiosk.platform.http.Auth;
import org.govkiosk.platform.http.Responses;
import org.govkiosk.platform.http.RouteSupport;
import org.govkiosk.platform.http.RouteTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The pad's side (bind to a window, hold the event stream) and the window business system's request. */
final class PadRoutes {

    private static final Logger LOG = LoggerFactory.getLogger(PadRoutes.class);
    static final String EVENT_STREAM = "text/event-stream";

    private final RouteSupport s;
    private final PadDirectory directory;
    private final RatingRequestService requests;
    private final PadHub hub;
    private final ObjectMapper lenient = ApiJson.lenient();

    PadRoutes(RouteSupport support, PadDirectory directory, RatingRequestService requests, PadHub hub) {
        this.s = support;
        this.directory = directory;
        this.requests = requests;
        this.hub = hub;
    }

    void register(RouteTable routes) {
        routes.post(ApiPaths.PADS, this::registerPad);
        routes.get(ApiPaths.PAD_EVENTS, this::events);
        routes.post(ApiPaths.CLERK_RATING_REQUESTS, this::requestRating);
    }

    private void registerPad(Context ctx) {
        s.bodies().requireJson(ctx);
        RouteSupport.Signed signed = s.signed(ctx, s.maxBodyBytes());
        byte[] body = signed.body();
        String terminal = signed.terminal();
        PadRegistration r = s.bodies().json(body, PadRegistration.class);
        Auth.requireSame(terminal, r.padId());
        PadRegistrationReceipt receipt = directory.register(r, s.clock().instant());
        if (receipt.previousWindowId() != null) {
            requests.padMoved(r.padId(), new WindowKey(r.hallCode(), r.windowId()));
        }
        LOG.info("Pad {} bound to window {}/{}", r.padId(), r.hallCode(), r.windowId());
        Responses.json(ctx, 200, receipt);
    }

    private void events(Context ctx) {
        String pad = s.signed(ctx, s.maxBodyBytes()).terminal();
        // By the standard rules (q-values, wildcards): "text/event-stream, */*;q=0.1" is a pad that takes the stream.
        if (!AcceptHeader.accepts(ctx.header("Accept"), EVENT_STREAM)) {
            throw ApiException.client(406, PadErrorCodes.NOT_ACCEPTABLE, "send Accept: " + EVENT_STREAM);
        }
        PadBinding binding = directory.binding(pad).orElseThrow(() -> ApiException.client(403,
                PadErrorCodes.PAD_NOT_REGISTERED, "terminal " + pad + " is not bound to a window; POST "
                        + ApiPaths.PADS + " first"));
        ctx.status(200);
        ctx.res().setCharacterEncoding("UTF-8");
        ctx.res().setContentType(EVENT_STREAM);
        ctx.header("Cache-Control", "no-cache");
        ctx.header("X-Accel-Buffering", "no");
        if (ctx.method() == HandlerType.HEAD) {
            // What GET would answer, checked the same way, without opening a stream.
            return;
        }
        ctx.header("Connection", "close");
        open(new SseClient(ctx), binding, lastEventId(ctx.header("Last-Event-ID")));
    }

    /**
     * Joins the stream to its window on the request's own thread, before anything is sent: the status line goes out
     * with hello, so a pad that sees its 200 is already among the window's pads and counts in the padsReached of any
     * request made from then on. The stream then stays open asynchronously until either side closes it.
     */
    private void open(SseClient client, PadBinding binding, Optional<Long> last) {
        client.keepAlive();
        PadConnection connection = new PadConnection(binding, client);
        client.onClose(() -> hub.remove(connection));
        try {
            requests.attach(connection, last, new PadEvent(null, PadEvents.HELLO, requests.write(
                    new PadRegistrationReceipt(binding.padId(), binding.hallCode(), binding.windowId(), null,
                            s.clock().instant()))));
        } catch (RuntimeException e) {
            // The stream is committed (200) or about to be: an error body cannot follow. Close it; the pad reconnects.
            LOG.warn("Stream of pad {} closed at start: {}", binding.padId(), e.toString());
            hub.remove(connection);
            client.close();
        }
    }

    /** A malformed Last-Event-ID is treated as none: the pad then gets the open request, which is what it needs. */
    static Optional<Long> lastEventId(String header) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        try {
            long id = Long.parseLong(header.strip());
            return id >= 0 ? Optional.of(id) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private void requestRating(Context ctx) {
        org.govkiosk.platform.staff.StaffMember who = s.auth().clerk(ctx,
                org.govkiosk.platform.http.StaffAuth.CASE_WORK);
        s.bodies().requireJson(ctx);
        RatingRequest given = s.bodies().json(s.bodies().read(ctx, s.maxBodyBytes()), RatingRequest.class);
        if (!who.actsIn(given.hallCode())) {
            throw org.govkiosk.platform.http.ApiException.client(403, org.govkiosk.api.ErrorCodes.OTHER_HALL,
                    "hallCode is not one of your halls");
        }
        // A clerk signed in asks for a rating of their own service: the pad shows them, whatever the body says.
        RatingRequest r = !who.machine() && who.role() == org.govkiosk.platform.staff.Role.CLERK
                ? new RatingRequest(given.hallCode(), given.windowId(), given.caseNumber(), given.serviceSequence(),
                        given.itemCode(), given.itemName(), who.login(), who.name())
                : given;
        org.govkiosk.platform.http.StaffAuth.detail(ctx, "window " + r.windowId() + ", clerk " + r.clerkId());
        RatingRequestReceipt receipt = requests.request(r);
        Responses.json(ctx, receipt.duplicate() ? 200 : 201, receipt);
    }

    /**
     * After the rating endpoint stored a rating: close its contact's requests on every pad. Reads the receipt the
     * endpoint wrote, so the rating route needs no change for this; a failure here is logged, never answered.
     */
    void afterRating(Context ctx) {
        int status = ctx.statusCode();
        if (status != 200 && status != 201) {
            return;
        }
        try {
            String result = ctx.result();
            if (result == null) {
                return;
            }
            RatingReceipt receipt = lenient.readValue(result, RatingReceipt.class);
            if (receipt.caseNumber() != null && receipt.serviceSequence() != null) {
                requests.rated(receipt.caseNumber(), receipt.serviceSequence());
            }
        } catch (Exception e) {
            LOG.warn("Could not close the rating requests of a stored rating: {}", e.toString());
        }
    }
}
