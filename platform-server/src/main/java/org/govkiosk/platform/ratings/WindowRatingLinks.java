package org.govkiosk.platform.ratings;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.govkiosk.api.ApiPaths;
import org.govkiosk.api.WindowRatingLink;
import org.govkiosk.platform.store.Database;

/**
 * Window rating links (评价二维码 posted at a window, shown on its pad's idle screen): {@code base64url(GKW1 \n hall \n
 * window \n valid-until epoch seconds) . base64url(MAC)} under the rating links' key, so only the platform makes
 * them. The link names no contact: opened, it leads to the window's latest contact (a rating request of the last
 * {@link #RECENT}) that has no rating yet, as a contact link of its own; else a page says there is nothing to rate.
 */
final class WindowRatingLinks {

    /** A pad's link: valid a day, refreshed after 18 hours. */
    static final Duration PAD_VALIDITY = Duration.ofHours(24);
    static final Duration PAD_REFRESH = Duration.ofHours(18);
    /** A printed window card's link: valid a year. */
    static final Duration CARD_VALIDITY = Duration.ofDays(366);
    /** How far back the window's latest contact may lie. */
    static final Duration RECENT = Duration.ofHours(2);

    private static final String VERSION = "GKW1";
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    /** What a window token names. */
    record Window(String hallCode, String windowId, Instant validUntil) {
    }

    private final RatingLinks links;
    private final Database db;
    private final Clock clock;
    private final ZoneId zone;
    private final Supplier<String> baseUrl;
    private final UnaryOperator<LocalDate> lastDay;

    WindowRatingLinks(RatingLinks links, Database db, Clock clock, ZoneId zone, Supplier<String> baseUrl,
            UnaryOperator<LocalDate> lastDay) {
        this.links = links;
        this.db = db;
        this.clock = clock;
        this.zone = zone;
        this.baseUrl = baseUrl;
        this.lastDay = lastDay;
    }

    WindowRatingLink link(String hallCode, String windowId, Duration validity, Duration refresh) {
        Instant now = clock.instant();
        Instant until = now.plus(validity).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        String body = B64.encodeToString(String.join("\n", VERSION, hallCode, windowId,
                Long.toString(until.getEpochSecond())).getBytes(StandardCharsets.UTF_8));
        String token = body + "." + B64.encodeToString(links.mac(body));
        return new WindowRatingLink(hallCode, windowId, baseUrl.get() + ApiPaths.RATE_WINDOW_PAGE + "?t=" + token,
                until, now.plus(refresh));
    }

    /** The window a token names, when this platform signed it (validity is the caller's to check). */
    Optional<Window> verify(String token) {
        if (token == null || token.length() > RatingLinks.MAX_TOKEN_CHARS) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot <= 0 || dot != token.lastIndexOf('.')) {
            return Optional.empty();
        }
        String body = token.substring(0, dot);
        try {
            byte[] given = B64D.decode(token.substring(dot + 1));
            byte[] payload = B64D.decode(body);
            if (!B64.encodeToString(given).equals(token.substring(dot + 1)) || !B64.encodeToString(payload)
                    .equals(body) || !MessageDigest.isEqual(given, links.mac(body))) {
                return Optional.empty();
            }
            String[] f = new String(payload, StandardCharsets.UTF_8).split("\n", -1);
            if (f.length != 4 || !VERSION.equals(f[0]) || f[1].isEmpty() || f[2].isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new Window(f[1], f[2], Instant.ofEpochSecond(Long.parseLong(f[3]))));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The contact link of the window's latest contact of the last {@link #RECENT} not yet rated, if any. */
    Optional<String> currentContact(Window w) {
        long since = clock.instant().minus(RECENT).toEpochMilli();
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT p.case_number, p.service_sequence, p.item_code,"
                    + " p.requested_at FROM pad_rating_requests p WHERE p.hall_code = ? AND p.window_id = ?"
                    + " AND p.requested_at >= ? AND NOT EXISTS (SELECT 1 FROM ratings r WHERE r.case_number ="
                    + " p.case_number AND r.service_sequence = p.service_sequence)"
                    + " ORDER BY p.requested_at DESC, p.event_id DESC")) {
                ps.setString(1, w.hallCode());
                ps.setString(2, w.windowId());
                ps.setLong(3, since);
                ps.setMaxRows(1);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    LocalDate served = Instant.ofEpochMilli(rs.getLong(4)).atZone(zone).toLocalDate();
                    return Optional.of(links.token(new RatingLink(rs.getString(1), rs.getString(2), w.windowId(),
                            rs.getString(3), lastDay.apply(served), RatingLink.Source.QR)));
                }
            }
        });
    }

    /** The window a pad (a signed terminal) is bound to: hall and window, if any. */
    Optional<String[]> padWindow(String padId) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT hall_code, window_id FROM pad_windows"
                    + " WHERE pad_id = ?")) {
                ps.setString(1, padId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new String[] {rs.getString(1), rs.getString(2)})
                            : Optional.empty();
                }
            }
        });
    }
}
