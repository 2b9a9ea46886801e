package org.govkiosk.device.idcard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.govkiosk.device.idcard.IdCardData.ForeignResidentDetails;
import org.govkiosk.device.idcard.IdCardData.HmtPermitDetails;
import org.govkiosk.device.idcard.IdCardRejection.Reason;
import org.junit.jupiter.api.Test;

/** Residence permits (J) and both editions of the foreigner permanent residence card (I, Y). */
class OtherDocumentsParserTest {

    private static IdCardData parsed(TextBlocks block) {
        IdCardTextParser.Result r = IdCardTextParser.parse(block.bytes(), null);
        assertThat(r).isInstanceOf(IdCardTextParser.Parsed.class);
        return ((IdCardTextParser.Parsed) r).card();
    }

    private static Reason rejected(TextBlocks block) {
        IdCardTextParser.Result r = IdCardTextParser.parse(block.bytes(), null);
        assertThat(r).isInstanceOf(IdCardTextParser.Rejected.class);
        return ((IdCardTextParser.Rejected) r).rejection().reason();
    }

    @Test
    void parsesAHongKongResidencePermit() {
        IdCardData card = parsed(TextBlocks.hmt("810000199505120027", "19950512", "2", "H00000001", "01"));
        assertThat(card.documentType()).isEqualTo(IdCardData.DocumentType.HMT_RESIDENCE_PERMIT);
        assertThat(card.name()).isEqualTo("陈嘉欣");
        assertThat(card.sex()).isEqualTo(IdCardData.Sex.FEMALE);
        assertThat(card.nation()).isNull();
        assertThat(card.birthDate()).isEqualTo(LocalDate.of(1995, 5, 12));
        assertThat(card.address()).isEqualTo("广东省深圳市南山区示例路8号");
        assertThat(card.idNumber()).isEqualTo("810000199505120027");
        assertThat(card.issuingAuthority()).isEqualTo("深圳市公安局");
        assertThat(card.validUntil()).isEqualTo(LocalDate.of(2028, 3, 1));
        HmtPermitDetails details = (HmtPermitDetails) card.details();
        assertThat(details.passNumber()).isEqualTo("H00000001");
        assertThat(details.issueCount()).isEqualTo("01");
        assertThat(details.toString()).doesNotContain("H00000001");
    }

    @Test
    void acceptsMacauAndTaiwanPermitNumbers() {
        assertThat(parsed(TextBlocks.hmt("820000198501010012", "19850101", "1", "M00000001", "02")).idNumber())
                .startsWith("82");
        IdCardData taiwan = parsed(TextBlocks.hmt("830000198501010022", "19850101", "2", "00000001", ""));
        assertThat(((HmtPermitDetails) taiwan.details()).issueCount()).isNull();
    }

    @Test
    void rejectsBrokenPermits() {
        assertThat(rejected(TextBlocks.hmt("110101198001011232", "19800101", "1", "H00000001", "01")))
                .isEqualTo(Reason.ID_NUMBER_MISMATCH); // a mainland number on a permit
        assertThat(rejected(TextBlocks.hmt("710000198501010025", "19850101", "2", "H00000001", "01")))
                .isEqualTo(Reason.ID_NUMBER_MISMATCH);
        assertThat(rejected(TextBlocks.hmt("810000199505120028", "19950512", "2", "H00000001", "01")))
                .isEqualTo(Reason.INVALID_ID_NUMBER);
        assertThat(rejected(TextBlocks.hmt("810000199505120027", "19950512", "2", "", "01"))).isEqualTo(Reason.MISSING_FIELD);
        assertThat(rejected(TextBlocks.hmt("810000199505120027", "19950512", "2", "H-1", "01"))).isEqualTo(Reason.INVALID_FIELD);
        assertThat(rejected(TextBlocks.hmt("810000199505120027", "19950512", "2", "H00000001", "x1")))
                .isEqualTo(Reason.INVALID_FIELD);
    }

    @Test
    void parsesThe2017ForeignerCard() {
        IdCardData card = parsed(TextBlocks.foreign2017("SMITH, JOHN DEMO", "史密斯", "GBR110075060100", "GBR"));
        assertThat(card.documentType()).isEqualTo(IdCardData.DocumentType.FOREIGN_PERMANENT_RESIDENT);
        assertThat(card.name()).isEqualTo("史密斯");
        assertThat(card.englishName()).isEqualTo("SMITH, JOHN DEMO");
        assertThat(card.sex()).isEqualTo(IdCardData.Sex.MALE);
        assertThat(card.idNumber()).isEqualTo("GBR110075060100");
        assertThat(card.nationality()).isEqualTo("GBR");
        assertThat(card.birthDate()).isEqualTo(LocalDate.of(1975, 6, 1));
        assertThat(card.validFrom()).isEqualTo(LocalDate.of(2018, 1, 1));
        assertThat(card.validUntil()).isEqualTo(LocalDate.of(2028, 1, 1));
        assertThat(card.address()).isNull();
        assertThat(card.nation()).isNull();
        ForeignResidentDetails details = (ForeignResidentDetails) card.details();
        assertThat(details.edition()).isEqualTo(ForeignResidentDetails.Edition.E2017);
        assertThat(details.cardVersion()).isEqualTo("01");
        assertThat(details.authorityCode()).isEqualTo("1100");
    }

