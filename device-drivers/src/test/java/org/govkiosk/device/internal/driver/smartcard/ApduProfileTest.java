package org.govkiosk.device.internal.driver.smartcard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Properties;
import org.govkiosk.device.internal.codec.smartcard.ApduProfile;
import org.govkiosk.device.internal.codec.smartcard.FieldEncoding;
import org.govkiosk.device.internal.codec.smartcard.FieldRead;
import org.govkiosk.device.internal.codec.smartcard.Hex;
import org.govkiosk.device.internal.codec.smartcard.Tlv;
import org.junit.jupiter.api.Test;

class ApduProfileTest {

    private static Properties props(String text) throws IOException {
        Properties p = new Properties();
        p.load(new StringReader(text));
        return p;
    }

    @Test
    void theShippedDemoProfileReadsTheFiveSocialSecurityFields() {
        ApduProfile demo = ApduProfiles.load(null).get(0);

        assertThat(demo.name()).isEqualTo("social-security-demo");
        assertThat(demo.fields()).extracting(FieldRead::name)
                .containsExactly("card-number", "name", "sex", "nation", "birth-date");
        FieldRead name = demo.fields().get(1);
        assertThat(name.pathText()).isEqualTo("DDF1/EF06");
        assertThat(name.tlvTag()).isEqualTo(0x09);
        assertThat(name.encoding()).isEqualTo(FieldEncoding.GBK);
        assertThat(demo.byFile()).hasSize(2);
    }

    @Test
    void atrMatchesByPrefixUnderTheMask() {
        ApduProfile demo = ApduProfiles.load(null).get(0);

        assertThat(demo.matches(Hex.parse("3B6C0000474B53534344454D4F303031"))).isTrue();
        assertThat(demo.matches(Hex.parse("3B6C1196474B53534344454D4F"))).as("masked bytes differ").isTrue();
        assertThat(demo.matches(Hex.parse("3B6C0000474B535343"))).as("shorter than the prefix").isFalse();
        assertThat(demo.matches(Hex.parse("3B6D0000474B53534344454D4F"))).isFalse();
    }

    @Test
    void fixedOffsetFieldsAndDefaultMask() throws IOException {
        ApduProfile p = ApduProfile.parse(props("""
                name=t
                atr=3B 8F
                fields=id
                field.id=3F00/0005 offset 2 4 bcd
                """), "t.properties");

        assertThat(p.atrMask()).containsExactly(0xFF, 0xFF);
        FieldRead id = p.fields().get(0);
        assertThat(id.path()).containsExactly(0x3F00, 0x0005);
        assertThat(id.extract(Hex.parse("AAAA20240131FF"))).contains("20240131");
        assertThat(id.extract(Hex.parse("AAAA2024"))).as("file too short").isEmpty();
    }

    @Test
    void problemsNameTheFileAndTheKey() {
        assertThatThrownBy(() -> ApduProfile.parse(props("name=t\natr=3B\nfields=a\n"), "x.properties"))
                .hasMessage("x.properties: field.a: missing, but listed in fields");
        assertThatThrownBy(() -> ApduProfile.parse(props("name=t\natr=3G\nfields=a\n"), "x.properties"))
                .hasMessageStartingWith("x.properties: atr: not hex bytes");
        assertThatThrownBy(() -> ApduProfile.parse(props("name=t\natr=3B 00\natr-mask=FF\nfields=a\n"), "x"))
                .hasMessageContaining("atr-mask: must have as many bytes as atr (2), has 1");
        assertThatThrownBy(() -> ApduProfile.parse(props("atr=3B\nfields=a\n"), "x"))
                .hasMessage("x: name: missing");
        assertThatThrownBy(() -> ApduProfile.parse(props(
                "name=t\natr=3B\nfields=a\nfield.a=EF05 tlv 07 ascii\nfield.b=EF05 tlv 08 ascii\n"), "x"))
                .hasMessage("x: field.b: not listed in fields");
        assertThatThrownBy(() -> ApduProfile.parse(props("name=t\natr=3B\nfields=a\nfield.a=EF tlv 07 ascii\n"),
                "x")).hasMessageContaining("field.a: file ids are 2 bytes");
        assertThatThrownBy(() -> ApduProfile.parse(props("name=t\natr=3B\nfields=a\nfield.a=EF05 tlv 07 ebcdic\n"),
                "x")).hasMessageContaining("field.a");
        assertThatThrownBy(() -> ApduProfiles.load("classpath:/nope.properties"))
                .hasMessageContaining("nope.properties: cannot read");
    }

    @Test
    void tlvFindsTagsSkipsPaddingAndStopsAtTruncation() {
        byte[] data = Hex.parse("00FF 07 03 414243 0A 01 31 FF FF");
        assertThat(Tlv.find(data, 0x07)).hasValueSatisfying(v -> assertThat(v).containsExactly('A', 'B', 'C'));
        assertThat(Tlv.find(data, 0x0A)).hasValueSatisfying(v -> assertThat(v).containsExactly('1'));
        assertThat(Tlv.find(data, 0x0B)).isEmpty();
        assertThat(Tlv.find(Hex.parse("07 05 4142"), 0x07)).as("value shorter than its length").isEmpty();
        assertThat(Tlv.find(Hex.parse("07"), 0x07)).isEmpty();

        byte[] longValue = new byte[300];
        byte[] encoded = Tlv.encode(0x20, longValue);
        assertThat(encoded).startsWith(0x20, 0xFF, 0x01, 0x2C);
        assertThat(Tlv.find(encoded, 0x20)).hasValueSatisfying(v -> assertThat(v).hasSize(300));
    }

    @Test
    void encodingsDecodeAndRoundTrip() {
        assertThat(FieldEncoding.BCD.decode(Hex.parse("19900307"))).isEqualTo("19900307");
        assertThat(FieldEncoding.BCD.decode(Hex.parse("12345F"))).isEqualTo("12345");
        assertThat(FieldEncoding.BCD.encode("12345")).containsExactly(0x12, 0x34, 0x5F);
        assertThat(FieldEncoding.GBK.encode("张三")).containsExactly(0xD5, 0xC5, 0xC8, 0xFD);
        assertThat(FieldEncoding.GBK.decode(Hex.parse("D5C5C8FD0000"))).isEqualTo("张三");
        assertThat(FieldEncoding.ASCII.decode(Hex.parse("4131 2020"))).isEqualTo("A1");
        assertThat(FieldEncoding.parse("utf-8")).isEqualTo(FieldEncoding.UTF8);
        for (FieldEncoding e : List.of(FieldEncoding.ASCII, FieldEncoding.UTF8, FieldEncoding.GBK)) {
            assertThat(e.decode(e.encode("X12"))).isEqualTo("X12");
        }
    }
}
