package org.govkiosk.platform.http;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import org.govkiosk.api.ApiPaths;
import org.govkiosk.api.LicenceVerificationRequest;
import org.govkiosk.api.RatingChannel;
import org.govkiosk.api.RatingReceipt;
import org.govkiosk.api.RatingSubmission;
import org.govkiosk.platform.store.LicenceStore;
import org.govkiosk.platform.store.RatingStore;

/** 好差评 ratings and e-licence verification (扫码亮证). */
public final class RatingRoutes {

    private final RouteSupport s;
    private final RatingStore ratings;
    private final LicenceStore licences;
    private final RatingGate padRatings;

    /** @param padRatings refuses a pad's rating for a request that pad was never sent (unknown case, clerk, window) */
    public RatingRoutes(RouteSupport support, RatingStore ratings, LicenceStore licences,
            RatingGate padRatings) {
        this.s = support;
        this.ratings = ratings;
        this.licences = licences;
        this.padRatings = padRatings;
    }

    public void register(RouteTable app) {
        app.post(ApiPaths.RATINGS, this::rate);
        app.post(ApiPaths.LICENCE_VERIFICATIONS, this::verifyLicence);
    }

    private void rate(Context ctx) {
        s.bodies().requireJson(ctx);
        RouteSupport.Signed signed = s.signed(ctx, s.maxBodyBytes());
        byte[] body = signed.body();
        String terminal = signed.terminal();
        RatingSubmission rating = s.bodies().json(body, RatingSubmission.class);
        Auth.requireSame(terminal, rating.terminalId());
        if (rating.channel() == RatingChannel.PHONE_QR || rating.channel() == RatingChannel.PHONE_SMS) {
            // Those come from the platform's own phone page, never from a terminal's word.
            throw ApiException.client(400, org.govkiosk.api.ErrorCodes.INVALID_FIELD, "channel "
                    + rating.channel() + " is the platform's phone page's; a terminal rates as"
                    + " SELF_SERVICE_TERMINAL, a pad as WINDOW_PAD");
        }
        s.halls().requireOwnHall(terminal, rating.hallCode());
        if (rating.channel() == RatingChannel.SELF_SERVICE_TERMINAL) {
            // A terminal rates a case of its hall that the platform holds. (A pad rates the window's contact its
            // rating request named, which the window's business system may hold alone: the gate checks that.)
            s.halls().requireOwnCase(terminal, rating.caseNumber());
        }
        padRatings.check(terminal, rating);
        String json = s.bodies().canonicalJson(rating);
        RatingReceipt receipt = ratings.submit(rating, Bodies.sha256Hex(json.getBytes(StandardCharsets.UTF_8)), json,
                s.clock().instant());
        padRatings.accepted(rating, receipt);
        s.receipt(ctx, receipt.duplicate() ? 200 : 201, signed, receipt);
    }

    private void verifyLicence(Context ctx) {
        s.bodies().requireJson(ctx);
        RouteSupport.Signed signed = s.signed(ctx, s.maxBodyBytes());
        LicenceVerificationRequest request = s.bodies().json(signed.body(), LicenceVerificationRequest.class);
        // A terminal sees the codes made in its own hall (and those of no hall); another hall's is unknown here.
        Responses.json(ctx, 200, licences.verify(request, s.halls().of(signed.terminal()), s.clock().instant(),
                s.zone()));
    }
}
