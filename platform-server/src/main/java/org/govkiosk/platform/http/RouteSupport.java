package org.govkiosk.platform.http;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * What every route class needs.
 *
 * @param maxBodyBytes        limit of a JSON request body
 * @param maxCertificateBytes limit of an uploaded certificate PDF
 * @param zone                the hall's time zone: "today" for promised dates and overdue flags
 * @param halls               which cases a terminal may act on (its own hall's)
 */
public record RouteSupport(Bodies bodies, Auth auth, Clock clock, ZoneId zone, long maxBodyBytes,
        long maxCertificateBytes, Halls halls) {

    public LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }
}
