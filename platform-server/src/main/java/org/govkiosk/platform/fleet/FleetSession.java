package org.govkiosk.platform.fleet;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The browser's way in: the clerk token is typed once into the login form, and the browser keeps a cookie that
 * proves it without being the token (expiry + HMAC keyed by the token). The token itself never sits in a cookie
 * or a URL, a stolen cookie ends at its expiry, and changing the clerk token ends every session.
 */
final class FleetSession {

    static final String COOKIE = "govkiosk_fleet";

    private final Optional<byte[]> key;
    private final Clock clock;
    private final Duration lifetime;

    FleetSession(Optional<String> clerkToken, Clock clock, Duration lifetime) {
        this.key = clerkToken.filter(t -> !t.isBlank()).map(t -> t.getBytes(StandardCharsets.UTF_8));
        this.clock = clock;
        this.lifetime = lifetime;
    }

    /** False when no clerk token is configured: the page is off like the clerk endpoints. */
    boolean enabled() {
        return key.isPresent();
    }

    boolean tokenMatches(String given) {
        return key.isPresent() && given != null
                && MessageDigest.isEqual(given.strip().getBytes(StandardCharsets.UTF_8), key.get());
    }

    /** A new cookie value, valid for the session lifetime from now. */
    String issue() {
        long expires = clock.instant().plus(lifetime).getEpochSecond();
        return expires + "." + mac(expires);
    }

    boolean valid(String cookie) {
        if (key.isEmpty() || cookie == null) {
            return false;
        }
        int dot = cookie.indexOf('.');
        if (dot <= 0) {
            return false;
        }
        long expires;
        try {
            expires = Long.parseLong(cookie.substring(0, dot));
        } catch (NumberFormatException e) {
            return false;
        }
        boolean authentic = MessageDigest.isEqual(mac(expires).getBytes(StandardCharsets.US_ASCII),
                cookie.substring(dot + 1).getBytes(StandardCharsets.US_ASCII));
        return authentic && clock.instant().getEpochSecond() < expires;
    }

    Duration lifetime() {
        return lifetime;
    }

    private String mac(long expires) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.orElseThrow(), "HmacSHA256"));
            byte[] tag = mac.doFinal(("govkiosk-fleet-session:" + expires).getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(tag);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
