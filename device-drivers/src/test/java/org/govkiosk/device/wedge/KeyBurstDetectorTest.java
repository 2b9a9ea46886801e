package org.govkiosk.device.wedge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class KeyBurstDetectorTest {

    private static final long MS = 1_000_000L;

    private final KeyBurstDetector detector = new KeyBurstDetector(4, 50 * MS);
    private long now = 1_000 * MS;

    /** Types {@code text} with {@code gapMs} between keys, then Enter after the same gap; returns what Enter gave. */
    private Optional<String> type(String text, long gapMs) {
        for (char c : text.toCharArray()) {
            assertThat(detector.feed(c, now)).isEmpty();
            now += gapMs * MS;
        }
        return detector.feed('\r', now);
    }

    @Test
    void aFastBurstEndedByEnterIsAScan() {
        assertThat(type("GK1234567890", 8)).contains("GK1234567890");
        assertThat(detector.pendingLength()).isZero();
    }

    @Test
    void personTypingIsNotAScan() {
        assertThat(type("13800138000", 180)).isEmpty();
    }

    @Test
    void aBurstShorterThanTheMinimumIsNotAScan() {
        assertThat(type("abc", 5)).isEmpty();
    }

    @Test
    void slowKeysBeforeABurstAreNotPartOfTheCode() {
        // A person typed "13" slowly, then the scanner fired: only the burst is the code.
        assertThat(detector.feed('1', now)).isEmpty();
        now += 400 * MS;
        assertThat(detector.feed('3', now)).isEmpty();
        now += 400 * MS;
        assertThat(type("CODE-XYZ", 5)).contains("CODE-XYZ");
    }

    @Test
    void aPauseBeforeEnterMeansTyping() {
        for (char c : "GK123456".toCharArray()) {
            detector.feed(c, now);
            now += 5 * MS;
        }
        now += 500 * MS;
        assertThat(detector.feed('\n', now)).isEmpty();
    }

    @Test
    void controlKeysBreakABurst() {
        for (char c : "GK12".toCharArray()) {
            detector.feed(c, now);
            now += 5 * MS;
        }
        detector.feed('\b', now);
        now += 5 * MS;
        assertThat(type("34", 5)).isEmpty();
    }

    @Test
    void chineseAndLongCodesPassWhole() {
        assertThat(type("电子证照:440305199001011234", 3)).contains("电子证照:440305199001011234");
    }

    @Test
    void aRunawayBurstIsCappedAndRefused() {
        String huge = "X".repeat(KeyBurstDetector.MAX_LENGTH + 10);
        assertThat(type(huge, 1)).isEmpty();
        assertThat(detector.pendingLength()).isZero();
        assertThat(type("AFTER-1", 1)).contains("AFTER-1");
    }
}
