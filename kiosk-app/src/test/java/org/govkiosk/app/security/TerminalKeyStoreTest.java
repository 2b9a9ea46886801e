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
}
