package org.govkiosk.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.Signature;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TerminalKeyStoreTest {

    @TempDir
    Path dir;

    private final char[] password = "terminal-secret".toCharArray();

    @Test
    void createdOnFirstStartWithOwnerOnlyPermissions() throws IOException {
        TerminalKeyStore keys = TerminalKeyStore.openOrCreate(dir.resolve("data"), password);
        Path file = dir.resolve("data").resolve(TerminalKeyStore.FILE_NAME);
        assertThat(keys.file()).isEqualTo(file);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(keys.dataKey().getAlgorithm()).isEqualTo("AES");
        assertThat(keys.dataKey().getEncoded()).hasSize(32);
        assertThat(keys.signingKeys().getPublic().getAlgorithm()).isIn("Ed25519", "EdDSA");
        assertThat(Files.exists(file.resolveSibling(TerminalKeyStore.FILE_NAME + ".tmp"))).isFalse();
    }

    @Test
    void laterStartsLoadTheSameKeys() throws Exception {
        TerminalKeyStore first = TerminalKeyStore.openOrCreate(dir, password);
        TerminalKeyStore second = TerminalKeyStore.openOrCreate(dir, password);
        assertThat(second.dataKey().getEncoded()).isEqualTo(first.dataKey().getEncoded());
        assertThat(second.publicKeyBase64()).isEqualTo(first.publicKeyBase64());

        // The loaded private key signs what the first public key verifies.
        byte[] message = "POST /api/v1/cases".getBytes(StandardCharsets.UTF_8);
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(second.signingKeys().getPrivate());
        signer.update(message);
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(first.signingKeys().getPublic());
        verifier.update(message);
        assertThat(verifier.verify(signature)).isTrue();
    }

    @Test
    void aWrongPasswordOrDamagedFileIsRefusedAndLeftAlone() throws IOException {
        TerminalKeyStore.openOrCreate(dir, password);
        Path file = dir.resolve(TerminalKeyStore.FILE_NAME);
        byte[] before = Files.readAllBytes(file);

        assertThatThrownBy(() -> TerminalKeyStore.openOrCreate(dir, "wrong".toCharArray()))
                .isInstanceOf(KeyStoreUnavailableException.class).hasMessageContaining("cannot be loaded");
        assertThat(Files.readAllBytes(file)).isEqualTo(before);

        Files.write(file, new byte[] {1, 2, 3});
        assertThatThrownBy(() -> TerminalKeyStore.openOrCreate(dir, password))
                .isInstanceOf(KeyStoreUnavailableException.class);
        assertThat(Files.readAllBytes(file)).containsExactly(1, 2, 3);
    }

    @Test
    void keysStillSealedAtOpenSurviveAReprotectOrAPinMadeBeforeTheirFirstUse() throws Exception {
        TerminalKeyStore first = TerminalKeyStore.openOrCreate(dir, password);
        java.security.PublicKey platform = java.security.KeyPairGenerator.getInstance("Ed25519").generateKeyPair()
                .getPublic();
        first.pinPlatformKey(platform);

        // Re-protected right after opening, before anything asked for the signing pair or the pinned key.
        char[] newPassword = "another-secret".toCharArray();
        TerminalKeyStore.openOrCreate(dir, password).reprotect(newPassword);
        TerminalKeyStore reopened = TerminalKeyStore.openOrCreate(dir, newPassword);
        assertThat(reopened.dataKey().getEncoded()).isEqualTo(first.dataKey().getEncoded());
        assertThat(reopened.publicKeyBase64()).isEqualTo(first.publicKeyBase64());
        assertThat(reopened.signingKeys().getPrivate().getEncoded())
                .isEqualTo(first.signingKeys().getPrivate().getEncoded());
        assertThat(reopened.platformKey()).contains(platform);

        // Another pin, again before the first use of the others: they stay.
        java.security.PublicKey next = java.security.KeyPairGenerator.getInstance("Ed25519").generateKeyPair()
                .getPublic();
        TerminalKeyStore.openOrCreate(dir, newPassword).pinPlatformKey(next);
        TerminalKeyStore last = TerminalKeyStore.openOrCreate(dir, newPassword);
        assertThat(last.platformKey()).contains(next);
        assertThat(last.publicKeyBase64()).isEqualTo(first.publicKeyBase64());
        assertThat(last.suite()).isEqualTo(org.govkiosk.api.CryptoSuite.ED25519_AES);
    }

    @Test
    void aFileWithoutItsSigningEntriesIsRefusedAtOpenNotAtFirstUse() throws Exception {
        java.security.KeyStore ks = java.security.KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        javax.crypto.KeyGenerator aes = javax.crypto.KeyGenerator.getInstance("AES");
        aes.init(256);
        ks.setEntry(TerminalKeyStore.DATA_KEY_ALIAS, new java.security.KeyStore.SecretKeyEntry(aes.generateKey()),
                new java.security.KeyStore.PasswordProtection(password));
        try (var out = Files.newOutputStream(dir.resolve(TerminalKeyStore.FILE_NAME))) {
            ks.store(out, password);
        }
        assertThatThrownBy(() -> TerminalKeyStore.openOrCreate(dir, password))
                .isInstanceOf(KeyStoreUnavailableException.class)
                .hasMessageContaining("no entry '" + TerminalKeyStore.SIGN_PRIVATE_ALIAS + "'");
    }
}
