package org.govkiosk.device.internal.driver.cups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.List;
import org.govkiosk.device.internal.driver.cups.IppMessage.Attribute;
import org.junit.jupiter.api.Test;

class IppMessageTest {

    private static final HexFormat HEX = HexFormat.of();

    @Test
    void encodesARequestAsRfc8010Bytes() {
        IppMessage m = new IppMessage(IppMessage.GET_JOB_ATTRIBUTES, 7, List.of(
                Attribute.string(1, IppMessage.TAG_CHARSET, "attributes-charset", "utf-8"),
                Attribute.integer(1, IppMessage.TAG_INTEGER, "job-id", 42),
                Attribute.string(1, IppMessage.TAG_KEYWORD, "requested-attributes", "job-state", "a")));

        assertThat(HEX.formatHex(m.encode())).isEqualTo("0101" + "0009" + "00000007" + "01"
                + "47" + "0012" + hex("attributes-charset") + "0005" + hex("utf-8")
                + "21" + "0006" + hex("job-id") + "0004" + "0000002a"
                + "44" + "0014" + hex("requested-attributes") + "0009" + hex("job-state")
                + "44" + "0000" + "0001" + hex("a")
                + "03");
    }

    @Test
    void decodesAResponseWithSeveralGroupsAndMultiValuedAttributes() {
        String bytes = "0101" + "0000" + "00000007"
                + "01" + "47" + "0012" + hex("attributes-charset") + "0005" + hex("utf-8")
                + "04" + "23" + "000d" + hex("printer-state") + "0004" + "00000005"
                + "44" + "0015" + hex("printer-state-reasons") + "0010" + hex("media-empty-error")
                .substring(0, 32)
                + "44" + "0000" + "0006" + hex("paused")
                + "22" + "0019" + hex("printer-is-accepting-jobs") + "0001" + "00"
                + "03" + "25504446"; // document data after the end tag is not the decoder's business

        IppMessage m = IppMessage.decode(HEX.parseHex(bytes));

        assertThat(m.code()).isEqualTo(IppMessage.STATUS_OK);
        assertThat(m.isSuccess()).isTrue();
        assertThat(m.requestId()).isEqualTo(7);
        assertThat(m.attribute("printer-state").orElseThrow().intValue()).isEqualTo(5);
        assertThat(m.attribute("printer-state").orElseThrow().group()).isEqualTo(IppMessage.GROUP_PRINTER);
        assertThat(m.attribute("printer-state-reasons").orElseThrow().strings())
                .containsExactly("media-empty-erro", "paused");
        assertThat(m.attribute("printer-is-accepting-jobs").orElseThrow().intValue()).isZero();
    }

    @Test
    void roundTrips() {
        IppMessage m = new IppMessage(IppMessage.PRINT_JOB, 1, List.of(
                Attribute.string(1, IppMessage.TAG_NAME, "job-name", "受理回执-1"),
                Attribute.integer(2, IppMessage.TAG_ENUM, "job-state", 9)));
        IppMessage back = IppMessage.decode(m.encode());
        assertThat(back.code()).isEqualTo(IppMessage.PRINT_JOB);
        assertThat(back.attribute("job-name").orElseThrow().strings()).containsExactly("受理回执-1");
        assertThat(back.attribute("job-state").orElseThrow().intValue()).isEqualTo(9);
    }

    @Test
    void truncatedOrForeignBytesAreRejected() {
        byte[] whole = new IppMessage(0, 1, List.of(Attribute.integer(1, IppMessage.TAG_INTEGER, "job-id", 3)))
                .encode();
        assertThatThrownBy(() -> IppMessage.decode(java.util.Arrays.copyOf(whole, whole.length - 3)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("truncated");
        assertThatThrownBy(() -> IppMessage.decode("HTTP/1.1 400".getBytes()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not an IPP message");
        assertThatThrownBy(() -> IppMessage.decode(HEX.parseHex("0101000000000001" + "01" + "21" + "0000"
                + "0004" + "00000001" + "03"))).isInstanceOf(IllegalArgumentException.class);
    }

    private static String hex(String s) {
        return HEX.formatHex(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
