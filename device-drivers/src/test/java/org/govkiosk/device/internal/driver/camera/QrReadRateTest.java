package org.govkiosk.device.internal.driver.camera;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.govkiosk.device.internal.driver.camera.frames.QrFrameSet;
import org.govkiosk.device.internal.driver.camera.frames.QrFrameSet.Kind;
import org.govkiosk.device.internal.driver.camera.frames.QrFrameSet.Labelled;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 19: the camera decoder on a small fixed-seed set of generated kiosk-like frames (4 of each kind, a seed
 * of its own, neither the tuning nor the held-out set of scripts/bench-qr.sh). Each kind must give at least the
 * codes stated below (set a little below what the decoder reads today); no frame may give a payload that is not
 * on it, so a forged code (finder patterns around random modules) and the empty frames give nothing. No timings:
 * the time per frame is the benchmark's.
 */
class QrReadRateTest {

    private static final long SEED = 0x7E57_5E7L;
    private static final int PER_KIND = 4;

    /**
     * Codes to read at least, per kind, of the codes on its 4 frames (multi: 13 codes); what the decoder read when
     * this was set is in the comment. Curved paper: none of these four is read (the held-out figures are in
     * device-drivers/docs/qr-read-rate.md), so only the no-false-payload rule holds there.
     */
    private static final Map<Kind, Integer> AT_LEAST = new EnumMap<>(Map.ofEntries(
            Map.entry(Kind.SCREEN_MOIRE, 3), // 4
            Map.entry(Kind.DARK_MODE, 3), // 4
            Map.entry(Kind.TILT, 3), // 4
            Map.entry(Kind.MOTION_BLUR, 2), // 3
            Map.entry(Kind.DEFOCUS, 3), // 4
            Map.entry(Kind.GLARE, 2), // 3
            Map.entry(Kind.FADED, 1), // 1
            Map.entry(Kind.CURVED, 0), // 0
            Map.entry(Kind.FINGER, 3), // 4
            Map.entry(Kind.MULTI, 11), // 13
            Map.entry(Kind.SMALL, 1), // 2
            Map.entry(Kind.LOW_CONTRAST, 3), // 4
            Map.entry(Kind.NOISE_JPEG, 3), // 4
            Map.entry(Kind.EMPTY_HALL, 0), Map.entry(Kind.EMPTY_TEXT, 0), Map.entry(Kind.EMPTY_BLOBS, 0)));

    private static final Map<Kind, int[]> READ = new EnumMap<>(Kind.class);
    private static final Map<Kind, Set<String>> FALSE = new EnumMap<>(Kind.class);

    @BeforeAll
    static void decodeTheSet() {
        QrImageDecoder decoder = new QrImageDecoder();
        for (Kind k : Kind.values()) {
            int[] counts = new int[2];
            Set<String> wrong = new HashSet<>();
            for (int i = 0; i < PER_KIND; i++) {
                Labelled f = QrFrameSet.frame(SEED, k, i);
                List<String> got = decoder.decode(f.image()).stream().map(DecodedCode::text).toList();
                counts[0] += f.payloads().size();
                for (String p : got) {
                    if (f.payloads().contains(p)) {
                        counts[1]++;
                    } else {
                        wrong.add(f.id() + ": " + p.length() + " characters");
                    }
                }
                assertThat(got).as("each payload once on %s", f.id()).doesNotHaveDuplicates();
            }
            READ.put(k, counts);
            FALSE.put(k, wrong);
            System.out.printf("%-14s read %d of %d%n", k.label(), counts[1], counts[0]);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Kind.class)
    void readsAtLeastTheStatedCodesOfEachKind(Kind kind) {
        int[] counts = READ.get(kind);
        assertThat(counts[1]).as("codes read of the %d on the %s frames", counts[0], kind.label())
                .isGreaterThanOrEqualTo(AT_LEAST.get(kind));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Kind.class)
    void reportsNoPayloadThatIsNotOnTheFrame(Kind kind) {
        assertThat(FALSE.get(kind)).as("payloads not on the frame").isEmpty();
    }

    @Test
    void theEmptyFramesHoldNoCodeAndTheOthersDo() {
        for (Kind k : Kind.values()) {
            assertThat(READ.get(k)[0] == 0).as(k.label()).isEqualTo(k.empty());
        }
    }

    /**
     * A forged code on every blobs frame (finder patterns and timing lines around random modules, which pass the
     * gate and reach every costly pass): six more of them, none reported.
     */
    @Test
    void aForgedCodeIsNeverReported() {
        QrImageDecoder decoder = new QrImageDecoder();
        for (int i = 0; i < 6; i++) {
            Labelled f = QrFrameSet.frame(SEED + 1, Kind.EMPTY_BLOBS, i);
            assertThat(decoder.decode(f.image())).as(f.id()).isEmpty();
        }
    }
}
