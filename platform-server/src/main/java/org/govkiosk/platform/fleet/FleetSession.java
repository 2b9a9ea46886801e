package org.govkiosk.platform.fleet;

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
 * The browser's way in: the clerk token is typed once into the login form, and the browser keeps a cookie that
 * proves it without being the token (expiry + HMAC keyed by the token). The token itself never sits in a cookie
 * or a URL, a stolen cookie ends at its expiry or at the logout of its session (a revocation kept in the database),
 * and changing the clerk token ends every session.
 */
final class FleetSession {

    static final String COOKIE = "govkiosk_fleet";

    private final Optional<byte[]> key;
    private final Clock clock;
    private final Duration lifetime;
    private final SessionRevocations revocations;
    private final SecureRandom random = new SecureRandom();

    FleetSession(Optional<String> clerkToken, Clock clock, Duration lifetime, SessionRevocations revocations) {
        this.key = clerkToken.filter(t -> !t.isBlank()).map(t -> t.getBytes(StandardCharsets.UTF_8));
        this.clock = clock;
        this.lifetime = lifetime;
        this.revocations = revocations;
    }

    /** A session's cookie taken apart: its expiry (epoch seconds) and random id. */
    private record Parsed(long expires, String id) {
    }

    /** False when no clerk token is configured: the page is off like the clerk endpoints. */
    boolean enabled() {
        return key.isPresent();
    }

    boolean tokenMatches(String given) {
        return key.isPresent() && given != null
                && MessageDigest.isEqual(given.strip().getBytes(StandardCharsets.UTF_8), key.get());
    }

    /** A new cookie value, {@code expires.id.mac}, valid for the session lifetime from now. */
    String issue() {
        long expires = clock.instant().plus(lifetime).getEpochSecond();
        byte[] id = new byte[16];
        random.nextBytes(id);
        String session = Base64.getUrlEncoder().withoutPadding().encodeToString(id);
        return expires + "." + session + "." + mac(expires, session);
    }

    boolean valid(String cookie) {
        Parsed p = authentic(cookie);
        return p != null && clock.instant().getEpochSecond() < p.expires() && !revocations.isRevoked(p.id());
    }

    /** Ends the session of {@code cookie} on the platform (logout), if it is one of ours. */
    void revoke(String cookie) {
        Parsed p = authentic(cookie);
        if (p != null && clock.instant().getEpochSecond() < p.expires()) {
            revocations.revoke(p.id(), Instant.ofEpochSecond(p.expires()));
        }
    }

    private Parsed authentic(String cookie) {
        if (key.isEmpty() || cookie == null) {
            return null;
        }
        String[] parts = cookie.split("\\.", -1);
        if (parts.length != 3 || parts[1].isEmpty() || parts[1].length() > 43) {
            return null;
        }
        long expires;
        try {
            expires = Long.parseLong(parts[0]);
        } catch (NumberFormatException e) {
            return null;
        }
        boolean authentic = MessageDigest.isEqual(mac(expires, parts[1]).getBytes(StandardCharsets.US_ASCII),
                parts[2].getBytes(StandardCharsets.US_ASCII));
        return authentic ? new Parsed(expires, parts[1]) : null;
    }

    Duration lifetime() {
        return lifetime;
    }

    private String mac(long expires, String session) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.orElseThrow(), "HmacSHA256"));
            byte[] tag = mac.doFinal(("govkiosk-fleet-session:" + expires + ":" + session)
                    .getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(tag);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
