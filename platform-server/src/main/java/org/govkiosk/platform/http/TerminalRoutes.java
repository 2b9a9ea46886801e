package org.govkiosk.platform.http;

import io.javalin.http.Context;
import java.time.Instant;
import org.govkiosk.api.ApiPaths;
import org.govkiosk.api.ErrorCodes;
import org.govkiosk.api.Heartbeat;
import org.govkiosk.api.HeartbeatReceipt;
import org.govkiosk.api.RegistrationReceipt;
import org.govkiosk.api.SignatureAlgorithm;
import org.govkiosk.api.TerminalKeys;
import org.govkiosk.api.TerminalRegistration;
import org.govkiosk.platform.store.TerminalStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Terminal registration and heartbeats. */
public final class TerminalRoutes {

    private static final Logger LOG = LoggerFactory.getLogger(TerminalRoutes.class);

    private final RouteSupport s;
    private final TerminalStore terminals;

    public TerminalRoutes(RouteSupport support, TerminalStore terminals) {
        this.s = support;
        this.terminals = terminals;
    }

    public void register(RouteTable app) {
        app.post(ApiPaths.TERMINALS, this::registerTerminal);
        app.post(ApiPaths.HEARTBEATS, this::heartbeat);
    }

    private void registerTerminal(Context ctx) {
        s.bodies().requireJson(ctx);
        TerminalRegistration r = s.bodies().json(s.bodies().read(ctx, s.maxBodyBytes()), TerminalRegistration.class);
        s.auth().enrolment(ctx, r.enrolmentToken());
        java.security.PublicKey key;
        try {
            key = TerminalKeys.decodePublic(r.publicKey());
        } catch (IllegalArgumentException e) {
            throw ApiException.client(400, ErrorCodes.INVALID_FIELD, "publicKey: " + e.getMessage());
        }
        SignatureAlgorithm required = s.receipts().algorithm();
        if (required == SignatureAlgorithm.SM2_SM3 && SignatureAlgorithm.of(key) != required) {
            // A platform run on the national suite (GB/T 39786) takes no terminal that signs otherwise.
            throw ApiException.client(400, ErrorCodes.INVALID_FIELD, "publicKey: this platform runs crypto-suite sm"
                    + " and registers SM2 keys only, not " + SignatureAlgorithm.of(key).wireName()
                    + " (set crypto-suite: sm in the terminal's storage section, with a fresh key store)");
        }
        // The key the terminal pins: from now on it confirms nothing that this key did not sign.
        RegistrationReceipt receipt = terminals.register(r, s.clock().instant())
                .withPlatformKey(TerminalKeys.encodePublic(s.receipts().publicKey()));
        if (!receipt.alreadyRegistered()) {
            LOG.info("Terminal {} registered for hall {}", r.terminalId(), r.hallCode());
        }
        Responses.json(ctx, 200, receipt);
    }

    private void heartbeat(Context ctx) {
        s.bodies().requireJson(ctx);
        RouteSupport.Signed signed = s.signed(ctx, s.maxBodyBytes());
        byte[] body = signed.body();
        String terminal = signed.terminal();
        Heartbeat h = s.bodies().json(body, Heartbeat.class);
        Auth.requireSame(terminal, h.terminalId());
        Instant now = s.clock().instant();
        terminals.heartbeat(h, now);
        Responses.json(ctx, 200, new HeartbeatReceipt(now));
    }
}
