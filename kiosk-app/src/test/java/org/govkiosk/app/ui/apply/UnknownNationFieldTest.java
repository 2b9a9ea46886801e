package org.govkiosk.app.ui.apply;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.govkiosk.app.catalog.FieldType;
import org.govkiosk.app.catalog.FormField;
import org.govkiosk.app.catalog.LocalizedText;
import org.govkiosk.app.catalog.Prefill;
import org.govkiosk.app.i18n.I18n;
import org.govkiosk.app.journey.ApplicantIdentity;
import org.govkiosk.device.idcard.IdCardData;
import org.govkiosk.device.idcard.Nations;
import org.junit.jupiter.api.Test;

/**
 * A form's nation field for a card whose nation code the GB 3304 table lacks (issue 19): the case carries the card's
 * data as read (未知民族（代码 99）), and each screen says it in its language from the bundles.
 */
class UnknownNationFieldTest {

    private static final FormField NATION = new FormField("nation", new LocalizedText("民族", "Ethnic group"),
            FieldType.TEXT, false, Optional.empty(), Optional.empty(), List.of(), Optional.of(Prefill.NATION));

    private static FieldInput fieldFor(String nation) {
        IdCardData card = new IdCardData(IdCardData.DocumentType.RESIDENT_ID, "张三", IdCardData.Sex.MALE, nation,
                LocalDate.of(1980, 1, 1), "北京市东城区示例路1号", "110101198001011232", "北京市公安局东城分局",
                LocalDate.of(2020, 1, 1), null, null, null, new byte[0]);
        ApplicantIdentity who = ApplicantIdentity.of(card, "13800138000");
        return new FieldInput(NATION, who.prefill(Prefill.NATION).orElse(""), who.locks(Prefill.NATION));
    }

    @Test
    void anUnknownNationIsShownAsUnknownWithItsCodeInEachLanguage() {
        FieldInput field = fieldFor(Nations.unknown("99"));

        assertThat(field.locked()).as("read off the card, not typed").isTrue();
        assertThat(field.valueProperty().get()).as("what the case carries").isEqualTo("未知民族（代码 99）");
        assertThat(field.shownIn(I18n.ZH_CN)).isEqualTo("未知民族（代码 99）");
        assertThat(field.shownIn(Locale.ENGLISH)).isEqualTo("unknown (code 99)");
        assertThat(new ApplyViewModel.SummaryLine(NATION, field.shown()).shownIn(Locale.ENGLISH))
                .isEqualTo("unknown (code 99)");
    }

    @Test
    void aNationFromTheTableIsShownAsRead() {
        FieldInput field = fieldFor("回");

        assertThat(field.shownIn(I18n.ZH_CN)).isEqualTo("回");
        assertThat(field.shownIn(Locale.ENGLISH)).isEqualTo("回");
    }
}
