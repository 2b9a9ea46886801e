package org.govkiosk.device.internal.codec.ratingpad;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * Build → hex. The expected bytes were computed apart from this code (a separate CRC-16/CCITT-FALSE written for
 * the protocol document, checked against the standard check value), so an encoder bug cannot agree with itself.
 */
class RatingPadFrameEncoderTest {

    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    @Test
    void crcIsCcittFalse() {
        assertThat(Crc16Ccitt.of("123456789".getBytes(StandardCharsets.US_ASCII))).isEqualTo(0x29B1);
        assertThat(Crc16Ccitt.of(new byte[0])).isEqualTo(0xFFFF);
    }

    @Test
    void commandsWithoutPayload() {
        assertThat(hex(RatingPadFrameEncoder.statusQuery(1))).isEqualTo("0200020112EBE203");
        assertThat(hex(RatingPadFrameEncoder.ack(0x2A))).isEqualTo("0200022A06634B03");
        assertThat(hex(RatingPadFrameEncoder.heartbeat(0xFF))).isEqualTo("020002FF22ED7F03");
        assertThat(hex(RatingPadFrameEncoder.frame(4, 0x7F, new byte[0]))).isEqualTo("020002047FA91C03");
    }

    @Test
    void nakKeyPressAndStatus() {
        assertThat(hex(RatingPadFrameEncoder.nak(0, NakReason.CHECKSUM))).isEqualTo("020003001501667703");
        assertThat(hex(RatingPadFrameEncoder.keyPressed(7, new KeyPress("ZW2026-0001", 5))))
                .isEqualTo("02000F0720050B5A57323032362D30303031E02B03");
        assertThat(hex(RatingPadFrameEncoder.status(3, new PadCondition(true, 5, false))))
                .isEqualTo("02000403210105CEA803");
    }

    @Test
    void showRequestInUtf8AndGb18030() {
        ShowRequest utf8 = new ShowRequest("330100-ZW-0001", "社保卡补办", "王芳", "3号窗口", 60, TextCharset.UTF_8);
        ShowRequest gb = new ShowRequest("330100-ZW-0001", "社保卡补办", "王芳", "3号窗口", 60, TextCharset.GB18030);

        assertThat(hex(RatingPadFrameEncoder.show(9, utf8))).isEqualTo("020036091000003C0E3333303130302D5A572D3030"
                + "30310FE7A4BEE4BF9DE58DA1E8A1A5E58A9E06E78E8BE88AB30A33E58FB7E7AA97E58FA3CB5003");
        assertThat(hex(RatingPadFrameEncoder.show(9, gb))).isEqualTo("02002C091001003C0E3333303130302D5A572D3030"
                + "30310AC9E7B1A3BFA8B2B9B0EC04CDF5B7BC0733BAC5B4B0BFDA929B03");
    }

    @Test
    void sequenceNumbersRunFrom1To255AndSkip0() {
        assertThat(RatingPadFrameEncoder.nextSeq(0)).isEqualTo(1);
        assertThat(RatingPadFrameEncoder.nextSeq(254)).isEqualTo(255);
        assertThat(RatingPadFrameEncoder.nextSeq(255)).isEqualTo(1);
    }

    @Test
    void refusesWhatTheFrameCannotCarry() {
        assertThatThrownBy(() -> RatingPadFrameEncoder.frame(256, PadCommand.ACK, new byte[0]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SEQ");
        assertThatThrownBy(() -> RatingPadFrameEncoder.frame(1, PadCommand.SHOW_REQUEST,
                new byte[RatingPadFrameEncoder.MAX_PAYLOAD + 1])).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1025 bytes exceeds 1024");
    }

    @Test
    void requestFieldsAreCheckedWithClearErrors() {
        assertThatThrownBy(() -> new ShowRequest("案件1", "i", "c", "w", 60, TextCharset.UTF_8))
                .hasMessageContaining("printable ASCII");
        assertThatThrownBy(() -> new ShowRequest("A".repeat(65), "i", "c", "w", 60, TextCharset.UTF_8))
                .hasMessageContaining("1..64");
        assertThatThrownBy(() -> new ShowRequest("A1", "i", "c", "w", 4, TextCharset.UTF_8))
                .hasMessageContaining("timeout must be 5..3600");
        assertThatThrownBy(() -> new ShowRequest("A1", "办".repeat(90), "c", "w", 60, TextCharset.UTF_8))
                .hasMessageContaining("ShowRequest.fitted");
        assertThatThrownBy(() -> new KeyPress("A1", 6)).hasMessageContaining("1..5");
        assertThatThrownBy(() -> new PadCondition(false, 3, false)).hasMessageContaining("stuck key");
    }

    @Test
    void fittedCutsLongTextsAtACharacterAndMarksTheCut() {
        String item = "不动产登记资料查询".repeat(20); // 180 characters: 540 bytes in UTF-8, 360 in GB18030
        ShowRequest utf8 = ShowRequest.fitted("A1", item, "王芳", "3号窗口", 60, TextCharset.UTF_8);
        ShowRequest gb = ShowRequest.fitted("A1", item, "王芳", "3号窗口", 60, TextCharset.GB18030);

        assertThat(utf8.item()).endsWith("…").startsWith("不动产登记资料查询");
        assertThat(utf8.item().getBytes(StandardCharsets.UTF_8).length).isBetween(250, 255);
        assertThat(item).startsWith(utf8.item().substring(0, utf8.item().length() - 1));
        assertThat(gb.item()).isEqualTo(item.substring(0, 126) + "…").hasSize(127); // 126 × 2 bytes + "…" in 2
        assertThat(utf8.clerk()).isEqualTo("王芳");
        assertThat(ShowRequest.fitted("A1", null, null, null, 60, TextCharset.UTF_8).item()).isEmpty();
    }

    private static String hex(byte[] b) {
        return HEX.formatHex(b);
    }
}
