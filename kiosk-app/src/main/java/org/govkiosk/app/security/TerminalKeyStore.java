package org.govkiosk.app.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.govkiosk.api.CryptoSuite;
import org.govkiosk.api.SignatureAlgorithm;
import org.govkiosk.api.SmCrypto;
import org.govkiosk.api.TerminalKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The terminal's own keys, in a PKCS12 file in its data directory (mode 0600), protected by a secret kept elsewhere
 * ({@link KeyStoreSecret}): an AES-256 key that encrypts personal data at rest (the outbox) and an Ed25519 key pair
 * that signs every platform request (SM4 and SM2 in the SM suite, below). Created on the first start; later starts
 * load the same keys, so data encrypted before a restart stays readable.
 *
 * <p>The signing pair is kept as two secret-key entries (PKCS#8 and X.509 encodings) because a PKCS12 private-key
 * entry needs a certificate chain, and the JDK cannot make a certificate without internal APIs; the platform
 * knows a terminal by its public key, not by a certificate.
 *
 * <p>Beside its own keys it keeps the platform's receipt key it pinned at its enrolment (X.509 encoding): only a
 * receipt signed with that key lets the outbox drop a citizen's data.
 *
 * <p>With {@code crypto-suite: sm} the keys are an SM4 data key (16 bytes, entry {@value #SM4_DATA_KEY_ALIAS}: the
 * JDK's PKCS12 has no name for SM4, so it is labelled AES in the file and known as SM4 by its entry) and an SM2
 * signing pair. A key store's suite is that of its keys, fixed when it is made: opened under the other suite it
 * refuses to start rather than orphan the data queued under its keys or sign with keys the platform does not know.
 */
public final class TerminalKeyStore {

    public static final String FILE_NAME = "terminal-keys.p12";
    static final String DATA_KEY_ALIAS = "outbox-data-key";
    static final String SM4_DATA_KEY_ALIAS = "outbox-data-key-sm4";
    static final String SIGN_PRIVATE_ALIAS = "terminal-sign-private";
    static final String SIGN_PUBLIC_ALIAS = "terminal-sign-public";
    static final String PLATFORM_RECEIPT_ALIAS = "platform-receipt-public";

    private static final Logger LOG = LoggerFactory.getLogger(TerminalKeyStore.class);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final Path file;
    private final char[] password;
    private final SecretKey dataKey;
    /**
     * The loaded file whose other entries are not unwrapped yet; null once they are (or for keys made or rewritten
     * in this process). Guarded by this.
     */
    private KeyStore sealed;
    /** Guarded by this; null until unwrapped from {@link #sealed}. */
    private KeyPair signingKeys;
    /** Guarded by this; null when none is pinned (or not unwrapped yet while {@link #sealed} is set). */
    private PublicKey platformKey;

    private TerminalKeyStore(Path file, char[] password, SecretKey dataKey, KeyPair signingKeys,
            PublicKey platformKey) {
        this.file = file;
        this.password = password.clone();
        this.dataKey = dataKey;
        this.signingKeys = signingKeys;
        this.platformKey = platformKey;
    }

    /** A store just loaded: the data key unwrapped, the rest when first asked for. */
    private TerminalKeyStore(Path file, char[] password, SecretKey dataKey, KeyStore sealed) {
        this(file, password, dataKey, null, null);
        this.sealed = sealed;
    }

    /**
     * Loads {@code dataDir/terminal-keys.p12}, or creates it with fresh keys when it does not exist yet.
     *
     * @param password protects the PKCS12 file; the file mode (0600) is the main protection on a terminal
     * @throws KeyStoreUnavailableException when the file exists but cannot be read with this password or lacks a
     *         key: the terminal must not silently make new keys then, since that would orphan queued data
     */
    public static TerminalKeyStore openOrCreate(Path dataDir, char[] password) {
        return openOrCreate(dataDir, password, CryptoSuite.ED25519_AES);
    }

    /**
     * As {@link #openOrCreate(Path, char[])}, with keys of {@code suite}.
     *
     * @throws KeyStoreUnavailableException also when the existing key store holds keys of another suite
     */
    public static TerminalKeyStore openOrCreate(Path dataDir, char[] password, CryptoSuite suite) {
        Path file = dataDir.resolve(FILE_NAME);
        try {
            OwnerOnly.directory(dataDir);
            if (Files.exists(file)) {
                TerminalKeyStore existing = load(file, password);
                if (existing.suite() != suite) {
                    throw new KeyStoreUnavailableException("the terminal key store " + file + " holds keys of"
                            + " crypto-suite " + existing.suite().configName() + ", but the configuration asks for "
                            + suite.configName() + " (storage.crypto-suite); the suite is fixed when a terminal is"
                            + " enrolled: to change it, let the outbox drain, move the data directory aside and"
                            + " enrol the terminal again", null);
                }
                return existing;
            }
            return create(file, password, suite);
        } catch (IOException e) {
            throw new KeyStoreUnavailableException("cannot read or write the terminal key store " + file, e);
        }
    }

    /** Loads an existing key store (tools: the audit verifier); never creates one. */
    public static TerminalKeyStore openExisting(Path dataDir, char[] password) {
        Path file = dataDir.resolve(FILE_NAME);
        if (!Files.exists(file)) {
            throw new KeyStoreUnavailableException("no terminal key store at " + file, null);
        }
        try {
            return load(file, password);
        } catch (IOException e) {
            throw new KeyStoreUnavailableException("cannot read the terminal key store " + file, e);
        }
    }

    /**
     * Opens the file: its MAC is checked against the secret (a wrong secret or a damaged file fails here, at start),
     * every entry must be there, and the data key is unwrapped (the audit chain's key and the outbox need it at
     * once). The signing pair and the platform's receipt key stay sealed in the loaded file until first asked for
     * ({@link #signingKeys}, {@link #platformKey}): each entry is sealed under a key of its own, derived from the
     * secret by PBKDF2 (10,000 rounds in the JDK's PKCS12, tens of milliseconds each at start before the JIT has
     * warmed up), and the first screen needs neither (the platform link does, once it connects). What is on disk
     * and how it is protected does not change; the unwrapped keys stay in this process's memory as before.
     */
    private static TerminalKeyStore load(Path file, char[] password) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, password);
            boolean sm4 = ks.containsAlias(SM4_DATA_KEY_ALIAS);
            String dataAlias = sm4 ? SM4_DATA_KEY_ALIAS : DATA_KEY_ALIAS;
            for (String alias : List.of(dataAlias, SIGN_PRIVATE_ALIAS, SIGN_PUBLIC_ALIAS)) {
                if (!ks.containsAlias(alias)) {
                    throw new KeyStoreUnavailableException("the terminal key store " + file + " has no entry '"
                            + alias + "'", null);
                }
            }
            SecretKey data = new SecretKeySpec(required(ks, file, dataAlias, password).getEncoded(),
                    sm4 ? "SM4" : "AES");
            warnIfReadableByOthers(file);
            return new TerminalKeyStore(file, password, data, ks);
        } catch (GeneralSecurityException | IOException | IllegalArgumentException e) {
            throw unloadable(file, e);
        }
    }

    private static KeyStoreUnavailableException unloadable(Path file, Exception e) {
        return new KeyStoreUnavailableException("the terminal key store " + file
                + " exists but cannot be loaded (wrong password or damaged file); it is left as it is: "
                + e.getMessage(), e);
    }

    /**
     * Unwraps the entries still sealed, once: the signing pair and, if pinned, the platform's receipt key. The
     * derivations are independent, so they run side by side on the common pool. Reading a loaded key store from
     * several threads is safe: nothing changes it.
     *
     * @throws KeyStoreUnavailableException if an entry cannot be unwrapped or the pair is not of the data key's suite
     */
    private synchronized void unseal() {
        KeyStore ks = sealed;
        if (ks == null) {
            return;
        }
        try {
            List<String> aliases = new ArrayList<>(List.of(SIGN_PRIVATE_ALIAS, SIGN_PUBLIC_ALIAS));
            if (ks.containsAlias(PLATFORM_RECEIPT_ALIAS)) {
                aliases.add(PLATFORM_RECEIPT_ALIAS);
            }
            Map<String, Key> keys = unwrap(ks, file, password, aliases);
            PrivateKey priv = TerminalKeys.decodePrivate(keys.get(SIGN_PRIVATE_ALIAS).getEncoded());
            PublicKey pub = TerminalKeys.decodePublic(keys.get(SIGN_PUBLIC_ALIAS).getEncoded());
            if ((SignatureAlgorithm.of(pub) == SignatureAlgorithm.SM2_SM3) != dataKey.getAlgorithm().equals("SM4")) {
                throw new KeyStoreUnavailableException("the terminal key store " + file + " mixes suites ("
                        + SignatureAlgorithm.of(pub).wireName() + " signing key, " + dataKey.getAlgorithm()
                        + " data key)", null);
            }
            signingKeys = new KeyPair(pub, priv);
            if (platformKey == null && keys.containsKey(PLATFORM_RECEIPT_ALIAS)) {
                platformKey = TerminalKeys.decodePublic(keys.get(PLATFORM_RECEIPT_ALIAS).getEncoded());
            }
            sealed = null;
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw unloadable(file, e);
        }
    }

    /**
     * The entries' keys, each from its own PBKDF2 derivation; independent, so they run side by side on the common
     * pool.
     */
    private static Map<String, Key> unwrap(KeyStore ks, Path file, char[] password, List<String> aliases)
            throws GeneralSecurityException {
        Map<String, Key> keys = new ConcurrentHashMap<>();
        try {
            aliases.parallelStream().forEach(alias -> {
                try {
                    keys.put(alias, required(ks, file, alias, password));
                } catch (GeneralSecurityException e) {
                    throw new UnwrapFailed(e);
                }
            });
        } catch (UnwrapFailed e) {
            throw e.reason;
        }
        return keys;
    }

    /** Carries a checked failure out of the parallel unwrap. */
    private static final class UnwrapFailed extends RuntimeException {
        private final GeneralSecurityException reason;

        UnwrapFailed(GeneralSecurityException reason) {
            super(reason);
            this.reason = reason;
        }
    }

    private static Key required(KeyStore ks, Path file, String alias, char[] password)
            throws GeneralSecurityException {
        Key key = ks.getKey(alias, password);
        if (key == null) {
            throw new KeyStoreUnavailableException("the terminal key store " + file + " has no entry '" + alias + "'",
                    null);
        }
        return key;
    }

    private static TerminalKeyStore create(Path file, char[] password, CryptoSuite suite) throws IOException {
        try {
            SecretKey data;
            if (suite == CryptoSuite.SM) {
                byte[] sm4 = new byte[SmCrypto.SM4_KEY_BYTES];
                new java.security.SecureRandom().nextBytes(sm4);
                data = new SecretKeySpec(sm4, "SM4");
            } else {
                KeyGenerator aes = KeyGenerator.getInstance("AES");
                aes.init(256);
                data = aes.generateKey();
            }
            KeyPair pair = TerminalKeys.generate(suite);
            write(file, password, data, pair, null, false);
            LOG.info("Created the terminal key store {} (crypto-suite {}, {} public key {})", file,
                    suite.configName(), suite.signatures().wireName(),
                    Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()));
            return new TerminalKeyStore(file, password, data, pair, null);
        } catch (GeneralSecurityException e) {
            throw new KeyStoreUnavailableException("cannot create the terminal keys: " + e.getMessage(), e);
        }
    }

    /**
     * Writes all entries to a 0600 temporary file and moves it in place, so no reader ever sees a half file and the
     * keys are never on disk with wider permissions.
     */
    private static void write(Path file, char[] password, SecretKey data, KeyPair pair, PublicKey platform,
            boolean replace) throws IOException, GeneralSecurityException {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        KeyStore.PasswordProtection protection = new KeyStore.PasswordProtection(password);
        if (data.getAlgorithm().equals("SM4")) {
            ks.setEntry(SM4_DATA_KEY_ALIAS, new KeyStore.SecretKeyEntry(new SecretKeySpec(data.getEncoded(), "AES")),
                    protection);
        } else {
            ks.setEntry(DATA_KEY_ALIAS, new KeyStore.SecretKeyEntry(data), protection);
        }
        ks.setEntry(SIGN_PRIVATE_ALIAS, new KeyStore.SecretKeyEntry(
                new SecretKeySpec(pair.getPrivate().getEncoded(), label(pair.getPublic()))), protection);
        ks.setEntry(SIGN_PUBLIC_ALIAS, new KeyStore.SecretKeyEntry(
                new SecretKeySpec(pair.getPublic().getEncoded(), label(pair.getPublic()))), protection);
        if (platform != null) {
            ks.setEntry(PLATFORM_RECEIPT_ALIAS, new KeyStore.SecretKeyEntry(
                    new SecretKeySpec(platform.getEncoded(), label(platform))), protection);
        }
        Path tmp = file.resolveSibling(FILE_NAME + ".tmp");
        Files.deleteIfExists(tmp);
        createOwnerOnly(tmp);
        try (OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.SYNC)) {
            ks.store(out, password);
        }
        if (replace) {
            DurableFiles.replace(tmp, file);
        } else {
            moveInPlace(tmp, file);
            DurableFiles.syncDirectory(file.toAbsolutePath().getParent());
        }
    }

    /** The PKCS12 label of a key's entry: a name the JDK knows (the encoding inside names the algorithm). */
    private static String label(PublicKey key) {
        return SignatureAlgorithm.of(key) == SignatureAlgorithm.SM2_SM3 ? "EC" : "Ed25519";
    }

    /**
     * Pins the platform's receipt key: written to the key store (replacing the file as a whole) before it is used,
     * so a restart checks receipts against the same key.
     *
     * @throws KeyStoreUnavailableException if the key store cannot be rewritten (the key is then not pinned)
     */
    public synchronized void pinPlatformKey(PublicKey key) {
        unseal();
        try {
            write(file, password, dataKey, signingKeys, key, true);
            platformKey = key;
        } catch (IOException | GeneralSecurityException e) {
            throw new KeyStoreUnavailableException("cannot write the platform's key into " + file + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * The same keys under another password: the file is rewritten as a whole (0600, then moved in place), so a
     * power cut leaves either the old or the new file, never half of one.
     *
     * @throws KeyStoreUnavailableException if the key store cannot be rewritten (the old password still opens it)
     */
    public synchronized TerminalKeyStore reprotect(char[] newPassword) {
        unseal();
        try {
            write(file, newPassword, dataKey, signingKeys, platformKey, true);
            return new TerminalKeyStore(file, newPassword, dataKey, signingKeys, platformKey);
        } catch (IOException | GeneralSecurityException e) {
            throw new KeyStoreUnavailableException("cannot re-protect " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The key of the audit chain's HMAC, derived from the data key (HMAC-SHA256 of a fixed label under it; HMAC-SM3
     * in the SM suite), so it is as safe as the key store and the same across restarts, and never the data key.
     */
    public byte[] auditKey() {
        return derivedKey("govkiosk audit chain v1");
    }

    /** The secret of the applications' idempotency keys ({@code SubmissionKeys.keyed}), derived as {@link #auditKey}. */
    public byte[] submissionKeySecret() {
        return derivedKey("govkiosk case submission keys v1");
    }

    /**
     * The suite of this key store's keys (fixed when it was made): told by its data key, which is unwrapped at open
     * (an SM4 data key goes with an SM2 pair, an AES one with Ed25519; {@link #unseal} refuses a store that mixes).
     */
    public CryptoSuite suite() {
        return dataKey.getAlgorithm().equals("SM4") ? CryptoSuite.SM : CryptoSuite.ED25519_AES;
    }

    private byte[] derivedKey(String label) {
        if (suite() == CryptoSuite.SM) {
            return SmCrypto.hmacSm3(dataKey.getEncoded(), label.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        }
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(dataKey.getEncoded(), "HmacSHA256"));
            return mac.doFinal(label.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is in every JDK", e);
        }
    }

    /** The platform's receipt key pinned at enrolment; empty before. */
    public synchronized java.util.Optional<PublicKey> platformKey() {
        unseal();
        return java.util.Optional.ofNullable(platformKey);
    }

    private static void createOwnerOnly(Path tmp) throws IOException {
        try {
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } catch (UnsupportedOperationException e) {
            Files.createFile(tmp); // not a POSIX file system (a developer's Windows machine)
        }
    }

    private static void moveInPlace(Path tmp, Path file) throws IOException {
        try {
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file);
        } catch (FileAlreadyExistsException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
    }

    private static void warnIfReadableByOthers(Path file) {
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
            if (!OWNER_ONLY.containsAll(perms)) {
                LOG.warn("The terminal key store {} is readable by others ({}); it should be mode 0600", file,
                        PosixFilePermissions.toString(perms));
            }
        } catch (UnsupportedOperationException | IOException e) {
            LOG.debug("Cannot read the permissions of {}", file, e);
        }
    }

    public Path file() {
        return file;
    }

    /** Key for personal data at rest: AES-256, or SM4 (algorithm "SM4") in the SM suite. */
    public SecretKey dataKey() {
        return dataKey;
    }

    /** Key pair that signs platform requests: Ed25519, or SM2 in the SM suite. */
    public synchronized KeyPair signingKeys() {
        unseal();
        return signingKeys;
    }

    /** The public key (X.509 SubjectPublicKeyInfo, Base64) a technician registers with the platform. */
    public String publicKeyBase64() {
        return Base64.getEncoder().encodeToString(signingKeys().getPublic().getEncoded());
    }
}
