package org.govkiosk.device.internal.codec.idcard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Command frames as the vendor protocol documents print them, byte for byte. */
class IdCardFrameEncoderTest {

    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    @ParameterizedTest
    @CsvSource({
            "RESET_SAM,                   AAAAAA9669000310FFEC",
            "SAM_STATUS,                  AAAAAA9669000311FFED",
            "READ_SAM_ID,                 AAAAAA9669000312FFEE",
            "FIND_CARD,                   AAAAAA96690003200122",
            "SELECT_CARD,                 AAAAAA96690003200221",
            "READ_TEXT_PHOTO,             AAAAAA96690003300132",
            "READ_NEWEST_ADDRESS,         AAAAAA96690003300330",
            "READ_TEXT_PHOTO_FINGERPRINT, AAAAAA96690003301023"})
    void buildsEveryCommandExactly(SamCommand command, String hex) {
        assertThat(HEX.formatHex(IdCardFrameEncoder.command(command))).isEqualTo(hex);
    }

    @ParameterizedTest
    @CsvSource({
            "SUCCESS,       '',               AAAAAA96690004000090 94",
            "NO_CARD,       '',               AAAAAA96690004000080 84",
            "FIND_SUCCESS,  00000000,         AAAAAA96690008 00009F 00000000 97",
            "SUCCESS,       0000000000000000, AAAAAA9669000C 000090 0000000000000000 9C",
            "SAM_SELF_TEST_FAILED, '',        AAAAAA96690004000060 64"})
    void buildsResponsesExactly(SamResult result, String payloadHex, String hex) {
        byte[] frame = IdCardFrameEncoder.response(result, HEX.parseHex(payloadHex));
        assertThat(HEX.formatHex(frame)).isEqualTo(hex.replace(" ", ""));
    }

    @Test
    void lengthCountsBodyAndChecksumBigEndian() {
        byte[] payload = new byte[4 + 256 + 1024];
        byte[] frame = IdCardFrameEncoder.response(SamResult.SUCCESS, payload);
        // 3 status bytes + 1284 payload + 1 checksum = 1288 = 0x0508, the length readers send for text + photo.
        assertThat(frame[5]).isEqualTo((byte) 0x05);
        assertThat(frame[6]).isEqualTo((byte) 0x08);
        assertThat(frame).hasSize(7 + 0x508);
    }

    @Test
    void checksumIsXorOfLengthAndBody() {
        byte[] frame = IdCardFrameEncoder.response(0x12, 0x34, 0x90, new byte[] {1, 2, 3});
        int x = 0;
        for (int i = 5; i < frame.length - 1; i++) {
            x ^= frame[i] & 0xFF;
        }
        assertThat(frame[frame.length - 1] & 0xFF).isEqualTo(x);
        assertThat(HEX.formatHex(frame, 7, 10)).isEqualTo("123490");
    }

    @Test
    void commandDataFollowsCmdAndPara() {
        byte[] frame = IdCardFrameEncoder.command(SamCommand.FIND_CARD, new byte[] {(byte) 0xEE});
        assertThat(HEX.formatHex(frame)).isEqualTo("AAAAAA966900042001EE" + String.format("%02X", 0x00 ^ 0x04 ^ 0x20 ^ 0x01 ^ 0xEE));
    }

    @Test
    void refusesBodiesTheLengthFieldCannotDescribe() {
        assertThatThrownBy(() -> IdCardFrameEncoder.frame(new byte[IdCardFrameEncoder.MAX_BODY + 1]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(IdCardFrameEncoder.frame(new byte[IdCardFrameEncoder.MAX_BODY])).hasSize(7 + 0xFFFF);
    }
}
