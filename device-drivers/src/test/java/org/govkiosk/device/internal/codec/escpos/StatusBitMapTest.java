package org.govkiosk.device.internal.codec.escpos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class StatusBitMapTest {

    private final StatusBitMap generic = StatusBitMap.generic();

    /** Status bytes as the ESC/POS reference lists them, one condition each. */
    static Stream<Arguments> genericFixtures() {
        return Stream.of(
                Arguments.of(StatusRequest.PRINTER, 0x16, PrinterCondition.DRAWER_PIN_HIGH),
                Arguments.of(StatusRequest.PRINTER, 0x1A, PrinterCondition.OFFLINE),
                Arguments.of(StatusRequest.PRINTER, 0x32, PrinterCondition.WAITING_FOR_RECOVERY),
                Arguments.of(StatusRequest.PRINTER, 0x52, PrinterCondition.FEED_BUTTON_PRESSED),
                Arguments.of(StatusRequest.OFFLINE_CAUSE, 0x16, PrinterCondition.COVER_OPEN),
                Arguments.of(StatusRequest.OFFLINE_CAUSE, 0x1A, PrinterCondition.PAPER_FEEDING),
                Arguments.of(StatusRequest.OFFLINE_CAUSE, 0x32, PrinterCondition.PAPER_END_STOP),
                Arguments.of(StatusRequest.OFFLINE_CAUSE, 0x52, PrinterCondition.ERROR),
                Arguments.of(StatusRequest.ERROR_CAUSE, 0x16, PrinterCondition.RECOVERABLE_ERROR),
                Arguments.of(StatusRequest.ERROR_CAUSE, 0x1A, PrinterCondition.CUTTER_ERROR),
                Arguments.of(StatusRequest.ERROR_CAUSE, 0x32, PrinterCondition.UNRECOVERABLE_ERROR),
                Arguments.of(StatusRequest.ERROR_CAUSE, 0x52, PrinterCondition.AUTO_RECOVERABLE_ERROR),
                Arguments.of(StatusRequest.PAPER_SENSOR, 0x1E, PrinterCondition.PAPER_NEAR_END),
                Arguments.of(StatusRequest.PAPER_SENSOR, 0x72, PrinterCondition.PAPER_OUT));
    }

    @ParameterizedTest(name = "DLE EOT {0}: 0x{1} -> {2}")
    @MethodSource("genericFixtures")
    void eachGenericConditionDecodesFromItsFixtureByte(StatusRequest request, int value, PrinterCondition expected) {
        StatusAnswer answer = generic.decode(request, value);

        assertThat(answer).isInstanceOf(StatusAnswer.Valid.class);
        assertThat(((StatusAnswer.Valid) answer).conditions()).containsExactly(expected);
        assertThat(generic.encode(request, Set.of(expected))).isEqualTo(value);
    }

    @ParameterizedTest
    @EnumSource(StatusRequest.class)
    void theIdleByteReportsNothing(StatusRequest request) {
        assertThat(generic.decode(request, 0x12))
                .isEqualTo(new StatusAnswer.Valid(request, 0x12, Set.of()));
    }

    @Test
    void aConditionOfAnotherRequestIsNotReadFromThisOne() {
        // 0x1E on n=1 is drawer + offline, not paper near end (that is n=4).
        StatusAnswer.Valid answer = (StatusAnswer.Valid) generic.decode(StatusRequest.PRINTER, 0x1E);
        assertThat(answer.conditions()).containsExactlyInAnyOrder(PrinterCondition.DRAWER_PIN_HIGH,
                PrinterCondition.OFFLINE);
    }

    @Test
    void eitherBitOfATwoBitSensorCounts() {
        assertThat(((StatusAnswer.Valid) generic.decode(StatusRequest.PAPER_SENSOR, 0x16)).conditions())
                .containsExactly(PrinterCondition.PAPER_NEAR_END);
        assertThat(((StatusAnswer.Valid) generic.decode(StatusRequest.PAPER_SENSOR, 0x52)).conditions())
                .containsExactly(PrinterCondition.PAPER_OUT);
    }

    @Test
    void everyValidByteKeepsItsConditionsThroughEncodeAndDecode() {
        for (StatusRequest request : StatusRequest.values()) {
            for (int b = 0; b < 256; b++) {
                StatusAnswer answer = generic.decode(request, b);
                if (answer instanceof StatusAnswer.Valid valid) {
                    // Not byte-exact: a two-bit sensor encodes both bits, whichever one was read.
                    int encoded = generic.encode(request, valid.conditions());
                    assertThat(((StatusAnswer.Valid) generic.decode(request, encoded)).conditions())
                            .as("n=%d 0x%02X", request.n(), b).isEqualTo(valid.conditions());
                }
            }
        }
    }

    @ParameterizedTest(name = "0x{0} is no status byte")
    @ValueSource(ints = {0x00, 0xFF, 0x13, 0x92, 0x02, 0x10, 0x11, 0x93, 0x0A})
    void bytesWithWrongFixedBitsAreRejected(int value) {
        StatusAnswer answer = generic.decode(StatusRequest.PAPER_SENSOR, value);

        assertThat(answer).isInstanceOf(StatusAnswer.Invalid.class);
        assertThat(((StatusAnswer.Invalid) answer).reason()).contains("no status byte");
    }

    @Test
    void exactlyOneSixteenthOfAllBytesPassTheFixedBitCheck() {
        long valid = java.util.stream.IntStream.range(0, 256)
                .filter(b -> generic.decode(StatusRequest.PRINTER, b) instanceof StatusAnswer.Valid).count();
        assertThat(valid).isEqualTo(16);
    }

    @Test
    void printerStatusCombinesAnswersAndNamesTheConditions() {
        PrinterStatus s = PrinterStatus.of(java.util.List.of(
                (StatusAnswer.Valid) generic.decode(StatusRequest.PRINTER, 0x1A),
                (StatusAnswer.Valid) generic.decode(StatusRequest.OFFLINE_CAUSE, 0x36),
                (StatusAnswer.Valid) generic.decode(StatusRequest.ERROR_CAUSE, 0x12),
                (StatusAnswer.Valid) generic.decode(StatusRequest.PAPER_SENSOR, 0x7E)));

        assertThat(s.online()).isFalse();
        assertThat(s.coverOpen()).isTrue();
        assertThat(s.paperOut()).isTrue();
        assertThat(s.paperNearEnd()).isTrue();
        assertThat(s.cutterError()).isFalse();
        assertThat(s.error()).isFalse();
        assertThat(s.answered()).containsExactlyInAnyOrder(StatusRequest.values());
    }

    @Test
    void aCustomMapMovesAConditionToAnotherBit() {
        StatusBitMap.Parsed parsed = StatusBitMap.fromOptions(Map.of(
                "status-map.paper-near-end", "4:0x08",
                "status-map.cover-open", "1:0b100000",
                "terminator", "ignored: not a status-map key"));

        assertThat(parsed.errors()).isEmpty();
        StatusBitMap custom = parsed.map();
        // Bit 2 of n=4 alone means near end for the generic map, nothing for this model.
        assertThat(((StatusAnswer.Valid) generic.decode(StatusRequest.PAPER_SENSOR, 0x16)).conditions())
                .containsExactly(PrinterCondition.PAPER_NEAR_END);
        assertThat(((StatusAnswer.Valid) custom.decode(StatusRequest.PAPER_SENSOR, 0x16)).conditions()).isEmpty();
        assertThat(((StatusAnswer.Valid) custom.decode(StatusRequest.PAPER_SENSOR, 0x1A)).conditions())
                .containsExactly(PrinterCondition.PAPER_NEAR_END);
        assertThat(((StatusAnswer.Valid) custom.decode(StatusRequest.PRINTER, 0x32)).conditions())
                .containsExactlyInAnyOrder(PrinterCondition.COVER_OPEN, PrinterCondition.WAITING_FOR_RECOVERY);
        assertThat(((StatusAnswer.Valid) custom.decode(StatusRequest.OFFLINE_CAUSE, 0x16)).conditions()).isEmpty();
        assertThat(custom.encode(StatusRequest.PAPER_SENSOR, EnumSet.of(PrinterCondition.PAPER_NEAR_END)))
                .isEqualTo(0x1A);
    }

    @Test
    void noneRemovesAConditionTheModelDoesNotReport() {
        StatusBitMap.Parsed parsed = StatusBitMap.fromOptions(Map.of("status-map.cutter-error", "NONE"));

        assertThat(parsed.ok()).isTrue();
        assertThat(parsed.map().bit(PrinterCondition.CUTTER_ERROR)).isEmpty();
        assertThat(((StatusAnswer.Valid) parsed.map().decode(StatusRequest.ERROR_CAUSE, 0x1A)).conditions())
                .isEmpty();
    }

    @Test
    void badEntriesAreAllReportedEachNamingItsKey() {
        StatusBitMap.Parsed parsed = StatusBitMap.fromOptions(Map.of(
                "status-map.paper-near-end", "4:0x03",
                "status-map.paper-out", "5:0x60",
                "status-map.cover-open", "0x04",
                "status-map.cutter-error", "3:zz",
                "status-map.paper-jam", "2:0x04",
                "status-map.offline", "1:0x00"));

        assertThat(parsed.ok()).isFalse();
        assertThat(parsed.errors()).hasSize(6);
        assertThat(parsed.errors()).anySatisfy(e -> assertThat(e)
                .startsWith("status-map.paper-near-end:").contains("fixed bits"));
        assertThat(parsed.errors()).anySatisfy(e -> assertThat(e)
                .startsWith("status-map.paper-out:").contains("1..4"));
        assertThat(parsed.errors()).anySatisfy(e -> assertThat(e)
                .startsWith("status-map.cover-open:").contains("N:MASK"));
        assertThat(parsed.errors()).anySatisfy(e -> assertThat(e)
                .startsWith("status-map.cutter-error:").contains("'zz' is not a number"));
        assertThat(parsed.errors()).anySatisfy(e -> assertThat(e)
                .startsWith("status-map.paper-jam:").contains("unknown condition").contains("paper-near-end"));
        assertThat(parsed.errors()).anySatisfy(e -> assertThat(e)
                .startsWith("status-map.offline:").contains("mask must be"));
        // The rest of the map keeps its generic bits.
        assertThat(parsed.map().bit(PrinterCondition.PAPER_NEAR_END))
                .contains(new StatusBitMap.Bit(StatusRequest.PAPER_SENSOR, 0x0C));
    }

    @Test
    void aBitOutsideTheConditionBitsCannotBeBuilt() {
        assertThatThrownBy(() -> new StatusBitMap.Bit(StatusRequest.PRINTER, 0x80))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fixed bits");
        assertThatThrownBy(() -> new StatusBitMap.Bit(StatusRequest.PRINTER, 0x100))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void requestBytesAreDleEotN() {
        assertThat(StatusRequest.PAPER_SENSOR.command()).containsExactly(0x10, 0x04, 0x04);
        assertThat(StatusRequest.of(2)).contains(StatusRequest.OFFLINE_CAUSE);
        assertThat(StatusRequest.of(5)).isEmpty();
    }
}
