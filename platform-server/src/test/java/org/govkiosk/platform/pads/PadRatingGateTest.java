package org.govkiosk.platform.pads;

import org.govkiosk.testkit.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.govkiosk.api.PadErrorCodes;
import org.govkiosk.api.PadRegistration;
import org.govkiosk.api.RatingChannel;
import org.govkiosk.api.RatingSubmission;
import org.govkiosk.api.TerminalKeys;
import org.govkiosk.api.TerminalRegistration;
import org.govkiosk.platform.http.ApiException;
import org.govkiosk.platform.store.Database;
import org.govkiosk.platform.store.TerminalStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The checks a window-pad rating passes before it is stored, on a real (H2) database. */
class PadRatingGateTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2025-03-03T02:00:00Z"));
    private Database db;
    private PadHub hub;
    private PadRatingGate gate;
    private RatingRequestService requests;

    @BeforeEach
    void open() {
        db = Database.open("jdbc:h2:mem:gate-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", null, null);
        TerminalStore terminals = new TerminalStore(db);
        for (String id : List.of("PAD-A", "PAD-B", "KIOSK-1")) {
            terminals.register(new TerminalRegistration(id, PadFixtures.HALL,
                    TerminalKeys.encodePublic(TerminalKeys.generate().getPublic()), "t", null, null), clock.instant());
        }
        PadDirectory directory = new PadDirectory(db);
        directory.register(new PadRegistration("PAD-A", PadFixtures.HALL, "W-01"), clock.instant());
        directory.register(new PadRegistration("PAD-B", PadFixtures.HALL, "W-02"), clock.instant());
        hub = new PadHub(Duration.ofMinutes(1));
        requests = new RatingRequestService(new RatingRequestStore(db), hub, clock, Duration.ofMinutes(5), false);
        gate = new PadRatingGate(directory, requests);
        requests.request(PadFixtures.request("W-01", "CASE-1", "1"));
    }

    @AfterEach
    void close() {
        hub.close();
        db.close();
    }

    private RatingSubmission rating(String terminal, String window, String clerk, String caseNumber,
            RatingChannel channel) {
        return new RatingSubmission(UUID.randomUUID().toString(), caseNumber, "1", "ITEM-001", PadFixtures.HALL,
                terminal, window, clerk, channel, 1, Map.of(), List.of("SERVICE_ATTITUDE"), null, false,
                clock.instant());
    }

    private static String code(Runnable r) {
        try {
            r.run();
            return "passed";
        } catch (ApiException e) {
            return e.status() + " " + e.error().code();
        }
    }

    @Test
    void aPadMayRateWhatItsWindowWasAskedFor() {
        assertThat(code(() -> gate.check("PAD-A", rating("PAD-A", "W-01", "CLERK-7", "CASE-1",
                RatingChannel.WINDOW_PAD)))).isEqualTo("passed");
    }

    @Test
    void aRatingForACaseNoRequestNamedIsRefused() {
        assertThat(code(() -> gate.check("PAD-A", rating("PAD-A", "W-01", "CLERK-7", "CASE-UNKNOWN",
                RatingChannel.WINDOW_PAD)))).isEqualTo("409 " + PadErrorCodes.UNKNOWN_RATING_REQUEST);
    }

    @Test
    void aPadOfAnotherWindowCannotRateThisWindowsCase() {
        assertThat(code(() -> gate.check("PAD-B", rating("PAD-B", "W-02", "CLERK-7", "CASE-1",
                RatingChannel.WINDOW_PAD)))).isEqualTo("409 " + PadErrorCodes.UNKNOWN_RATING_REQUEST);
    }

    @Test
    void anotherClerkOrWindowThanRequestedIsRefused() {
        assertThat(code(() -> gate.check("PAD-A", rating("PAD-A", "W-01", "CLERK-8", "CASE-1",
                RatingChannel.WINDOW_PAD)))).isEqualTo("409 " + PadErrorCodes.RATING_REQUEST_MISMATCH);
        assertThat(code(() -> gate.check("PAD-A", rating("PAD-A", "W-07", "CLERK-7", "CASE-1",
                RatingChannel.WINDOW_PAD)))).isEqualTo("409 " + PadErrorCodes.RATING_REQUEST_MISMATCH);
    }

    @Test
    void aTerminalThatIsNoPadCannotSendWindowRatingsButRatesAtTheTerminal() {
        assertThat(code(() -> gate.check("KIOSK-1", rating("KIOSK-1", "W-01", "CLERK-7", "CASE-1",
                RatingChannel.WINDOW_PAD)))).isEqualTo("403 " + PadErrorCodes.PAD_NOT_REGISTERED);
        assertThat(code(() -> gate.check("KIOSK-1", rating("KIOSK-1", null, null, "CASE-9",
                RatingChannel.SELF_SERVICE_TERMINAL)))).isEqualTo("passed");
    }

    @Test
    void aRequestSupersededWhileTheCitizenRatedStillCounts() {
        requests.request(PadFixtures.request("W-01", "CASE-2", "1"));
        assertThat(code(() -> gate.check("PAD-A", rating("PAD-A", "W-01", "CLERK-7", "CASE-1",
                RatingChannel.WINDOW_PAD)))).isEqualTo("passed");
    }

    @Test
    void acceptedClosesTheOpenRequest() {
        RatingSubmission r = rating("PAD-A", "W-01", "CLERK-7", "CASE-1", RatingChannel.WINDOW_PAD);
        gate.accepted(r, new org.govkiosk.api.RatingReceipt("R1", "CASE-1", "1", clock.instant(), false));
        assertThat(requests.requestsFor("CASE-1", "1")).singleElement()
                .extracting(StoredRequest::state).isEqualTo(StoredRequest.State.RATED);
    }
}
