package org.govkiosk.platform.ratings;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.govkiosk.platform.store.Database;
import org.govkiosk.platform.store.StorageException;

/**
 * Signs and checks rating links. The token is {@code base64url(GKR1 \n case \n sequence \n window \n item \n
 * yyyy-MM-dd \n source) . base64url(HMAC-SHA256 truncated to 128 bits)} under a key only the platform holds (in
 * {@code platform_keys}, shared by every instance on the database, made on the first start): a terminal, a printer
 * or a phone can carry a link but cannot make or alter one. Truncated to 128 bits to keep the receipt's QR code
 * small enough for a 58 mm printer; a forger still has to guess 128 bits.
 */
final class RatingLinks {

    static final int MAX_TOKEN_CHARS = 600;
    private static final String VERSION = "GKR1";
    private static final String KEY_NAME = "rating-link";
    private static final int MAC_BYTES = 16;
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    private final byte[] key;
    private final Supplier<String> baseUrl;

    RatingLinks(byte[] key, Supplier<String> baseUrl) {
        this.key = key.clone();
        this.baseUrl = baseUrl;
    }

    /** With the database's link key, made (and stored for the other instances) if there is none yet. */
    static RatingLinks of(Database db, Instant now, Supplier<String> baseUrl) {
        return new RatingLinks(key(db, now), baseUrl);
    }

    /** The page's address with the signed token, for a QR code or an SMS. */
    String url(RatingLink link) {
        return baseUrl.get() + org.govkiosk.api.ApiPaths.RATE_PAGE + "?t=" + token(link);
    }

    String token(RatingLink link) {
        String payload = String.join("\n", VERSION, link.caseNumber(), link.serviceSequence(),
                link.windowId() == null ? "" : link.windowId(), link.itemCode(), link.lastDay().toString(),
                String.valueOf(link.source().code));
        String body = B64.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        return body + "." + B64.encodeToString(mac(body));
    }

    /**
     * @return the link, when this platform signed the token and nothing in it was changed (the last day is the
     *     caller's to check: an expired link is genuine, and says so)
     */
    Optional<RatingLink> verify(String token) {
        if (token == null || token.length() > MAX_TOKEN_CHARS) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot <= 0 || dot != token.lastIndexOf('.')) {
            return Optional.empty();
        }
        String body = token.substring(0, dot);
        byte[] given;
        byte[] payload;
        try {
            given = B64D.decode(token.substring(dot + 1));
            payload = B64D.decode(body);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        // One spelling per token: base64 whose unused bits were changed decodes alike, and is refused all the same.
        if (!B64.encodeToString(given).equals(token.substring(dot + 1)) || !B64.encodeToString(payload).equals(body)) {
            return Optional.empty();
        }
        if (!MessageDigest.isEqual(given, mac(body))) {
            return Optional.empty();
        }
        String[] f = new String(payload, StandardCharsets.UTF_8).split("\n", -1);
        if (f.length != 7 || !VERSION.equals(f[0])) {
            return Optional.empty();
        }
        try {
            return Optional.of(new RatingLink(f[1], f[2], f[3], f[4], LocalDate.parse(f[5]),
                    RatingLink.Source.of(f[6])));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    byte[] mac(String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Arrays.copyOf(mac.doFinal(body.getBytes(StandardCharsets.US_ASCII)), MAC_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static byte[] key(Database db, Instant now) {
        for (int attempt = 1; ; attempt++) {
            Optional<byte[]> known = db.inTransaction(c -> {
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT private_key FROM platform_keys WHERE name = ?")) {
                    ps.setString(1, KEY_NAME);
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next() ? Optional.of(Base64.getDecoder().decode(rs.getString(1)))
                                : Optional.<byte[]>empty();
                    }
                }
            });
            if (known.isPresent()) {
                return known.get();
            }
            byte[] fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
            try {
                db.inTransaction(c -> {
                    try (PreparedStatement ps = c.prepareStatement("INSERT INTO platform_keys (name, private_key,"
                            + " public_key, created_at) VALUES (?, ?, ?, ?)")) {
                        ps.setString(1, KEY_NAME);
                        ps.setString(2, Base64.getEncoder().encodeToString(fresh));
                        ps.setString(3, "hmac-sha256");
                        ps.setLong(4, now.toEpochMilli());
                        ps.executeUpdate();
                    }
                    return null;
                });
                return fresh;
            } catch (StorageException e) {
                if (attempt >= 5) {
                    throw e;
                }
                // Another instance made it at the same moment: read theirs.
            }
        }
    }
}
