package org.govkiosk.app.catalog;

/**
 * The item's time limits in working days: the legal one (法定时限) and the one the hall promises (承诺时限, never
 * longer). A promised limit of 0 means 即办: decided on the spot.
 */
public record TimeLimit(int legalDays, int promisedDays) {

    public TimeLimit {
        if (legalDays < 0 || promisedDays < 0 || promisedDays > legalDays) {
            throw new IllegalArgumentException("time limits: legal " + legalDays + ", promised " + promisedDays);
        }
    }

    public boolean onTheSpot() {
        return promisedDays == 0;
    }
}
