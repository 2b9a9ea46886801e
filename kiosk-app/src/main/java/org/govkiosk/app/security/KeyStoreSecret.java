package org.govkiosk.app.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.govkiosk.app.config.ConfigException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the secret that protects the terminal's key store comes from: never a file beside the key store (whoever
 * copies the data directory would have both). In order:
 * <ol>
 * <li>a systemd credential, {@code $CREDENTIALS_DIRECTORY/govkiosk-keystore} (the packaged unit loads it with
 * {@code LoadCredential=}/{@code LoadCredentialEncrypted=} from a root-only file; the service reads a copy on a
 * private ramfs);</li>
 * <li>{@code storage.keystore-password-file}: a file outside the data directory, mode 0600 or 0400;</li>
 * <li>the installed package's {@code /etc/govkiosk/credentials/keystore-secret}, where it can be read and the data
 * directory is the package's, in {@code /var/lib/govkiosk} (a technician's {@code govkiosk diag} as root: the same
 * secret the service gets as its credential);</li>
 * <li>otherwise (the demo, development, tests) a random secret made once in a file next to the data directory,
 * {@code DATA_DIR.keystore-secret} (0600), not inside it.</li>
 * </ol>
 * A secret file that others can read, or that lies inside the data directory, is a configuration error: the
 * terminal refuses to start. A key store of an older version, protected by {@code keys/password} inside the data
 * directory, is re-protected with the new secret and that file deleted ({@link #legacyFile}).
 */
public final class KeyStoreSecret {

    public static final String CREDENTIAL = "govkiosk-keystore";
    private static final Logger LOG = LoggerFactory.getLogger(KeyStoreSecret.class);
    /** Where the package's postinst puts the secret the unit loads as the credential (root only). */
    static final Path PACKAGED = Path.of("/etc/govkiosk/credentials/keystore-secret");
    /** The installed package's state folder: only a data directory in it is the package's terminal. */
    static final Path PACKAGED_DATA = Path.of("/var/lib/govkiosk");
    private static final Set<PosixFilePermission> OPEN_TO_OTHERS = EnumSet.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private KeyStoreSecret() {
    }

    /** Where the secret was found and the secret itself. */
    public record Source(String description, char[] secret) {
    }

    /**
     * @param configured {@code storage.keystore-password-file}
     * @param dataDir    the terminal's data directory (its key store is in {@code dataDir/keys})
     * @param env        the process environment ({@code CREDENTIALS_DIRECTORY})
     * @throws ConfigException when a configured or found secret file is unsafe or missing
     */
    public static Source resolve(Optional<Path> configured, Path dataDir, Map<String, String> env) {
        return resolve(configured, dataDir, env, PACKAGED, PACKAGED_DATA);
    }

    /** As {@link #resolve(Optional, Path, Map)}, with the package's secret and state folder where a test puts them. */
    static Source resolve(Optional<Path> configured, Path dataDir, Map<String, String> env, Path packaged,
            Path packagedData) {
        Path data = dataDir.toAbsolutePath().normalize();
        String credentials = env.get("CREDENTIALS_DIRECTORY");
        if (credentials != null && !credentials.isBlank()) {
            Path credential = Path.of(credentials).resolve(CREDENTIAL);
            if (Files.exists(credential)) {
                return new Source("systemd credential " + CREDENTIAL, read(credential, "the systemd credential"));
            }
        }
        if (configured.isPresent()) {
            Path file = configured.get().toAbsolutePath().normalize();
            if (file.startsWith(data)) {
                throw problem("storage.keystore-password-file: " + file + " lies inside the data directory " + data
                        + ", beside the key store it protects; keep it outside (e.g. /etc/govkiosk/credentials/,"
                        + " root-only) or use the systemd credential " + CREDENTIAL);
            }
            if (!Files.exists(file)) {
                throw problem("storage.keystore-password-file: " + file + " does not exist");
            }
            return new Source(file.toString(), read(file, "storage.keystore-password-file"));
        }
        if (data.startsWith(packagedData) && Files.isReadable(packaged)) {
            // The installed package's secret, which the unit hands the service as its credential: a technician's
            // `govkiosk diag` as root reads the same one, and never makes a second secret the service cannot know.
            // Only for the package's data: a developer's demo on the same machine keeps its own secret (its key
            // store was made with that one, and opening it with the package's failed the integrity check).
            return new Source(packaged.toString(), read(packaged, "the package's key store secret"));
        }
        Path generated = generatedFile(data);
        try {
            if (!Files.exists(generated)) {
                byte[] random = new byte[32];
                new SecureRandom().nextBytes(random);
                // Whole or not at all after a power cut: written and synced aside, then named in one step.
                Path tmp = generated.resolveSibling(generated.getFileName() + ".tmp");
                Files.deleteIfExists(tmp);
                OwnerOnly.file(tmp);
                try (java.nio.channels.FileChannel c = java.nio.channels.FileChannel.open(tmp,
                        java.nio.file.StandardOpenOption.WRITE)) {
                    c.write(java.nio.ByteBuffer.wrap(Base64.getEncoder().encodeToString(random)
                            .getBytes(StandardCharsets.US_ASCII)));
                    c.force(true);
                }
                DurableFiles.replace(tmp, generated);
                LOG.warn("No systemd credential {} and no storage.keystore-password-file: made a random key store"
                        + " secret in {} (fine for the demo and development; a terminal in a hall takes it from"
                        + " the credential, see packaging/README.md)", CREDENTIAL, generated);
            }
        } catch (IOException e) {
            throw problem("cannot make the key store secret " + generated + ": " + e.getMessage());
        }
        return new Source(generated.toString(), read(generated, "the generated key store secret"));
    }

    /** Outside the data directory, next to it: {@code /srv/t/T-1} → {@code /srv/t/T-1.keystore-secret}. */
    public static Path generatedFile(Path dataDir) {
        Path data = dataDir.toAbsolutePath().normalize();
        return data.resolveSibling(data.getFileName() + ".keystore-secret");
    }

    /** Where versions before this one kept the password: inside the data directory, beside the key store. */
    public static Path legacyFile(Path dataDir) {
        return dataDir.resolve("keys").resolve("password");
    }

    private static char[] read(Path file, String what) {
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
            if (perms.stream().anyMatch(OPEN_TO_OTHERS::contains)) {
                throw problem(what + " " + file + " is open to other accounts ("
                        + PosixFilePermissions.toString(perms) + "); it must be readable by its owner only:"
                        + " chmod 0400 " + file);
            }
        } catch (UnsupportedOperationException e) {
            LOG.debug("no POSIX permissions on {}", file);
        } catch (IOException e) {
            throw problem("cannot read " + what + " " + file + ": " + e.getMessage());
        }
        try {
            String secret = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (secret.length() < 16) {
                throw problem(what + " " + file + " holds " + secret.length() + " characters; a key store secret"
                        + " needs at least 16 (e.g. head -c 32 /dev/urandom | base64)");
            }
            return secret.toCharArray();
        } catch (IOException e) {
            throw problem("cannot read " + what + " " + file + ": " + e.getMessage());
        }
    }

    private static ConfigException problem(String text) {
        return new ConfigException(List.of("terminal.yaml: storage: " + text));
    }
}
