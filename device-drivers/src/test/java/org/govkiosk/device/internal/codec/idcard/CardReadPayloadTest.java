package org.govkiosk.device.internal.codec.idcard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CardReadPayloadTest {

    @Test
    void parsesTextAndPhotoByTheirLengthFields() {
        Random random = new Random(1);
        byte[] text = new byte[256];
        byte[] photo = new byte[1024];
        random.nextBytes(text);
        random.nextBytes(photo);
        byte[] payload = new CardReadPayload(text, photo, null).encode(false);
        assertThat(HexFormat.of().formatHex(payload, 0, 4)).isEqualTo("01000400");
        assertThat(payload).hasSize(1284);
        CardReadPayload parsed = CardReadPayload.parse(payload, false).orElseThrow();
        assertThat(parsed.text()).isEqualTo(text);
        assertThat(parsed.photo()).isEqualTo(photo);
        assertThat(parsed.fingerprint()).isEmpty();
    }

    @Test
    void parsesTheFingerprintLayout() {
        byte[] fingerprint = new byte[1024];
        fingerprint[0] = 0x43;
        byte[] payload = new CardReadPayload(new byte[256], new byte[1024], fingerprint).encode(true);
        assertThat(HexFormat.of().formatHex(payload, 0, 6)).isEqualTo("010004000400");
        CardReadPayload parsed = CardReadPayload.parse(payload, true).orElseThrow();
        assertThat(parsed.fingerprint()).isEqualTo(fingerprint);
        assertThat(CardReadPayload.parse(payload, false)).isEmpty();
    }

    @Test
    void rejectsPayloadsWhoseLengthsDoNotAddUp() {
        byte[] payload = new CardReadPayload(new byte[256], new byte[1024], null).encode(false);
        assertThat(CardReadPayload.parse(java.util.Arrays.copyOf(payload, payload.length - 1), false)).isEmpty();
        assertThat(CardReadPayload.parse(java.util.Arrays.copyOf(payload, payload.length + 1), false)).isEmpty();
        assertThat(CardReadPayload.parse(new byte[3], false)).isEmpty();
        assertThat(CardReadPayload.parse(new byte[] {0, 0, 0, 0}, false)).isPresent();
    }

    @Test
    void toStringShowsSizesOnly() {
        byte[] text = "张三".getBytes(java.nio.charset.StandardCharsets.UTF_16LE);
        assertThat(new CardReadPayload(text, new byte[2], null).toString())
                .isEqualTo("CardReadPayload[text 4, photo 2, fingerprint 0 bytes]");
    }
}
