package org.govkiosk.personal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MaskingTest {

    @Test
    void namesKeepTheFirstCharacterOnly() {
        assertThat(Masking.name("张三丰")).isEqualTo("张**");
        assertThat(Masking.name("张伟")).isEqualTo("张*");
        assertThat(Masking.name("欧阳娜娜")).isEqualTo("欧***");
        assertThat(Masking.name("𠀀三")).as("a character outside the BMP is one character").isEqualTo("𠀀*");
        assertThat(Masking.name("")).isEmpty();
        assertThat(Masking.name(null)).isNull();
    }

    @Test
    void numbersKeepTheirFirstThreeAndLastFour() {
        assertThat(Masking.idNumber("110101198001011232")).isEqualTo("110***********1232");
        assertThat(Masking.idNumber("11010519491231002X")).isEqualTo("110***********002X");
        assertThat(Masking.phone("13812345678")).isEqualTo("138****5678");
        assertThat(Masking.cardNumber("A12345678")).isEqualTo("A12**5678");
        assertThat(Masking.idNumber("1234567")).isEqualTo("*******");
        assertThat(Masking.phone(null)).isNull();
    }

    @Test
    void addressesKeepTheDistrict() {
        assertThat(Masking.address("上海市徐汇区示例路88弄5号")).isEqualTo("上海市徐汇区****");
        assertThat(Masking.address("北京市")).isEqualTo("****");
    }

    @Test
    void freeTextIsMaskedByTheSameRule() {
        assertThat(Masking.text("refused 110101198001011232 (tel 13812345678), case 2024000123456789012345"))
                .isEqualTo("refused 110***********1232 (tel 138****5678), case 2024000123456789012345");
        assertThat(Masking.text("11010519491231002x")).isEqualTo("110***********002x");
    }
}
