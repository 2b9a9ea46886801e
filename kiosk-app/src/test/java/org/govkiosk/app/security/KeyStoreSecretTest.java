package org.govkiosk.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.govkiosk.app.context.TerminalPlatform;
import org.govkiosk.app.config.ConfigException;
import org.govkiosk.app.config.ConfigLoader;
import org.govkiosk.app.config.TerminalConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14, attack 6: the key store's password lay in plain text beside the key store, so whoever copied the data
 * directory could open the keys and decrypt the outbox. The secret now comes from a systemd credential, a
 * configured root-only file outside the data directory, or (demo, development) a file next to the data directory.
 */
class KeyStoreSecretTest {

    @TempDir
    Path dir;

    @Test
    void nothingInTheDataDirectoryOpensTheKeyStore() throws Exception {
        Path data = dir.resolve("var").resolve("T-1");
        TerminalKeyStore keys = TerminalPlatform.openKeys(config(""), data);
        assertThat(keys.file()).startsWith(data);
        try (Stream<Path> files = Files.walk(data)) {
            assertThat(files.filter(Files::isRegularFile).map(p -> data.relativize(p).toString()))
                    .as("what a copy of the data directory holds").containsExactly("keys/" + TerminalKeyStore.FILE_NAME);
        }
        assertThat(KeyStoreSecret.generatedFile(data)).as("the demo's secret, outside").exists()
                .satisfies(f -> assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f)))
                        .isEqualTo("rw-------"));
    }

    @Test
    void theSystemdCredentialComesFirst() throws Exception {
        Path credentials = Files.createDirectories(dir.resolve("run/credentials/govkiosk-terminal.service"));
        Path credential = credentials.resolve(KeyStoreSecret.CREDENTIAL);
        Files.writeString(credential, "c2VjcmV0LWZyb20tc3lzdGVtZC1jcmVkZW50aWFs");
        Files.setPosixFilePermissions(credential, PosixFilePermissions.fromString("r--------"));
        KeyStoreSecret.Source s = KeyStoreSecret.resolve(Optional.of(dir.resolve("elsewhere")), dir.resolve("data"),
                Map.of("CREDENTIALS_DIRECTORY", credentials.toString()));
        assertThat(s.description()).contains("systemd credential");
        assertThat(new String(s.secret())).isEqualTo("c2VjcmV0LWZyb20tc3lzdGVtZC1jcmVkZW50aWFs");
        assertThat(KeyStoreSecret.generatedFile(dir.resolve("data"))).doesNotExist();
    }

    @Test
    void aSecretFileOthersCanReadIsRefused() throws Exception {
        Path secret = Files.writeString(dir.resolve("keystore-secret"), "0123456789abcdef0123456789abcdef");
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-r--r--"));
        assertThatThrownBy(() -> KeyStoreSecret.resolve(Optional.of(secret), dir.resolve("data"), Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining(secret.toString())
                .hasMessageContaining("rw-r--r--").hasMessageContaining("chmod 0400");
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("r--------"));
        assertThat(KeyStoreSecret.resolve(Optional.of(secret), dir.resolve("data"), Map.of()).secret()).hasSize(32);
    }

    @Test
    void aSecretFileInsideTheDataDirectoryIsRefused() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        Path secret = Files.writeString(data.resolve("secret"), "0123456789abcdef0123456789abcdef");
        assertThatThrownBy(() -> KeyStoreSecret.resolve(Optional.of(secret), data, Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("inside the data directory");
    }

    @Test
    void aKeyStoreOfAnOlderVersionIsReprotectedAndItsPasswordFileDeleted() throws Exception {
        Path data = dir.resolve("data");
        // As the previous version left it: a password in keys/password, beside the key store.
        Files.createDirectories(data.resolve("keys"));
        Files.writeString(KeyStoreSecret.legacyFile(data), "old-password-beside-the-keys");
        TerminalKeyStore old = TerminalKeyStore.openOrCreate(data.resolve("keys"),
                "old-password-beside-the-keys".toCharArray());
        String publicKey = old.publicKeyBase64();

        TerminalKeyStore migrated = TerminalPlatform.openKeys(config(""), data);
        assertThat(migrated.publicKeyBase64()).as("the same keys: queued data stays readable").isEqualTo(publicKey);
        assertThat(KeyStoreSecret.legacyFile(data)).doesNotExist();
        assertThatThrownBy(() -> TerminalKeyStore.openExisting(data.resolve("keys"),
                "old-password-beside-the-keys".toCharArray())).isInstanceOf(KeyStoreUnavailableException.class);
        assertThat(TerminalPlatform.openKeys(config(""), data).publicKeyBase64()).isEqualTo(publicKey);
    }

    private TerminalConfig config(String storage) throws Exception {
        Path cfg = Files.createDirectories(dir.resolve("config"));
        Files.copy(Path.of("../config/terminal.yaml"), cfg.resolve("terminal.yaml"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(cfg.resolve("devices.yaml"), "devices: []\n");
        return ConfigLoader.load(cfg);
    }

    /**
     * The installed package's secret is the package's terminal's: a developer's demo on a machine where the package
     * is installed keeps its own generated secret (its key store was made with it), while a data directory in the
     * package's state folder (the service, a technician's diag as root) uses the package's.
     */
    @Test
    void thePackagesSecretServesOnlyThePackagesDataDirectory() throws Exception {
        Path packaged = Files.writeString(dir.resolve("packaged-secret"), "package-secret-0123456789abcdef");
        Files.setPosixFilePermissions(packaged, PosixFilePermissions.fromString("r--------"));
        Path packagedData = Files.createDirectories(dir.resolve("var-lib-govkiosk"));

        KeyStoreSecret.Source service = KeyStoreSecret.resolve(Optional.empty(), packagedData.resolve("T-1"), Map.of(),
                packaged, packagedData);
        assertThat(service.description()).isEqualTo(packaged.toString());
        assertThat(new String(service.secret())).isEqualTo("package-secret-0123456789abcdef");

        Path demoData = Files.createDirectories(dir.resolve("home/.local/share/govkiosk")).resolve("demo-terminal-001");
        KeyStoreSecret.Source demo = KeyStoreSecret.resolve(Optional.empty(), demoData, Map.of(), packaged,
                packagedData);
        assertThat(demo.description()).isEqualTo(KeyStoreSecret.generatedFile(demoData).toString());
        assertThat(new String(demo.secret())).isNotEqualTo("package-secret-0123456789abcdef");
        assertThat(KeyStoreSecret.generatedFile(demoData)).exists();
    }
}
