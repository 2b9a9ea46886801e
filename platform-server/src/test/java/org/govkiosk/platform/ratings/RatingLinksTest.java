package org.govkiosk.platform.ratings;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The signed rating links: what was signed reads back; any change, another key, or garbage reads as nothing. */
class RatingLinksTest {

    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private final RatingLinks links = new RatingLinks(KEY, () -> "https://zwfw.example.gov.cn");
    private final RatingLink link = new RatingLink("GK20250401000000000001", "2", "W-07",
            "11449900MB2C1000014442113001000", LocalDate.of(2025, 4, 9), RatingLink.Source.SMS);

    @Test
    void aSignedLinkReadsBackAsItWasMade() {
        String url = links.url(link);
        assertThat(url).startsWith("https://zwfw.example.gov.cn/rate?t=");
        assertThat(url.length()).as("short enough for a receipt's QR code").isLessThan(220);
        assertThat(links.verify(url.substring(url.indexOf("?t=") + 3))).contains(link);
        RatingLink caseLink = new RatingLink("GK1", "1", null, "I", LocalDate.of(2025, 4, 9), RatingLink.Source.QR);
        assertThat(links.verify(links.token(caseLink))).contains(caseLink);
    }

    @Test
    void everyChangedCharacterAnotherKeyOrGarbageIsRefused() {
        String token = links.token(link);
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            String changed = token.substring(0, i) + (c == 'A' ? 'B' : 'A') + token.substring(i + 1);
            assertThat(links.verify(changed)).as("changed at " + i).isEmpty();
        }
        assertThat(new RatingLinks(new byte[32], () -> "x").verify(token)).isEmpty();
        for (String garbage : new String[] {null, "", ".", "a.b", token + "." + token, "x".repeat(700)}) {
            assertThat(links.verify(garbage)).isEmpty();
        }
    }
}
