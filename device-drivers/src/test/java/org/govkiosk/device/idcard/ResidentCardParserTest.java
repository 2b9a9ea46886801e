package org.govkiosk.device.idcard;

import org.govkiosk.personal.Masking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.govkiosk.device.idcard.IdCardRejection.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResidentCardParserTest {

    private static IdCardData parsed(byte[] text) {
        IdCardTextParser.Result r = IdCardTextParser.parse(text, new byte[] {1, 2, 3});
        assertThat(r).isInstanceOf(IdCardTextParser.Parsed.class);
        return ((IdCardTextParser.Parsed) r).card();
    }

    private static IdCardRejection rejected(byte[] text) {
        IdCardTextParser.Result r = IdCardTextParser.parse(text, null);
        assertThat(r).isInstanceOf(IdCardTextParser.Rejected.class);
        return ((IdCardTextParser.Rejected) r).rejection();
    }

    @Test
    void parsesEveryFieldOfAResidentCard() {
        IdCardData card = parsed(TextBlocks.zhang().bytes());
        assertThat(card.documentType()).isEqualTo(IdCardData.DocumentType.RESIDENT_ID);
        assertThat(card.name()).isEqualTo("张伟");
        assertThat(card.sex()).isEqualTo(IdCardData.Sex.MALE);
        assertThat(card.nation()).isEqualTo("汉");
        assertThat(card.birthDate()).isEqualTo(LocalDate.of(1980, 1, 1));
        assertThat(card.address()).isEqualTo("北京市东城区示例路1号");
        assertThat(card.idNumber()).isEqualTo("110101198001011232");
        assertThat(card.issuingAuthority()).isEqualTo("北京市公安局东城分局");
        assertThat(card.validFrom()).isEqualTo(LocalDate.of(2020, 1, 1));
        assertThat(card.validUntil()).isEqualTo(LocalDate.of(2040, 1, 1));
        assertThat(card.englishName()).isNull();
        assertThat(card.nationality()).isNull();
        assertThat(card.rawPhoto()).containsExactly(1, 2, 3);
        assertThat(card.details()).isInstanceOf(IdCardData.NoDetails.class);
        assertThat(card.toString()).doesNotContain("110101198001011232").doesNotContain("张伟");
    }

    /** Issue 19: a lawful card is not refused for a nation code the table lacks; it reads as unknown with its code. */
    @ParameterizedTest
    @CsvSource({"57", "99", "00"})
    void aNationCodeOutsideTheTableIsReadAsUnknownWithItsCode(String code) {
        IdCardData card = parsed(TextBlocks.resident("张伟", "1", code, "19800101", "北京市东城区示例路1号",
                "110101198001011232", "北京市公安局东城分局", "20200101", "20400101").bytes());

        assertThat(card.nation()).isEqualTo("未知民族（代码 " + code + "）");
        assertThat(Nations.unknownCode(card.nation())).contains(code);
        assertThat(Nations.code(card.nation())).contains(code);
        assertThat(card.name()).isEqualTo("张伟");
        assertThat(card.idNumber()).isEqualTo("110101198001011232");
    }

    @Test
    void aNameFromTheTableIsNoUnknownNation() {
        assertThat(Nations.unknownCode("汉")).isEmpty();
        assertThat(Nations.code("汉")).contains("01");
        assertThat(Nations.unknownCode("未知民族（代码 9）")).isEmpty();
    }

    @Test
    void longTermValidityHasNoEnd() {
        IdCardData card = parsed(TextBlocks.resident("王建国", "1", "08", "19550720", "广东省深圳市福田区示例街道100号",
                "440305195507203572", "深圳市公安局福田分局", "20100101", "长期").bytes());
        assertThat(card.validUntil()).isNull();
        assertThat(card.nation()).isEqualTo("壮");
        assertThat(card.isValidOn(LocalDate.of(2099, 1, 1))).isTrue();
    }

    @Test
    void leapDayAndXCheckCharacter() {
        IdCardData card = parsed(TextBlocks.resident("赵强", "1", "03", "20000229", "北京市西城区示例胡同2号",
                "11010520000229003X", "北京市公安局西城分局", "20160301", "20260301").bytes());
        assertThat(card.idNumber()).endsWith("X");
        assertThat(card.sex()).isEqualTo(IdCardData.Sex.MALE);
        assertThat(card.nation()).isEqualTo("回");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "wrong check character | 张伟 | 1 | 01 | 19800101 | 110101198001011233 | 20200101 | 20400101 | INVALID_ID_NUMBER",
            "birth differs from id | 张伟 | 1 | 01 | 19800102 | 110101198001011232 | 20200101 | 20400101 | ID_NUMBER_MISMATCH",
            "sex differs from id   | 张伟 | 2 | 01 | 19800101 | 110101198001011232 | 20200101 | 20400101 | ID_NUMBER_MISMATCH",
            "permit number         | 陈嘉 | 2 | 01 | 19950512 | 810000199505120027 | 20200101 | 20400101 | ID_NUMBER_MISMATCH",
            "no name               | ''  | 1 | 01 | 19800101 | 110101198001011232 | 20200101 | 20400101 | MISSING_FIELD",
            "sex code 3            | 张伟 | 3 | 01 | 19800101 | 110101198001011232 | 20200101 | 20400101 | INVALID_SEX",
            "nation letters        | 张伟 | 1 | HA | 19800101 | 110101198001011232 | 20200101 | 20400101 | INVALID_NATION",
            "nation one digit      | 张伟 | 1 | 5  | 19800101 | 110101198001011232 | 20200101 | 20400101 | INVALID_NATION",
            "nation blank          | 张伟 | 1 | ''  | 19800101 | 110101198001011232 | 20200101 | 20400101 | INVALID_NATION",
            "birth not a date      | 张伟 | 1 | 01 | 19800132 | 110101198001011232 | 20200101 | 20400101 | INVALID_DATE",
            "from not a date       | 张伟 | 1 | 01 | 19800101 | 110101198001011232 | 2020010A | 20400101 | INVALID_DATE",
            "until garbage         | 张伟 | 1 | 01 | 19800101 | 110101198001011232 | 20200101 | 短期      | INVALID_DATE",
            "ends before start     | 张伟 | 1 | 01 | 19800101 | 110101198001011232 | 20200101 | 20100101 | INVALID_VALIDITY",
            "issued before birth   | 张伟 | 1 | 01 | 19800101 | 110101198001011232 | 19700101 | 20400101 | INVALID_VALIDITY"})
    void rejectsInconsistentCardsWithTheReason(String label, String name, String sex, String nation, String birth,
            String id, String from, String until, Reason reason) {
        IdCardRejection r = rejected(TextBlocks.resident(name, sex, nation, birth, "北京市东城区示例路1号", id,
                "北京市公安局东城分局", from, until).bytes());
        assertThat(r.reason()).isEqualTo(reason);
        // Reasons are for logs and technicians: never a value, the number masked only.
        assertThat(r.detail()).doesNotContain(id).doesNotContain(birth);
        assertThat(r.toString()).doesNotContain(id);
        if (!id.isEmpty()) {
            assertThat(r.maskedIdNumber()).isEqualTo(Masking.idNumber(id));
        }
        assertThat(r.messageKey()).startsWith("idcard.rejection.");
    }

    @Test
    void rejectsBlocksOfTheWrongSizeOrType() {
        assertThat(rejected(new byte[255]).reason()).isEqualTo(Reason.MALFORMED_TEXT);
        assertThat(rejected(null).reason()).isEqualTo(Reason.MALFORMED_TEXT);
        IdCardRejection unknown = rejected(TextBlocks.zhang().put(248, "Z").bytes());
        assertThat(unknown.reason()).isEqualTo(Reason.UNKNOWN_CARD_TYPE);
        assertThat(unknown.detail()).contains("U+005A");
    }

    @Test
    void anEmptyBlockIsRejectedNotAccepted() {
        assertThat(rejected(new byte[256]).reason()).isEqualTo(Reason.MISSING_FIELD);
        assertThat(rejected(new TextBlocks().bytes()).reason()).isEqualTo(Reason.MISSING_FIELD);
    }

    @Test
    void parsesANewestAddressAnswer() {
        byte[] answer = new TextBlocks().put(0, "上海市闵行区示例路200号").bytes();
        assertThat(IdCardTextParser.parseAddress(java.util.Arrays.copyOf(answer, 70))).contains("上海市闵行区示例路200号");
        assertThat(IdCardTextParser.parseAddress(new byte[70])).isEmpty();
        assertThat(IdCardTextParser.parseAddress(new byte[3])).isEmpty();
    }
}
