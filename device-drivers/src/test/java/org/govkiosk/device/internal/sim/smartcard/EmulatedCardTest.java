package org.govkiosk.device.internal.sim.smartcard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.govkiosk.device.internal.codec.smartcard.Hex;
import org.junit.jupiter.api.Test;

class EmulatedCardTest {

    private final EmulatedCard card = new EmulatedCard(Hex.parse("3B00"), Map.of(0xEF05, Hex.parse("0102030405")));
    private final VpcdCardEmulator emulator = new VpcdCardEmulator("localhost", 1, card);

    private String send(String apdu) {
        return Hex.of(card.respond(Hex.parse(apdu)));
    }

    @Test
    void answersSelectAndReadBinary() {
        assertThat(send("00B0000000")).as("nothing selected").isEqualTo("6986");
        assertThat(send("00A4000002EF06")).isEqualTo("6A82");
        assertThat(send("00A4000002EF05")).isEqualTo("9000");
        assertThat(send("00B0000000")).isEqualTo("01020304059000");
        assertThat(send("00B0000302")).isEqualTo("04059000");
        assertThat(send("00B0000500")).isEqualTo("6B00");
        assertThat(send("0084000008")).isEqualTo("6D00");
        assertThat(send("80B0000000")).isEqualTo("6E00");
    }

    @Test
    void answersVpcdControlCodesAsACard() {
        card.respond(Hex.parse("00A4000002EF05"));
        assertThat(emulator.answer(new VpcdCodec.Control(VpcdCodec.GET_ATR))).containsExactly(0x3B, 0x00);
        assertThat(emulator.answer(new VpcdCodec.Control(VpcdCodec.RESET))).as("no answer to reset").isNull();
        assertThat(Hex.of(emulator.answer(new VpcdCodec.Apdu(Hex.parse("00B0000000"))))).as("reset forgot EF05")
                .isEqualTo("6986");
    }
}
