package org.govkiosk.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A clerk's move that names the materials of a 补正, and the moves that may not name any. */
class CaseTransitionTest {

    private final ObjectMapper strict = ApiJson.strict();

    @Test
    void aSupplementRequestMayNameMaterialsInsteadOfANote() throws Exception {
        CaseTransition t = strict.readValue("{\"to\":\"NEEDS_SUPPLEMENT\",\"materials\":[\"M02\",\"M01\"]}",
                CaseTransition.class);
        assertThat(t.materials()).containsExactly("M02", "M01");
        assertThat(t.note()).isNull();
        assertThat(strict.readValue(strict.writeValueAsString(t), CaseTransition.class)).isEqualTo(t);
        assertThat(new CaseTransition(CaseState.NEEDS_SUPPLEMENT, " ", List.of("M01")).materials())
                .containsExactly("M01");
    }

    @Test
    void absentMaterialsAreAnEmptyListAndTheOldShapeStillReads() throws Exception {
        CaseTransition t = strict.readValue("{\"to\":\"ACCEPTED\"}", CaseTransition.class);
        assertThat(t.materials()).isEmpty();
        assertThat(strict.readValue("{\"to\":\"ACCEPTED\",\"materials\":null}", CaseTransition.class).materials())
                .isEmpty();
        assertThat(new CaseTransition(CaseState.NEEDS_SUPPLEMENT, "请到3号窗口补签字").materials()).isEmpty();
    }

    @Test
    void withoutMaterialsASupplementStillNeedsItsNote() {
        assertThatThrownBy(() -> new CaseTransition(CaseState.NEEDS_SUPPLEMENT, null))
                .hasMessageContaining("note is required").hasMessageContaining("without naming materials");
        assertThatThrownBy(() -> new CaseTransition(CaseState.NEEDS_SUPPLEMENT, "  ", List.of()))
                .hasMessageContaining("note is required");
        assertThatThrownBy(() -> new CaseTransition(CaseState.NOT_ACCEPTED, null, null))
                .hasMessageContaining("note is required when moving to NOT_ACCEPTED");
    }

    @Test
    void materialsWithAnotherTargetAreRefused() {
        assertThatThrownBy(() -> new CaseTransition(CaseState.ACCEPTED, null, List.of("M01")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("materials may only be named when moving to NEEDS_SUPPLEMENT, not to ACCEPTED");
        assertThatThrownBy(() -> strict.readValue("{\"to\":\"NOT_ACCEPTED\",\"note\":\"不符合条件\","
                + "\"materials\":[\"M01\"]}", CaseTransition.class))
                .isInstanceOf(ValueInstantiationException.class)
                .hasRootCauseMessage("materials may only be named when moving to NEEDS_SUPPLEMENT, not to NOT_ACCEPTED");
    }

    @Test
    void badCodesAreRefusedNamingWhere() {
        assertThatThrownBy(() -> new CaseTransition(CaseState.NEEDS_SUPPLEMENT, null, List.of("M01", " ")))
                .hasMessage("materials[1] is required");
        assertThatThrownBy(() -> new CaseTransition(CaseState.NEEDS_SUPPLEMENT, null, List.of("M".repeat(65))))
                .hasMessage("materials[0] is longer than 64 characters");
        assertThat(new CaseTransition(CaseState.NEEDS_SUPPLEMENT, null, List.of("M".repeat(64))).materials())
                .hasSize(1);
        assertThatThrownBy(() -> new CaseTransition(CaseState.NEEDS_SUPPLEMENT, null, List.of("M01", "M02", "M01")))
                .hasMessage("materials: code M01 is named twice");
        assertThatThrownBy(() -> new CaseTransition(CaseState.NEEDS_SUPPLEMENT, null, Collections.singletonList(null)))
                .hasMessageContaining("must not contain null");
    }

    @Test
    void atMostFiftyCodes() {
        List<String> fifty = IntStream.range(0, CaseTransition.MAX_MATERIALS).mapToObj(i -> "M" + i).toList();
        assertThat(new CaseTransition(CaseState.NEEDS_SUPPLEMENT, null, fifty).materials()).hasSize(50);
        List<String> more = IntStream.range(0, CaseTransition.MAX_MATERIALS + 1).mapToObj(i -> "M" + i).toList();
        assertThatThrownBy(() -> new CaseTransition(CaseState.NEEDS_SUPPLEMENT, null, more))
                .hasMessage("materials: at most 50 codes, was 51");
    }
}
