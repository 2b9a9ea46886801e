package org.govkiosk.platform.desk;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.govkiosk.platform.store.SessionRevocations;

/**
 * The desk's one seam of sign-in: {@link #who} says who sent a request, {@link #may} whether they may do an action
 * in a hall, {@link #csrf} the form token of their session. Today it is the fleet page's mechanism (the clerk token
 * typed once, a cookie of expiry, random id and HMAC keyed by the token, logout kept in {@link SessionRevocations});
 * the clerk also gives their name (or staff number) and window at sign-in, which the cookie carries under the MAC,
 * so a returned case or a ledger step says who did it. With the one shared token everyone may do everything in
 * every hall; staff accounts with roles and halls replace this class alone.
 */
final class DeskAuth {

    static final String COOKIE = "govkiosk_desk";
    static final int MAX_NAME = 64;

    /** Who is at the desk: the name and window given at sign-in, and the session (for its form token). */
    record Clerk(String name, String window, String session) {
    }

    private final Optional<byte[]> key;
    private final Clock clock;
    private final Duration lifetime;
    private final SessionRevocations revocations;
    private final SecureRandom random = new SecureRandom();

    DeskAuth(Optional<String> clerkToken, Clock clock, Duration lifetime, SessionRevocations revocations) {
        this.key = clerkToken.filter(t -> !t.isBlank()).map(t -> t.getBytes(StandardCharsets.UTF_8));
        this.clock = clock;
        this.lifetime = lifetime;
        this.revocations = revocations;
    }

    /** False when no clerk token is configured: the desk is off like the clerk endpoints. */
    boolean enabled() {
        return key.isPresent();
    }

    /** The signed-in clerk of the request, if its cookie is ours, unexpired and not logged out. */
    Optional<Clerk> who(Context ctx) {
        return parse(ctx.cookie(COOKIE)).filter(c -> !revocations.isRevoked(c.session()));
    }

    /** Whether {@code clerk} may do {@code action} in {@code hallCode} (null: not bound to a hall, the ledger). */
    boolean may(Clerk clerk, DeskAction action, String hallCode) {
        return clerk != null && enabled();
    }

    boolean tokenMatches(String given) {
        return key.isPresent() && given != null
                && MessageDigest.isEqual(given.strip().getBytes(StandardCharsets.UTF_8), key.get());
    }

    /** A new session's cookie value for {@code name} at {@code window} (blank: none). */
    String issue(String name, String window) {
        long expires = clock.instant().plus(lifetime).getEpochSecond();
        byte[] id = new byte[16];
        random.nextBytes(id);
        String body = expires + "." + b64(id) + "." + b64(name.getBytes(StandardCharsets.UTF_8)) + "."
                + b64(window.getBytes(StandardCharsets.UTF_8));
        return body + "." + mac("govkiosk-desk-session:" + body);
    }

    /** Ends the session of the request's cookie on the platform (logout), if it is one of ours. */
    void revoke(Context ctx) {
        String cookie = ctx.cookie(COOKIE);
        parse(cookie).ifPresent(c -> revocations.revoke(c.session(),
                Instant.ofEpochSecond(Long.parseLong(cookie.substring(0, cookie.indexOf('.'))))));
    }

    /** The form token of the clerk's session: every POST of the desk carries it (a cross-site form cannot). */
    String csrf(Clerk clerk) {
        return mac("govkiosk-desk-csrf:" + clerk.session());
    }

    boolean csrfMatches(Clerk clerk, String given) {
        return given != null && MessageDigest.isEqual(csrf(clerk).getBytes(StandardCharsets.US_ASCII),
                given.getBytes(StandardCharsets.US_ASCII));
    }

    Duration lifetime() {
        return lifetime;
    }

    private Optional<Clerk> parse(String cookie) {
        if (key.isEmpty() || cookie == null || cookie.length() > 512) {
            return Optional.empty();
        }
        String[] p = cookie.split("\\.", -1);
        if (p.length != 5 || p[1].isEmpty() || p[1].length() > 43) {
            return Optional.empty();
        }
        String body = p[0] + "." + p[1] + "." + p[2] + "." + p[3];
        if (!MessageDigest.isEqual(mac("govkiosk-desk-session:" + body).getBytes(StandardCharsets.US_ASCII),
                p[4].getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        try {
            if (clock.instant().getEpochSecond() >= Long.parseLong(p[0])) {
                return Optional.empty();
            }
            Base64.Decoder d = Base64.getUrlDecoder();
            return Optional.of(new Clerk(new String(d.decode(p[2]), StandardCharsets.UTF_8),
                    new String(d.decode(p[3]), StandardCharsets.UTF_8), p[1]));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private String mac(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.orElseThrow(), "HmacSHA256"));
            return b64(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
