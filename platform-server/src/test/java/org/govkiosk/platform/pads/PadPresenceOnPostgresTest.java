package org.govkiosk.platform.pads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.govkiosk.platform.PostgresCluster;
import org.govkiosk.platform.store.Database;
import org.govkiosk.testkit.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Which pads stream from which instance, on PostgreSQL (issue 21): an instance's heartbeat stamps one row of its own,
 * never its thousands of streams; another instance counts them while that stamp is fresh and purges them once it is
 * three heartbeats old; a stream of an instance on the earlier version (no stamp row, its streams stamped one by one)
 * counts by its own stamp, so a rolling upgrade counts every pad.
 */
class PadPresenceOnPostgresTest {

    private static final Duration HEARTBEAT = Duration.ofSeconds(15);
    private static final WindowKey WINDOW = new WindowKey("HALL-1", "W-01");
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-06T09:00:00Z"));
    private Database db;

    @BeforeEach
    void database() throws Exception {
        assumeTrue(PostgresCluster.unavailableReason().isEmpty(),
                () -> "skipped: " + PostgresCluster.unavailableReason().orElse(""));
        db = Database.open(PostgresCluster.shared().createDatabase(), PostgresCluster.USER, null);
    }

    @AfterEach
    void close() {
        if (db != null) {
            db.close();
        }
    }

    private static PadConnection stream(String pad) {
        return new PadConnection(new PadBinding(pad, WINDOW.hallCode(), WINDOW.windowId()), null);
    }

    /** Every stream row's own stamp, in stream order. */
    private List<Long> streamStamps() {
        return db.inTransaction(c -> {
            List<Long> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT seen_at FROM pad_streams ORDER BY stream_id");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getLong(1));
                }
            }
            return out;
        });
    }

    @Test
    void anInstancesHeartbeatStampsItsOwnRowOnlyAndItsPadsCountUntilItIsThreeHeartbeatsSilent() {
        PadPresence a = new PadPresence(db, clock, HEARTBEAT);
        PadPresence b = new PadPresence(db, clock, HEARTBEAT);
        for (int i = 0; i < 50; i++) {
            a.opened(stream("PAD-A" + i));
        }
        b.opened(stream("PAD-B"));
        assertThat(b.elsewhere(WINDOW, Set.of())).as("counted at once, before any heartbeat").isEqualTo(50);
        assertThat(a.elsewhere(WINDOW, Set.of())).isEqualTo(1);
        List<Long> stamps = streamStamps();

        clock.advance(HEARTBEAT);
        a.refresh();
        b.refresh();
        assertThat(streamStamps()).as("no stream row written by a heartbeat").isEqualTo(stamps);
        clock.advance(HEARTBEAT.multipliedBy(2));
        b.refresh(); // A is silent from here: it died
        assertThat(b.elsewhere(WINDOW, Set.of())).as("A's stamp is two heartbeats old").isEqualTo(50);
        clock.advance(HEARTBEAT.plusSeconds(1));
        b.refresh();
        assertThat(b.elsewhere(WINDOW, Set.of())).as("A not seen for three heartbeats").isZero();
        assertThat(streamStamps()).as("A's streams purged, B's kept").hasSize(1);
        assertThat(a.elsewhere(WINDOW, Set.of())).as("B's pad counted by B's fresh stamp").isEqualTo(1);
    }

    @Test
    void aStreamOfAnInstanceOnTheEarlierVersionCountsByItsOwnStamp() {
        PadPresence b = new PadPresence(db, clock, HEARTBEAT);
        b.opened(stream("PAD-B"));
        // What the earlier version writes: its stream's row, stamped at each of its heartbeats, and no instance row.
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO pad_streams (stream_id, instance_id, pad_id,"
                    + " hall_code, window_id, seen_at) VALUES ('old-stream', 'old-instance', 'PAD-OLD', ?, ?, ?)")) {
                ps.setString(1, WINDOW.hallCode());
                ps.setString(2, WINDOW.windowId());
                ps.setLong(3, clock.millis());
                ps.executeUpdate();
            }
            return null;
        });
        assertThat(b.elsewhere(WINDOW, Set.of())).isEqualTo(1);
        assertThat(b.elsewhere(WINDOW, Set.of("PAD-OLD"))).as("a pad also streaming here counted once").isZero();
        clock.advance(HEARTBEAT.multipliedBy(3).plusSeconds(1));
        b.refresh();
        assertThat(b.elsewhere(WINDOW, Set.of())).as("its stamp three heartbeats old").isZero();
        assertThat(streamStamps()).as("the old stream purged, B's own kept (B stamped itself)").hasSize(1);
    }

    @Test
    void aStoppingInstanceTakesItsStreamsAndItsStampAway() {
        PadPresence a = new PadPresence(db, clock, HEARTBEAT);
        PadPresence b = new PadPresence(db, clock, HEARTBEAT);
        a.opened(stream("PAD-A"));
        assertThat(b.elsewhere(WINDOW, Set.of())).isEqualTo(1);
        a.closeAll();
        assertThat(b.elsewhere(WINDOW, Set.of())).isZero();
        int stamps = db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM pad_instances");
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        });
        assertThat(stamps).as("no stamp left behind").isZero();
    }
}