    @Test
    void aForeignerWithoutAChineseNameIsNamedInEnglish() {
        IdCardData card = parsed(TextBlocks.foreign2017("MUELLER, ANNA", "", "DEU110075060101", "DEU"));
        assertThat(card.name()).isEqualTo("MUELLER, ANNA");
    }

    @Test
    void rejectsBroken2017Cards() {
        assertThat(rejected(TextBlocks.foreign2017("SMITH", "", "GB1110075060100", "GBR")))
                .isEqualTo(Reason.INVALID_ID_NUMBER);
        assertThat(rejected(TextBlocks.foreign2017("SMITH", "", "GBR11007506010", "GBR")))
                .isEqualTo(Reason.INVALID_ID_NUMBER);
        assertThat(rejected(TextBlocks.foreign2017("SMITH", "", "GBR110075060100", "GB")))
                .isEqualTo(Reason.INVALID_NATIONALITY);
        assertThat(rejected(TextBlocks.foreign2017("", "史密斯", "GBR110075060100", "GBR")))
                .isEqualTo(Reason.MISSING_FIELD);
    }

    @Test
    void parsesThe2023ForeignerCard() {
        String first = "GARCIA LOPEZ DE LA FUENTE, MARIA DE"; // exactly 35 characters: continued at byte 220
        assertThat(first).hasSize(35);
        IdCardData card = parsed(TextBlocks.foreign2023("加西亚", first, " LA PAZ", "911560198809090027"));
        assertThat(card.name()).isEqualTo("加西亚");
        assertThat(card.englishName()).isEqualTo("GARCIA LOPEZ DE LA FUENTE, MARIA DE LA PAZ");
        assertThat(card.sex()).isEqualTo(IdCardData.Sex.FEMALE);
        assertThat(card.idNumber()).isEqualTo("911560198809090027");
        assertThat(card.nationality()).isEqualTo("ESP");
        assertThat(card.birthDate()).isEqualTo(LocalDate.of(1988, 9, 9));
        assertThat(card.validUntil()).isEqualTo(LocalDate.of(2034, 1, 15));
        ForeignResidentDetails details = (ForeignResidentDetails) card.details();
        assertThat(details.edition()).isEqualTo(ForeignResidentDetails.Edition.E2023);
        assertThat(details.renewalCount()).isEqualTo("00");
        assertThat(details.previousNumberLink()).isEqualTo("ESP");
    }

    @Test
    void joinsThe2023EnglishNameAsStoredAcrossTheSeam() {
        String first = "GARCIA LOPEZ DE LA FUENTE, MARIA JO"; // 35 characters, the word runs on
        assertThat(parsed(TextBlocks.foreign2023("", first, "SEFINA", "911560198809090027")).englishName())
                .isEqualTo("GARCIA LOPEZ DE LA FUENTE, MARIA JOSEFINA");
        IdCardData shortName = parsed(TextBlocks.foreign2023("", "GARCIA, MARIA", "", "911560198809090027"));
        assertThat(shortName.englishName()).isEqualTo("GARCIA, MARIA");
        assertThat(shortName.name()).isEqualTo("GARCIA, MARIA");
    }

    @Test
    void rejectsBroken2023Cards() {
        assertThat(rejected(TextBlocks.foreign2023("加西亚", "GARCIA", "", "911560198809090028")))
                .isEqualTo(Reason.INVALID_ID_NUMBER);
        assertThat(rejected(TextBlocks.foreign2023("加西亚", "GARCIA", "", "110101198001011232")))
                .isEqualTo(Reason.ID_NUMBER_MISMATCH); // a citizen's number on a foreigner's card
        assertThat(rejected(TextBlocks.foreign2023("加西亚", "GARCIA", "", "GBR110075060100")))
                .isEqualTo(Reason.INVALID_ID_NUMBER);
        assertThat(rejected(TextBlocks.foreign2023("", "", "", "911560198809090027")))
                .isEqualTo(Reason.MISSING_FIELD);
        assertThat(rejected(TextBlocks.foreign2023("加西亚", "GARCIA", "", "911560198809090027").put(36, "19881309")))
                .isEqualTo(Reason.INVALID_DATE);
    }
}
