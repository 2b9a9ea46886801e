package org.govkiosk.device.internal.driver.smartcard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.govkiosk.device.DeviceException;
import org.govkiosk.device.DeviceStatusDetail;
import org.govkiosk.device.internal.codec.smartcard.ApduProfile;
import org.govkiosk.device.internal.codec.smartcard.Hex;
import org.govkiosk.device.internal.sim.smartcard.EmulatedCard;
import org.junit.jupiter.api.Test;

/** The profile reader against the emulator's card logic, without PC/SC. */
class ProfileReaderTest {

    static final byte[] DEMO_ATR = Hex.parse("3B6C0000474B53534344454D4F303031");
    static final Map<String, String> HOLDER = Map.of("card-number", "A01234567", "name", "张三丰", "sex", "1",
            "nation", "01", "birth-date", "19900307");

    private final ApduProfile demo = ApduProfiles.load(null).get(0);

    @Test
    void readsEveryFieldOfACardOfTheProfile() throws Exception {
        EmulatedCard card = EmulatedCard.of(demo, DEMO_ATR, HOLDER);
        List<String> sent = new ArrayList<>();

        SmartCardData data = new ProfileReader(c -> {
            sent.add(Hex.of(c));
            return card.respond(c);
        }).read(demo, "reader", DEMO_ATR);

        assertThat(data.fields()).containsExactly(Map.entry("card-number", "A01234567"), Map.entry("name", "张三丰"),
                Map.entry("sex", "1"), Map.entry("nation", "01"), Map.entry("birth-date", "19900307"));
        assertThat(data.profileName()).isEqualTo("social-security-demo");
        // Each file is selected and read once, path first.
        assertThat(sent).containsExactly("00A4000002DDF1", "00A4000002EF05", "00B0000000",
                "00A4000002DDF1", "00A4000002EF06", "00B0000000");
    }

    @Test
    void toStringMasksEveryValue() throws Exception {
        EmulatedCard card = EmulatedCard.of(demo, DEMO_ATR, HOLDER);
        String text = new ProfileReader(card::respond).read(demo, "reader", DEMO_ATR).toString();

        assertThat(text).contains("name=张**", "card-number=A01**4567", "birth-date=********")
                .doesNotContain("A01234567", "张三丰", "19900307");
    }

    @Test
    void missingFieldsAreAbsentNotFailed() throws Exception {
        EmulatedCard card = EmulatedCard.of(demo, DEMO_ATR, Map.of("card-number", "A01234567"));
        SmartCardData data = new ProfileReader(card::respond).read(demo, "reader", DEMO_ATR);
        assertThat(data.fields()).containsOnlyKeys("card-number");
    }

    @Test
    void anUnknownFileIsACardReadError() {
        EmulatedCard card = new EmulatedCard(DEMO_ATR, Map.of(0xDDF1, new byte[0]));
        assertThatThrownBy(() -> new ProfileReader(card::respond).read(demo, "reader", DEMO_ATR))
                .isInstanceOfSatisfying(DeviceException.class,
                        e -> assertThat(e.detail()).isEqualTo(DeviceStatusDetail.CARD_READ_ERROR))
                .hasMessageContaining("SELECT EF05 answered 6A82");
    }

    @Test
    void readsFilesLongerThanOneChunk() throws Exception {
        byte[] big = new byte[600];
        Arrays.fill(big, (byte) 'x');
        EmulatedCard card = new EmulatedCard(DEMO_ATR, Map.of(0x0001, big));
        byte[] read = new ProfileReader(card::respond).readFile(List.of(0x0001));
        assertThat(read).isEqualTo(big);

        byte[] exact = new byte[512];
        EmulatedCard exactCard = new EmulatedCard(DEMO_ATR, Map.of(0x0001, exact));
        assertThat(new ProfileReader(exactCard::respond).readFile(List.of(0x0001))).as("ends on 6B00").hasSize(512);
    }

    @Test
    void followsWrongLengthAnswers() throws Exception {
        // A card that insists on the exact length: 6C05 first, then the 5 bytes.
        List<String> sent = new ArrayList<>();
        byte[] data = new ProfileReader(c -> {
            sent.add(Hex.of(c));
            if (c[1] == (byte) 0xA4) {
                return Hex.parse("9000");
            }
            if (c[3] != 0) {
                return Hex.parse("6B00");
            }
            return c[4] == 5 ? Hex.parse("01020304059000") : Hex.parse("6C05");
        }).readFile(List.of(0xEF01));

        assertThat(data).containsExactly(1, 2, 3, 4, 5);
        assertThat(sent).containsExactly("00A4000002EF01", "00B0000000", "00B0000005", "00B0000500");
    }

    @Test
    void aCardThatNeverSettlesOnALengthDoesNotLoopForever() throws Exception {
        byte[] data = new ProfileReader(c -> c[1] == (byte) 0xA4 ? Hex.parse("9000") : Hex.parse("6C05"))
                .readFile(List.of(0xEF01));
        assertThat(data).isEmpty();
    }

    @Test
    void aShortResponseIsAProtocolError() {
        assertThatThrownBy(() -> new ProfileReader(c -> new byte[] {0x6A}).readFile(List.of(0xEF01)))
                .isInstanceOfSatisfying(DeviceException.class,
                        e -> assertThat(e.code()).isEqualTo(DeviceException.Code.PROTOCOL_ERROR));
    }
}
