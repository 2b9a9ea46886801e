package org.govkiosk.device.idcard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TextLayoutTest {

    @ParameterizedTest
    @EnumSource(TextLayout.class)
    void fieldsTileTheWholeBlockAndTheMarkerSitsAt248(TextLayout layout) {
        int offset = 0;
        for (TextLayout.Field f : layout.fields()) {
            assertThat(f.offset()).as(f.name()).isEqualTo(offset);
            offset += f.width();
        }
        assertThat(offset).isEqualTo(256);
        layout.marker().ifPresent(m -> assertThat(layout.fields()).contains(new TextLayout.Field("type", 248, 2)));
    }

    @Test
    void detectsTheDocumentByItsMarker() {
        assertThat(TextLayout.detect(TextBlocks.zhang().bytes())).contains(TextLayout.RESIDENT);
        assertThat(TextLayout.detect(new TextBlocks().put(248, "J").bytes())).contains(TextLayout.HMT_RESIDENCE_PERMIT);
        assertThat(TextLayout.detect(new TextBlocks().put(248, "I").bytes())).contains(TextLayout.FOREIGN_2017);
        assertThat(TextLayout.detect(new TextBlocks().put(248, "Y").bytes())).contains(TextLayout.FOREIGN_2023);
        assertThat(TextLayout.detect(new byte[256])).contains(TextLayout.RESIDENT); // NUL padding
        assertThat(TextLayout.detect(new TextBlocks().put(248, "Q").bytes())).isEmpty();
        assertThat(TextLayout.detect(new byte[255])).isEmpty();
    }

    @Test
    void readsTrimmedFieldsAtTheStandardOffsets() {
        Map<String, String> f = TextLayout.RESIDENT.read(TextBlocks.zhang().bytes());
        assertThat(f).containsEntry("name", "张伟").containsEntry("sex", "1").containsEntry("nation", "01")
                .containsEntry("birth", "19800101").containsEntry("address", "北京市东城区示例路1号")
                .containsEntry("id", "110101198001011232").containsEntry("authority", "北京市公安局东城分局")
                .containsEntry("from", "20200101").containsEntry("until", "20400101").containsEntry("reserved", "");
    }

    @Test
    void writeIsTheInverseOfReadAndFillsTheMarker() {
        byte[] block = TextLayout.HMT_RESIDENCE_PERMIT.write(Map.of("name", "陈嘉欣", "pass-number", "H00000001"));
        assertThat(block[248]).isEqualTo((byte) 'J');
        assertThat(block[249]).isZero();
        Map<String, String> f = TextLayout.HMT_RESIDENCE_PERMIT.read(block);
        assertThat(f).containsEntry("name", "陈嘉欣").containsEntry("pass-number", "H00000001")
                .containsEntry("type", "J").containsEntry("sex", "");
        assertThat(TextLayout.RESIDENT.write(Map.of("name", "张伟"))).isEqualTo(
                new TextBlocks().put(0, "张伟").bytes());
    }

    @Test
    void writeRefusesUnknownFieldsAndValuesThatDoNotFit() {
        assertThatThrownBy(() -> TextLayout.RESIDENT.write(Map.of("pass-number", "X")))
                .hasMessageContaining("no field 'pass-number'");
        assertThatThrownBy(() -> TextLayout.RESIDENT.write(Map.of("name", "一二三四五六七八九十一二三四五六")))
                .hasMessageContaining("holds 15 characters");
    }

    @Test
    void configNamesRoundTrip() {
        for (TextLayout l : TextLayout.values()) {
            assertThat(TextLayout.fromConfigName(l.configName())).contains(l);
        }
        assertThat(TextLayout.fromConfigName("passport")).isEmpty();
    }

    @Test
    void nationTableHasTheFiftySixNationsAndTheTwoExtraCodes() {
        assertThat(Nations.all()).hasSize(58);
        assertThat(Nations.name("01")).contains("汉");
        assertThat(Nations.name("08")).contains("壮");
        assertThat(Nations.name("56")).contains("基诺");
        assertThat(Nations.name("97")).contains("其他");
        assertThat(Nations.name("98")).contains("外国血统中国籍人士");
        assertThat(Nations.name("57")).isEmpty();
        assertThat(Nations.name("00")).isEmpty();
        assertThat(Nations.name("1")).isEmpty();
        assertThat(Nations.name(null)).isEmpty();
        assertThat(Nations.code("维吾尔")).contains("05");
        assertThat(Nations.all().values()).doesNotHaveDuplicates();
    }

    @Test
    void photoDecoderNoneDecodesNothing() {
        assertThat(PhotoDecoder.none().decode(new byte[1024])).isEmpty();
    }
}
