package org.govkiosk.device.internal.driver.smartcard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.govkiosk.device.DeviceException;
import org.govkiosk.device.DeviceStatusDetail;
import org.govkiosk.device.internal.codec.smartcard.ApduProfile;
import org.govkiosk.device.internal.codec.smartcard.Hex;
import org.govkiosk.device.internal.sim.smartcard.EmulatedPsam;
import org.govkiosk.device.internal.sim.smartcard.EmulatedSocialSecurityCard;
import org.junit.jupiter.api.Test;

/** The social security card by the national layout, against the emulated card and PSAM, without PC/SC. */
class NationalProfileReaderTest {

    static final byte[] KEY = Hex.parse("0123456789ABCDEFFEDCBA9876543210");
    /** GB 11643's own example number: 110105 region, 1949-12-31, check character X. */
    static final Map<String, String> HOLDER = Map.of(
            "card-id", "330100D15600000500BF7C7A48FB4966",
            "card-number", "A12345678",
            "issued", "20200115",
            "valid-until", "20300115",
            "id-number", "11010519491231002X",
            "name", "王芳",
            "sex", "2",
            "nation", "01");

    private final ApduProfile national = ApduProfiles.loadOne(ApduProfiles.SOCIAL_SECURITY_NATIONAL);

    private EmulatedSocialSecurityCard card(Map<String, String> values, boolean needsAuthentication) {
        return EmulatedSocialSecurityCard.of(national, values, KEY, needsAuthentication);
    }

    @Test
    void theDefaultProfilesTellTheDemoAndTheNationalCardApartByTheirAtr() {
        List<ApduProfile> all = ApduProfiles.load(null);
        assertThat(ApduProfiles.matching(all, EmulatedSocialSecurityCard.ATR)).hasValueSatisfying(
                p -> assertThat(p.name()).isEqualTo("social-security-national"));
        assertThat(ApduProfiles.matching(all, ProfileReaderTest.DEMO_ATR)).hasValueSatisfying(
                p -> assertThat(p.name()).isEqualTo("social-security-demo"));
    }

    @Test
    void readsTheBasicInformationByApplicationFileAndRecord() throws Exception {
        EmulatedSocialSecurityCard card = card(HOLDER, false);
        List<String> sent = new ArrayList<>();

        SmartCardData data = new ProfileReader(c -> {
            sent.add(Hex.of(c));
            return card.respond(c);
        }).read(national, "reader", EmulatedSocialSecurityCard.ATR);

        Map<String, String> expected = new HashMap<>(HOLDER);
        expected.put("issuing-region", "330100");
        assertThat(data.fields()).isEqualTo(expected);
        assertThat(data.profileName()).isEqualTo("social-security-national");
        assertThat(sent).startsWith("00A404000F7378312E73682EC9E7BBE1B1A3D5CF", "00A4020002EF05", "00B2010000");
        assertThat(sent).contains("00A4020002EF06", "00B2080000", "00B2090000");
        assertThat(sent).as("no PSAM, none asked for").doesNotContain("0084000008");
        assertThat(data.toString()).doesNotContain("11010519491231002X", "王芳");
    }

    @Test
    void aCardWithoutTheApplicationIsRefusedNamingTheAid() {
        EmulatedSocialSecurityCard other = new EmulatedSocialSecurityCard(Hex.parse("A000000333010101"),
                Map.of(0xEF05, Map.of()), KEY, false);
        assertThatThrownBy(() -> new ProfileReader(other::respond).read(national, "reader",
                EmulatedSocialSecurityCard.ATR))
                .isInstanceOfSatisfying(DeviceException.class, e -> {
                    assertThat(e.code()).isEqualTo(DeviceException.Code.UNSUPPORTED);
                    assertThat(e.detail()).isEqualTo(DeviceStatusDetail.CARD_READ_ERROR);
                })
                .hasMessageContaining("no application 7378312E73682EC9E7BBE1B1A3D5CF").hasMessageContaining("6A82");
    }

