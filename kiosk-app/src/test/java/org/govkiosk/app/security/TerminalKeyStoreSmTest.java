package org.govkiosk.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.govkiosk.api.CryptoSuite;
import org.govkiosk.api.SignatureAlgorithm;
import org.govkiosk.app.audit.AuditMac;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A key store of the SM suite: SM2 and SM4 keys that survive a restart, and no silent switch between suites. */
class TerminalKeyStoreSmTest {

    @TempDir
    Path dir;

    private final char[] password = "a-secret-for-tests".toCharArray();

    @Test
    void makesSm2AndSm4KeysAndOpensTheSameOnesAgain() {
        TerminalKeyStore first = TerminalKeyStore.openOrCreate(dir, password, CryptoSuite.SM);
        assertThat(first.suite()).isEqualTo(CryptoSuite.SM);
        assertThat(SignatureAlgorithm.of(first.signingKeys().getPublic())).isEqualTo(SignatureAlgorithm.SM2_SM3);
        assertThat(first.dataKey().getAlgorithm()).isEqualTo("SM4");
        assertThat(first.dataKey().getEncoded()).hasSize(16);
        assertThat(AuditMac.of(first.suite())).isEqualTo(AuditMac.HMAC_SM3);
        TerminalKeyStore second = TerminalKeyStore.openOrCreate(dir, password, CryptoSuite.SM);
        assertThat(second.signingKeys().getPublic()).isEqualTo(first.signingKeys().getPublic());
        assertThat(second.signingKeys().getPrivate().getEncoded()).isEqualTo(first.signingKeys().getPrivate()
                .getEncoded());
        assertThat(second.dataKey().getEncoded()).isEqualTo(first.dataKey().getEncoded());
        assertThat(second.auditKey()).isEqualTo(first.auditKey()).isNotEqualTo(first.dataKey().getEncoded());
        assertThat(TerminalKeyStore.openExisting(dir, password).suite()).as("tools read the suite from the keys")
                .isEqualTo(CryptoSuite.SM);
    }

    @Test
    void anSm2PlatformKeyIsPinnedAndReadBack() {
        TerminalKeyStore keys = TerminalKeyStore.openOrCreate(dir, password, CryptoSuite.SM);
        var platform = org.govkiosk.api.TerminalKeys.generate(CryptoSuite.SM).getPublic();
        keys.pinPlatformKey(platform);
        assertThat(TerminalKeyStore.openOrCreate(dir, password, CryptoSuite.SM).platformKey()).contains(platform);
    }

    @Test
    void aKeyStoreOfOneSuiteRefusesToOpenUnderTheOther() {
        TerminalKeyStore.openOrCreate(dir.resolve("sm"), password, CryptoSuite.SM);
        assertThatThrownBy(() -> TerminalKeyStore.openOrCreate(dir.resolve("sm"), password))
                .isInstanceOf(KeyStoreUnavailableException.class)
                .hasMessageContaining("holds keys of crypto-suite sm, but the configuration asks for ed25519-aes");
        TerminalKeyStore.openOrCreate(dir.resolve("ed"), password);
        assertThatThrownBy(() -> TerminalKeyStore.openOrCreate(dir.resolve("ed"), password, CryptoSuite.SM))
                .isInstanceOf(KeyStoreUnavailableException.class)
                .hasMessageContaining("holds keys of crypto-suite ed25519-aes, but the configuration asks for sm");
    }

    @Test
    void theDefaultKeyStoreKeepsEd25519AndAes() {
        TerminalKeyStore keys = TerminalKeyStore.openOrCreate(dir, password);
        assertThat(keys.suite()).isEqualTo(CryptoSuite.ED25519_AES);
        assertThat(keys.signingKeys().getPublic().getAlgorithm()).isIn("Ed25519", "EdDSA");
        assertThat(keys.dataKey().getAlgorithm()).isEqualTo("AES");
        assertThat(keys.dataKey().getEncoded()).hasSize(32);
        assertThat(AuditMac.of(keys.suite())).isEqualTo(AuditMac.HMAC_SHA256);
    }
}
