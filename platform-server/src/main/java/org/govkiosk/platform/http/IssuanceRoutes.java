package org.govkiosk.platform.http;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import org.govkiosk.api.ApiPaths;
import org.govkiosk.api.CertificateIssuance;
import org.govkiosk.api.ErrorCodes;
import org.govkiosk.api.IssuanceChannel;
import org.govkiosk.api.IssuanceReceipt;
import org.govkiosk.platform.store.IssuanceStore;

/** 出证: a terminal reports the certificate of a finished case it printed (自助出证). */
public final class IssuanceRoutes {

    private final RouteSupport s;
    private final IssuanceStore issuances;

    public IssuanceRoutes(RouteSupport support, IssuanceStore issuances) {
        this.s = support;
        this.issuances = issuances;
    }

    public void register(RouteTable app) {
        app.post(ApiPaths.CASE_ISSUANCES, this::issue);
    }

    private void issue(Context ctx) {
        s.bodies().requireJson(ctx);
        RouteSupport.Signed signed = s.signed(ctx, s.maxBodyBytes());
        byte[] body = signed.body();
        String terminal = signed.terminal();
        CertificateIssuance issuance = s.bodies().json(body, CertificateIssuance.class);
        Auth.requireSame(terminal, issuance.terminalId());
        if (!issuance.caseNumber().equals(ctx.pathParam("caseNumber"))) {
            throw ApiException.client(400, ErrorCodes.INVALID_FIELD, "caseNumber must be the case of the path");
        }
        // A terminal hands out only what it printed itself; the window and the post are the clerks' to report.
        if (issuance.channel() != IssuanceChannel.SELF_SERVICE_TERMINAL) {
            throw ApiException.client(400, ErrorCodes.INVALID_FIELD, "channel of a terminal's issuance must be "
                    + IssuanceChannel.SELF_SERVICE_TERMINAL);
        }
        s.halls().requireOwnHall(terminal, issuance.hallCode());
        s.halls().requireOwnCase(terminal, issuance.caseNumber());
        String json = s.bodies().canonicalJson(issuance);
        IssuanceReceipt receipt = issuances.issue(issuance, Bodies.sha256Hex(json.getBytes(StandardCharsets.UTF_8)),
                s.clock().instant());
        s.receipt(ctx, receipt.duplicate() ? 200 : 201, signed, receipt);
    }
}
