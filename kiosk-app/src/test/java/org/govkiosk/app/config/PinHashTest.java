package org.govkiosk.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class PinHashTest {

    private static final String B64_16 = Base64.getEncoder().encodeToString(new byte[16]);
    private static final String B64_32 = Base64.getEncoder().encodeToString(new byte[32]);

    @Test
    void roundTripThroughTheStoredForm() {
        PinHash made = PinHash.hash("246810".toCharArray());

        PinHash parsed = PinHash.parse(made.encoded());

        assertThat(parsed).isEqualTo(made);
        assertThat(parsed.matches("246810".toCharArray())).isTrue();
    }

    @Test
    void wrongPinDoesNotMatch() {
        PinHash hash = PinHash.hash("246810".toCharArray());

        assertThat(hash.matches("246811".toCharArray())).isFalse();
        assertThat(hash.matches("2468100".toCharArray())).isFalse();
        assertThat(hash.matches(new char[0])).isFalse();
        assertThat(hash.matches(null)).isFalse();
    }

    @Test
    void samePinGetsADifferentSaltEachTime() {
        String a = PinHash.hash("246810".toCharArray()).encoded();
        String b = PinHash.hash("246810".toCharArray()).encoded();

        assertThat(a).isNotEqualTo(b);
        assertThat(a).startsWith("pbkdf2-sha256$");
    }

    @Test
    void storedFormIsNotThePin() {
        String encoded = PinHash.hash("246810".toCharArray()).encoded();

        assertThat(encoded).doesNotContain("246810");
        assertThat(PinHash.parse(encoded).toString()).doesNotContain(encoded.substring(encoded.lastIndexOf('$') + 1));
    }

    @Test
    void emptyPinCannotBeHashed() {
        assertThatIllegalArgumentException().isThrownBy(() -> PinHash.hash(new char[0])).withMessageContaining("empty");
    }

    @Test
    void malformedValuesSayWhatIsWrong() {
        assertThatIllegalArgumentException().isThrownBy(() -> PinHash.parse(""))
                .withMessageContaining("empty");
        assertThatIllegalArgumentException().isThrownBy(() -> PinHash.parse("246810"))
                .withMessageContaining("pbkdf2-sha256$");
        assertThatIllegalArgumentException().isThrownBy(() -> PinHash.parse("md5$600000$" + B64_16 + "$" + B64_32))
                .withMessageContaining("scheme");
        assertThatIllegalArgumentException().isThrownBy(() -> PinHash.parse("pbkdf2-sha256$many$" + B64_16 + "$" + B64_32))
                .withMessageContaining("iterations");
        assertThatIllegalArgumentException().isThrownBy(() -> PinHash.parse("pbkdf2-sha256$1000$" + B64_16 + "$" + B64_32))
                .withMessageContaining("iterations");
        assertThatIllegalArgumentException().isThrownBy(() -> PinHash.parse("pbkdf2-sha256$600000$%%%$" + B64_32))
                .withMessageContaining("salt");
        assertThatIllegalArgumentException().isThrownBy(() -> PinHash.parse("pbkdf2-sha256$600000$" + B64_16 + "$AAAA"))
                .withMessageContaining("hash");
        assertThatIllegalArgumentException().isThrownBy(() -> PinHash.parse("pbkdf2-sha256$600000$" + B64_16 + "$" + B64_32 + "$x"))
                .withMessageContaining("4");
    }

    @Test
    void cliPrintsAValueThatMatchesThePinGivenOnStdin() throws Exception {
        InputStream in = System.in;
        PrintStream out = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try {
            System.setIn(new ByteArrayInputStream("864200\n".getBytes(StandardCharsets.UTF_8)));
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            PinHash.main(new String[0]);
        } finally {
            System.setIn(in);
            System.setOut(out);
        }

        String line = printed.toString(StandardCharsets.UTF_8).trim();
        assertThat(line).startsWith("pin-hash: \"").endsWith("\"").doesNotContain("864200");
        String value = line.substring("pin-hash: \"".length(), line.length() - 1);
        assertThat(PinHash.parse(value).matches("864200".toCharArray())).isTrue();
    }

    @Test
    void cliAcceptsOnlyPinsThePadCanEnter() {
        assertThat(PinHash.isValidPin("123456".toCharArray())).isTrue();
        assertThat(PinHash.isValidPin("12345".toCharArray())).isFalse();
        assertThat(PinHash.isValidPin("1234567890123".toCharArray())).isFalse();
        assertThat(PinHash.isValidPin("12345a".toCharArray())).isFalse();
    }
}
