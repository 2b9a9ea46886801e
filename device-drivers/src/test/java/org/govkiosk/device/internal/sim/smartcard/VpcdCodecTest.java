package org.govkiosk.device.internal.sim.smartcard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.govkiosk.device.internal.codec.smartcard.Hex;
import org.junit.jupiter.api.Test;

class VpcdCodecTest {

    @Test
    void encodesTheLengthBigEndian() {
        assertThat(Hex.of(VpcdCodec.encode(Hex.parse("9000")))).isEqualTo("00029000");
        assertThat(VpcdCodec.encode(new byte[0x0123])).startsWith(0x01, 0x23).hasSize(0x0125);
        assertThat(Hex.of(VpcdCodec.encode(new byte[0]))).isEqualTo("0000");
        assertThatThrownBy(() -> VpcdCodec.encode(new byte[0x10000])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void oneBytePayloadsAreControlCodesLongerOnesApdus() {
        List<VpcdCodec.Message> m = new VpcdCodec.Decoder().feed(Hex.parse("0001 04 0001 01 0005 00A4000002"));
        assertThat(m).hasSize(3);
        assertThat(m.get(0)).isEqualTo(new VpcdCodec.Control(VpcdCodec.GET_ATR));
        assertThat(m.get(1)).isEqualTo(new VpcdCodec.Control(VpcdCodec.POWER_ON));
        assertThat(m.get(2)).isInstanceOfSatisfying(VpcdCodec.Apdu.class,
                a -> assertThat(Hex.of(a.command())).isEqualTo("00A4000002"));
    }

    @Test
    void framesByLengthAcrossChunksOfAnySize() {
        byte[] stream = Hex.parse("0007 00A4000002EF05 0001 02 0005 00B0000000");
        for (int chunk = 1; chunk <= stream.length; chunk++) {
            VpcdCodec.Decoder d = new VpcdCodec.Decoder();
            List<VpcdCodec.Message> all = new ArrayList<>();
            for (int i = 0; i < stream.length; i += chunk) {
                byte[] part = java.util.Arrays.copyOfRange(stream, i, Math.min(stream.length, i + chunk));
                all.addAll(d.feed(part));
            }
            assertThat(all).as("chunk size %d", chunk).hasSize(3);
            assertThat(all.get(1)).isEqualTo(new VpcdCodec.Control(VpcdCodec.RESET));
            assertThat(d.buffered()).isZero();
        }
    }

    @Test
    void anUnfinishedMessageWaitsForTheRest() {
        VpcdCodec.Decoder d = new VpcdCodec.Decoder();
        assertThat(d.feed(Hex.parse("0005 00B0"))).isEmpty();
        assertThat(d.buffered()).isEqualTo(4);
        assertThat(d.feed(Hex.parse("000000 0001"))).hasSize(1);
        assertThat(d.buffered()).isEqualTo(2);
    }
}
