package org.govkiosk.device.idcard;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MaskingTest {

    @Test
    void idNumbersKeepTheirFirstThreeAndLastFour() {
        assertThat(Masking.maskIdNumber("110101199003070038")).isEqualTo("110***********0038");
        assertThat(Masking.maskIdNumber("1234567")).isEqualTo("*******");
    }

    @Test
    void namesKeepTheFamilyName() {
        assertThat(Masking.maskName("张三丰")).isEqualTo("张**");
        assertThat(Masking.maskName("𠀋一")).as("a family name outside the BMP").isEqualTo("𠀋*");
        assertThat(Masking.maskName("")).isEmpty();
    }

    @Test
    void addressesKeepTheirDistrictOnly() {
        assertThat(Masking.maskAddress("上海市徐汇区示例路88弄5号")).isEqualTo("上海市徐汇区****");
        assertThat(Masking.maskAddress("北京市")).as("nothing of a short address").isEqualTo("****");
        assertThat(Masking.maskAddress(null)).isEmpty();
    }
}
