package org.govkiosk.app.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** SM4-GCM payloads at rest: sealed, marked, bound to their entry, and never mistaken for the other suite's. */
class PayloadCipherSmTest {

    private static final byte[] PAYLOAD = "{\"idNumber\":\"330106198701102000\"}".getBytes(StandardCharsets.UTF_8);

    private static SecretKey sm4() {
        byte[] key = new byte[16];
        new SecureRandom().nextBytes(key);
        return new SecretKeySpec(key, "SM4");
    }

    private final PayloadCipher cipher = new PayloadCipher(sm4());

    @Test
    void roundTripsAndStoresTheMarkerIvCiphertextAndTag() throws Exception {
        byte[] stored = cipher.encrypt(PAYLOAD, EntryKind.CASE, "k-1");
        assertThat(cipher.cipherName()).isEqualTo("SM4-GCM");
        assertThat(new String(stored, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("SM4G");
        assertThat(stored).hasSize(4 + 12 + PAYLOAD.length + 16);
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("330106198701102000");
        assertThat(cipher.decrypt(stored, EntryKind.CASE, "k-1")).isEqualTo(PAYLOAD);
    }

    @Test
    void anAlteredPayloadOrOneOfAnotherEntryOrKeyIsRefused() {
        byte[] stored = cipher.encrypt(PAYLOAD, EntryKind.CASE, "k-1");
        byte[] altered = stored.clone();
        altered[altered.length - 20] ^= 1;
        assertThatThrownBy(() -> cipher.decrypt(altered, EntryKind.CASE, "k-1"))
                .isInstanceOf(GeneralSecurityException.class);
        assertThatThrownBy(() -> cipher.decrypt(stored, EntryKind.CASE, "k-2"))
                .isInstanceOf(GeneralSecurityException.class);
        assertThatThrownBy(() -> cipher.decrypt(stored, EntryKind.RATING, "k-1"))
                .isInstanceOf(GeneralSecurityException.class);
        assertThatThrownBy(() -> new PayloadCipher(sm4()).decrypt(stored, EntryKind.CASE, "k-1"))
                .isInstanceOf(GeneralSecurityException.class);
        assertThatThrownBy(() -> cipher.decrypt(Arrays.copyOf(stored, 20), EntryKind.CASE, "k-1"))
                .isInstanceOf(GeneralSecurityException.class).hasMessageContaining("too short");
    }

    @Test
    void aPayloadOfTheOtherSuiteIsRefusedByName() {
        PayloadCipher aes = new PayloadCipher(TestKeys.aes());
        byte[] aesStored = aes.encrypt(PAYLOAD, EntryKind.CASE, "k-1");
        assertThatThrownBy(() -> cipher.decrypt(aesStored, EntryKind.CASE, "k-1"))
                .isInstanceOf(GeneralSecurityException.class).hasMessageContaining("not SM4-GCM");
        byte[] smStored = cipher.encrypt(PAYLOAD, EntryKind.CASE, "k-1");
        assertThatThrownBy(() -> aes.decrypt(smStored, EntryKind.CASE, "k-1"))
                .isInstanceOf(GeneralSecurityException.class).hasMessageContaining("marked SM4-GCM");
    }

    @Test
    void theDefaultSuitesPayloadKeepsItsFormat() throws Exception {
        PayloadCipher aes = new PayloadCipher(TestKeys.aes());
        byte[] stored = aes.encrypt(PAYLOAD, EntryKind.CASE, "k-1");
        assertThat(aes.cipherName()).isEqualTo("AES-GCM");
        assertThat(stored).hasSize(12 + PAYLOAD.length + 16);
        assertThat(aes.decrypt(stored, EntryKind.CASE, "k-1")).isEqualTo(PAYLOAD);
    }

    @Test
    void anSm4KeyOfTheWrongLengthIsRefused() {
        assertThatThrownBy(() -> new PayloadCipher(new SecretKeySpec(new byte[32], "SM4")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("16 bytes");
    }
}
