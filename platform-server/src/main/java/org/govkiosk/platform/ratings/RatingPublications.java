package org.govkiosk.platform.ratings;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import org.govkiosk.api.RatingPublication;
import org.govkiosk.platform.store.Database;

/** What each hall's published rating page shows beyond departments and items (clerk ids: off unless set). */
final class RatingPublications {

    private final Database db;
    private final Clock clock;

    RatingPublications(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    RatingPublication put(RatingPublication p) {
        db.inTransaction(c -> {
            if (RatingLedger.update(c, "UPDATE rating_publication SET show_clerks = ?, updated_by = ?, updated_at = ?"
                    + " WHERE hall_code = ?", p.showClerks(), p.updatedBy(), clock.millis(), p.hallCode()) == 0) {
                RatingLedger.update(c, "INSERT INTO rating_publication (hall_code, show_clerks, updated_by,"
                        + " updated_at) VALUES (?, ?, ?, ?)", p.hallCode(), p.showClerks(), p.updatedBy(),
                        clock.millis());
            }
            return null;
        });
        return p;
    }

    boolean showClerks(String hallCode) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT show_clerks FROM rating_publication"
                    + " WHERE hall_code = ?")) {
                ps.setString(1, hallCode);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() && rs.getBoolean(1);
                }
            }
        });
    }
}
