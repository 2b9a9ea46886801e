package org.govkiosk.device.internal.codec.idcard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.govkiosk.device.DeviceStatusDetail;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SamResultTest {

    @ParameterizedTest
    @CsvSource({
            "0x90, SUCCESS, SUCCESS, NONE",
            "0x9F, FIND_SUCCESS, SUCCESS, NONE",
            "0x91, NO_CONTENT, NO_CONTENT, NONE",
            "0x80, NO_CARD, NO_CARD, NONE",
            "0x81, SELECT_FAILED, CARD, CARD_READ_ERROR",
            "0x41, READ_FAILED, CARD, CARD_READ_ERROR",
            "0x10, CHECKSUM_ERROR, LINK, COMMUNICATION_ERROR",
            "0x11, LENGTH_ERROR, LINK, COMMUNICATION_ERROR",
            "0x21, COMMAND_ERROR, PROTOCOL, PROTOCOL_ERROR",
            "0x23, UNAUTHORISED, SAM, SAM_ERROR",
            "0x24, UNRECOGNISED, PROTOCOL, PROTOCOL_ERROR",
            "0x31, CARD_AUTHENTICATION_OF_SAM_FAILED, CARD, CARD_READ_ERROR",
            "0x32, SAM_AUTHENTICATION_OF_CARD_FAILED, CARD, CARD_READ_ERROR",
            "0x33, INFO_VERIFICATION_FAILED, CARD, CARD_READ_ERROR",
            "0x40, UNKNOWN_CARD, CARD, CARD_READ_ERROR",
            "0x47, READING_CARD, BUSY, NONE",
            "0x60, SAM_SELF_TEST_FAILED, SAM, SAM_ERROR",
            "0x66, SAM_NOT_AUTHORISED, SAM, SAM_ERROR"})
    void mapsEveryCodeToAResultAndDetail(String hex, SamResult result, SamResult.Category category,
            DeviceStatusDetail detail) {
        int code = Integer.decode(hex);
        assertThat(SamResult.of(code)).contains(result);
        assertThat(result.code()).isEqualTo(code);
        assertThat(result.category()).isEqualTo(category);
        assertThat(result.statusDetail().orElse(DeviceStatusDetail.NONE)).isEqualTo(detail);
        assertThat(result.isDeviceFault()).isEqualTo(Set.of(SamResult.Category.SAM, SamResult.Category.LINK,
                SamResult.Category.PROTOCOL).contains(category));
    }

    @Test
    void codesAreDistinctAndUnknownCodesHaveNoResult() {
        Set<Integer> codes = Arrays.stream(SamResult.values()).map(SamResult::code).collect(Collectors.toSet());
        assertThat(codes).hasSize(SamResult.values().length);
        for (int code = 0; code < 256; code++) {
            assertThat(SamResult.of(code).isPresent()).as("0x%02X", code).isEqualTo(codes.contains(code));
        }
    }

    @Test
    void commandsAcceptOnlyAnswersOfTheirShape() {
        SamResponse status = new SamResponse(0, 0, 0x90, new byte[0]);
        SamResponse find = new SamResponse(0, 0, 0x9F, new byte[4]);
        SamResponse select = new SamResponse(0, 0, 0x90, new byte[8]);
        SamResponse read = new SamResponse(0, 0, 0x90, new byte[1284]);
        SamResponse samId = new SamResponse(0, 0, 0x90, new byte[16]);
        SamResponse error = new SamResponse(0, 0, 0x80, new byte[0]);
        assertThat(SamCommand.FIND_CARD.accepts(find)).isTrue();
        assertThat(SamCommand.FIND_CARD.accepts(status)).isFalse();
        assertThat(SamCommand.SELECT_CARD.accepts(select)).isTrue();
        assertThat(SamCommand.SELECT_CARD.accepts(read)).isFalse();
        assertThat(SamCommand.READ_TEXT_PHOTO.accepts(read)).isTrue();
        assertThat(SamCommand.READ_TEXT_PHOTO.accepts(select)).isTrue(); // 8 bytes ≥ header: parsed later
        assertThat(SamCommand.READ_TEXT_PHOTO.accepts(status)).isFalse();
        assertThat(SamCommand.READ_TEXT_PHOTO.accepts(find)).isFalse();
        assertThat(SamCommand.SAM_STATUS.accepts(status)).isTrue();
        assertThat(SamCommand.SAM_STATUS.accepts(read)).isFalse();
        assertThat(SamCommand.READ_SAM_ID.accepts(samId)).isTrue();
        assertThat(SamCommand.READ_SAM_ID.accepts(status)).isFalse();
        for (SamCommand c : SamCommand.values()) {
            assertThat(c.accepts(error)).as(c.name()).isTrue();
        }
    }

    @Test
    void shortFramesAreNotRequestsOrResponses() {
        assertThat(SamResponse.of(new SamFrame(new byte[] {0, 0}))).isEmpty();
        assertThat(SamRequest.of(new SamFrame(new byte[] {0x20}))).isEmpty();
        assertThat(SamRequest.of(new SamFrame(new byte[] {0x20, 0x05})).orElseThrow().command()).isEmpty();
    }
}
