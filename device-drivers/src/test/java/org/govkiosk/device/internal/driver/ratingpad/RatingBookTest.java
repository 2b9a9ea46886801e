package org.govkiosk.device.internal.driver.ratingpad;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.govkiosk.device.internal.codec.ratingpad.KeyPress;
import org.govkiosk.device.internal.driver.ratingpad.RatingBook.KeyDecision;
import org.junit.jupiter.api.Test;

/** The key-press rules on their own, with a hand-moved time. */
class RatingBookTest {

    private final RatingBook book = new RatingBook(Duration.ofMillis(400));
    private Instant now = Instant.parse("2026-01-05T09:00:00Z");

    private KeyDecision press(String id, int level) {
        return book.keyPressed(new KeyPress(id, level), now);
    }

    private void wait(int ms) {
        now = now.plusMillis(ms);
    }

    @Test
    void theCurrentRequestIsRatedOnceThenRepeatsAreIgnored() {
        book.replace("A");
        book.shown("A");

        assertThat(press("A", 5)).isEqualTo(KeyDecision.ACCEPTED);
        wait(1000);
        assertThat(press("A", 1)).isEqualTo(KeyDecision.REPEATED);
        assertThat(book.current()).isEmpty();
        assertThat(book.wasRated("A")).isTrue();
    }

    @Test
    void pressesWithoutAnOpenRequestAreIgnored() {
        assertThat(press("A", 3)).isEqualTo(KeyDecision.NO_OPEN_REQUEST);
        book.replace("B");
        assertThat(press("A", 3)).isEqualTo(KeyDecision.NO_OPEN_REQUEST);
        book.cancelCurrent();
        assertThat(press("B", 3)).isEqualTo(KeyDecision.NO_OPEN_REQUEST);
    }

    @Test
    void aPressBeforeTheAckArrivesStillRates() {
        book.replace("A");

        assertThat(press("A", 4)).isEqualTo(KeyDecision.ACCEPTED);
        assertThat(book.shown("A")).as("the late ACK opens nothing").isFalse();
    }

    @Test
    void tapsWithinTheDebounceWindowAreBouncesEvenForTheNextRequest() {
        book.replace("A");
        assertThat(press("A", 5)).isEqualTo(KeyDecision.ACCEPTED);
        book.replace("B");
        book.shown("B");

        wait(150);
        assertThat(press("A", 5)).isEqualTo(KeyDecision.BOUNCE);
        assertThat(press("B", 5)).as("the previous citizen still tapping").isEqualTo(KeyDecision.BOUNCE);
        wait(300);
        assertThat(press("B", 2)).isEqualTo(KeyDecision.ACCEPTED);
    }

    @Test
    void aNewerRequestDisplacesTheOlderOne() {
        assertThat(book.replace("A")).isEmpty();
        assertThat(book.replace("B")).contains("A");
        assertThat(book.replace("B")).as("the same request again displaces nothing").isEmpty();
        assertThat(book.shown("A")).isFalse();
        assertThat(book.shown("B")).isTrue();
        assertThat(book.isShown()).isTrue();
        assertThat(press("A", 3)).isEqualTo(KeyDecision.NO_OPEN_REQUEST);
    }

    @Test
    void aStuckKeyRatesNothingButTheOtherKeysDo() {
        book.stuckKey(5);
        book.replace("A");

        assertThat(press("A", 5)).isEqualTo(KeyDecision.STUCK_KEY);
        assertThat(press("A", 4)).isEqualTo(KeyDecision.ACCEPTED);
        book.stuckKey(0);
        book.replace("B");
        wait(1000);
        assertThat(press("B", 5)).isEqualTo(KeyDecision.ACCEPTED);
    }

    @Test
    void cancelOnlyEndsTheRequestItNames() {
        book.replace("A");

        assertThat(book.cancel("B")).isFalse();
        assertThat(book.current()).contains("A");
        assertThat(book.cancel("A")).isTrue();
        assertThat(book.cancelCurrent()).isEmpty();
    }

    @Test
    void onlyTheLatestRatedRequestsAreRemembered() {
        for (int i = 0; i <= RatingBook.REMEMBERED; i++) {
            book.replace("R" + i);
            wait(1000);
            assertThat(press("R" + i, 3)).isEqualTo(KeyDecision.ACCEPTED);
        }
        wait(1000);
        assertThat(press("R0", 3)).as("forgotten: a stray press now").isEqualTo(KeyDecision.NO_OPEN_REQUEST);
        assertThat(press("R1", 3)).isEqualTo(KeyDecision.REPEATED);
    }
}
