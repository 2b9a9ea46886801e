package org.govkiosk.app.journey;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CaseNumbersTest {

    private final CaseNumbers numbers = new CaseNumbers(JourneyRig.QUERY_URL);

    @Test
    void readsTheReceiptsQrPayloadAndBareNumbers() {
        assertThat(numbers.scanned(JourneyRig.QUERY_URL + "GK20261130892019655667"))
                .contains("GK20261130892019655667");
        assertThat(numbers.scanned(JourneyRig.QUERY_URL + "GK2026113089&lang=zh")).contains("GK2026113089");
        assertThat(numbers.scanned(" 330100-2026-000123 ")).contains("330100-2026-000123");
    }

    @Test
    void refusesWhatIsNoCaseNumber() {
        assertThat(numbers.scanned("https://elsewhere.example/q?c=GK2026")).isEmpty();
        assertThat(numbers.scanned("EL-SOCIAL-20261122-77AF;sig=abc")).isEmpty();
        assertThat(numbers.typed("12")).isEmpty();
        assertThat(numbers.typed("-12345")).isEmpty();
        assertThat(numbers.typed(null)).isEmpty();
        assertThat(numbers.typed("gk 2026 1130")).contains("GK20261130");
    }
}
