package org.govkiosk.app.ui.keyboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.govkiosk.app.catalog.Catalog;
import org.govkiosk.app.catalog.CatalogItem;
import org.govkiosk.app.catalog.CatalogLoader;
import org.govkiosk.app.catalog.FieldType;
import org.govkiosk.app.catalog.FormField;
import org.junit.jupiter.api.Test;

/** Each field gets the keyboard its type asks for. */
class KeyboardLayoutTest {

    @Test
    void eachFieldTypeHasItsKeyboard() {
        assertThat(KeyboardLayout.of(FieldType.PHONE, false)).isEqualTo(KeyboardLayout.PHONE);
        assertThat(KeyboardLayout.of(FieldType.ID_NUMBER, false)).isEqualTo(KeyboardLayout.ID_NUMBER);
        assertThat(KeyboardLayout.of(FieldType.NUMBER, true)).isEqualTo(KeyboardLayout.DECIMAL);
        assertThat(KeyboardLayout.of(FieldType.DATE, false)).isEqualTo(KeyboardLayout.DATE);
        assertThat(KeyboardLayout.of(FieldType.CHOICE, false)).as("choices are buttons").isEqualTo(KeyboardLayout.NONE);
        assertThat(KeyboardLayout.of(FieldType.TEXT, false)).as("names, addresses").isEqualTo(KeyboardLayout.CHINESE);
        assertThat(KeyboardLayout.of(FieldType.TEXT, true)).as("codes with a pattern").isEqualTo(KeyboardLayout.CODE);
    }

    @Test
    void theShippedCatalogsFieldsGetTheKeyboardsTheirValuesNeed() {
        Catalog catalog = CatalogLoader.load(Paths.get(System.getProperty("govkiosk.config.dir", "../config")));
        Map<String, KeyboardLayout> byKey = catalog.items().stream().map(CatalogItem::form).flatMap(List::stream)
                .collect(Collectors.toMap(FormField::key, KeyboardLayout::of, (a, b) -> a));
        assertThat(byKey).containsEntry("phone", KeyboardLayout.PHONE)
                .containsEntry("id-number", KeyboardLayout.ID_NUMBER)
                .containsEntry("retired-on", KeyboardLayout.DATE)
                .containsEntry("grade", KeyboardLayout.NONE)
                .containsEntry("place", KeyboardLayout.CHINESE)
                .containsEntry("premises", KeyboardLayout.CHINESE)
                .containsEntry("unit-number", KeyboardLayout.CODE)
                .containsEntry("credit-code", KeyboardLayout.CODE)
                .containsEntry("amount", KeyboardLayout.DECIMAL);
    }
}