    @Test
    void aTruncatedRecordIsRefusedSayingHowShort() {
        EmulatedSocialSecurityCard card = card(HOLDER, false).truncating(0x08);
        assertThatThrownBy(() -> new ProfileReader(card::respond).read(national, "reader",
                EmulatedSocialSecurityCard.ATR))
                .isInstanceOf(DeviceException.class)
                .hasMessageEndingWith("record 08 (id-number) of EF06 is truncated: its length says 18 bytes, 9 came");
    }

    @Test
    void anIdNumberWithAWrongCheckCharacterIsRefusedWithoutTheNumberInTheMessage() {
        Map<String, String> wrong = new HashMap<>(HOLDER);
        wrong.put("id-number", "110105194912310021");
        assertThatThrownBy(() -> new ProfileReader(card(wrong, false)::respond).read(national, "reader",
                EmulatedSocialSecurityCard.ATR))
                .isInstanceOf(DeviceException.class)
                .hasMessageContaining("id-number on the card is not a valid citizen identification number (GB 11643)")
                .hasMessageContaining("check character")
                .hasMessageNotContaining("110105194912310021");
    }

    @Test
    void aCardThatWantsAuthenticationIsReadAfterThePsamAnsweredItsChallenge() throws Exception {
        EmulatedSocialSecurityCard card = card(HOLDER, true);
        EmulatedPsam psam = new EmulatedPsam(KEY);
        List<String> toPsam = new ArrayList<>();

        SmartCardData data = new ProfileReader(card::respond, c -> {
            toPsam.add(Hex.of(c).substring(0, 10));
            return psam.respond(c);
        }).read(national, "reader", EmulatedSocialSecurityCard.ATR);

        assertThat(data.field("id-number")).contains("11010519491231002X");
        assertThat(toPsam).containsExactly("80FA000008");
        assertThat(psam.encrypted()).isEqualTo(1);
    }

    @Test
    void withoutAPsamOrWithTheWrongOneTheCardSaysWhy() {
        EmulatedSocialSecurityCard card = card(HOLDER, true);
        assertThatThrownBy(() -> new ProfileReader(card::respond).read(national, "reader",
                EmulatedSocialSecurityCard.ATR))
                .isInstanceOf(DeviceException.class).hasMessageContaining("6982")
                .hasMessageContaining("options.psam-reader");

        card.reset();
        EmulatedPsam wrongKey = new EmulatedPsam(Hex.parse("00000000000000001111111111111111"));
        assertThatThrownBy(() -> new ProfileReader(card::respond, wrongKey::respond).read(national, "reader",
                EmulatedSocialSecurityCard.ATR))
                .isInstanceOfSatisfying(DeviceException.class,
                        e -> assertThat(e.detail()).isEqualTo(DeviceStatusDetail.SAM_ERROR))
                .hasMessageContaining("the card refused the PSAM's authentication").hasMessageContaining("6300");
    }

    @Test
    void badProfilesAreRefusedNamingTheKey() {
        java.util.Properties p = new java.util.Properties();
        p.setProperty("name", "x");
        p.setProperty("atr", "3B");
        p.setProperty("fields", "id-number");
        p.setProperty("field.id-number", "EF06 record 08 18 ascii");
        assertThatThrownBy(() -> ApduProfile.parse(p, "x.properties"))
                .hasMessageContaining("x.properties: record fields are read inside an application: set select-aid");
        p.setProperty("select-aid", "7378");
        assertThatThrownBy(() -> ApduProfile.parse(p, "x.properties"))
                .hasMessageContaining("select-aid: an AID has 5 to 16 bytes, has 2");
        p.setProperty("select-aid", "7378312E7368");
        p.setProperty("psam", "sometimes");
        assertThatThrownBy(() -> ApduProfile.parse(p, "x.properties"))
                .hasMessageContaining("psam: must be none, optional or required, got 'sometimes'");
        p.setProperty("psam", "required");
        assertThatThrownBy(() -> ApduProfile.parse(p, "x.properties")).hasMessageContaining("psam.key: missing");
        p.setProperty("psam.key", "01");
        p.setProperty("check.name", "gb11643");
        assertThatThrownBy(() -> ApduProfile.parse(p, "x.properties"))
                .hasMessageContaining("check.name: no such field");
    }
}
