package org.govkiosk.platform.certificates;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.govkiosk.api.CryptoSuite;
import org.govkiosk.api.SignatureAlgorithm;
import org.govkiosk.api.TerminalKeys;
import org.govkiosk.platform.config.PlatformConfig;
import org.govkiosk.print.model.ImageData;
import org.govkiosk.print.verify.CertificateSigner;
import org.govkiosk.print.verify.CertificateVerifier;
import org.govkiosk.print.verify.KeyFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The issuing bodies (发证机关) of the platform's result documents, with their keys and seals: the first signs, every
 * one verifies (so a body that stopped issuing, or a retired key kept under its own id, still checks paper already
 * handed out). Keys are Ed25519, or SM2 with SM3 when the platform runs the national suite ({@code crypto-suite: sm});
 * a configured key of the other algorithm is a configuration error. A body without a configured key gets one made
 * on first start in the key folder ({@code <id>-ed25519.key} / {@code <id>-sm2.key}, mode 600, and the public
 * {@code .pub} beside it) and keeps it; without a key folder (embedded demo, tests) the key lives in memory.
 */
public final class IssuingBodies {

    /** One body, ready to sign and seal. */
    public record Body(String id, String name, PublicKey publicKey, ImageData seal, CertificateSigner signer) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(IssuingBodies.class);
    private static final Pattern PEM = Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----(.*?)-----END \\1-----",
            Pattern.DOTALL);
    static final String DEMO_SEAL = "demo-seal.png";

    private final Map<String, Body> byId;
    private final Body signing;
    private final CertificateVerifier verifier;

    private IssuingBodies(List<Body> bodies, SignatureAlgorithm algorithm) {
        Map<String, Body> map = new LinkedHashMap<>();
        Map<String, CertificateVerifier.SignatureCheck> checks = new LinkedHashMap<>();
        for (Body b : bodies) {
            map.put(b.id(), b);
            checks.put(b.id(), (body, signature) -> algorithm.holdsDetached(b.publicKey(), body, signature));
        }
        this.byId = Map.copyOf(map);
        this.signing = bodies.get(0);
        this.verifier = CertificateVerifier.withChecks(checks);
    }

    /**
     * @param defaultName the name of the one body made up when none is configured ({@code result-issuer})
     * @throws IllegalArgumentException naming the body and the file when a key or seal cannot be used
     */
    public static IssuingBodies load(PlatformConfig.Certificates config, String defaultName, CryptoSuite suite) {
        List<PlatformConfig.IssuingBody> configured = config.bodies().isEmpty()
                ? List.of(new PlatformConfig.IssuingBody(PlatformConfig.Certificates.DEFAULT_BODY_ID, defaultName,
                        Optional.empty(), Optional.empty(), Optional.empty()))
                : config.bodies();
        SignatureAlgorithm algorithm = suite.signatures();
        List<Body> bodies = new ArrayList<>();
        for (PlatformConfig.IssuingBody c : configured) {
            try {
                KeyPair keys = c.signingKey().isPresent()
                        ? new KeyPair(readPublic(c.publicKey().orElseThrow()), readPrivate(c.signingKey().get()))
                        : generated(config.keyDir(), c.id(), suite);
                SignatureAlgorithm of = SignatureAlgorithm.of(keys.getPrivate());
                if (of != algorithm || SignatureAlgorithm.of(keys.getPublic()) != algorithm) {
                    throw new IllegalArgumentException("its key is " + of.wireName() + " but crypto-suite "
                            + suite.configName() + " signs with " + algorithm.wireName());
                }
                PrivateKey priv = keys.getPrivate();
                CertificateSigner signer = CertificateSigner.using(c.id(), body -> algorithm.signDetached(priv, body));
                byte[] probe = {'g', 'k'};
                if (!algorithm.holdsDetached(keys.getPublic(), probe, algorithm.signDetached(priv, probe))) {
                    throw new IllegalArgumentException("its public-key does not belong to its signing-key");
                }
                ImageData seal = c.seal().map(ImageData::read).orElseGet(IssuingBodies::demoSeal);
                seal.decode();
                bodies.add(new Body(c.id(), c.name(), keys.getPublic(), seal, signer));
            } catch (IllegalArgumentException | UncheckedIOException e) {
                throw new IllegalArgumentException("issuing-bodies: " + c.id() + ": " + e.getMessage(), e);
            }
        }
        return new IssuingBodies(bodies, algorithm);
    }

    /** The body that signs the documents this platform issues. */
    public Body signing() {
        return signing;
    }

    public Optional<Body> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Checks codes signed by any of these bodies. */
    public CertificateVerifier verifier() {
        return verifier;
    }

    /** The demo seal from the jar (config/templates/demo-seal.png). */
    static ImageData demoSeal() {
        try (InputStream in = IssuingBodies.class.getResourceAsStream(DEMO_SEAL)) {
            if (in == null) {
                throw new IllegalStateException(DEMO_SEAL + " is not in the platform's jar");
            }
            return new ImageData(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static KeyPair generated(Optional<Path> keyDir, String id, CryptoSuite suite) {
        if (keyDir.isEmpty()) {
            return TerminalKeys.generate(suite);
        }
        String base = id + (suite == CryptoSuite.SM ? "-sm2" : "-ed25519");
        Path priv = keyDir.get().resolve(base + ".key");
        Path pub = keyDir.get().resolve(base + ".pub");
        if (Files.exists(priv)) {
            return new KeyPair(readPublic(pub), readPrivate(priv));
        }
        KeyPair fresh = TerminalKeys.generate(suite);
        try {
            Files.createDirectories(keyDir.get());
            try {
                // private before a byte is written; never overwrites a key in use
                Files.createFile(priv, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException e) {
                Files.createFile(priv);
            }
            Files.writeString(priv, KeyFiles.toPem(fresh.getPrivate()), StandardCharsets.US_ASCII);
            Files.writeString(pub, KeyFiles.toPem(fresh.getPublic()), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot write a new signing key to " + priv + ": " + e, e);
        }
        LOG.info("Made the {} certificate signing key of issuing body {} in {}", suite.signatures().wireName(), id,
                priv);
        return fresh;
    }

    private static PrivateKey readPrivate(Path file) {
        return TerminalKeys.decodePrivate(der(file, "PRIVATE KEY"));
    }

    private static PublicKey readPublic(Path file) {
        return TerminalKeys.decodePublic(der(file, "PUBLIC KEY"));
    }

    /** PEM ("-----BEGIN PRIVATE KEY-----", as openssl genpkey writes) or the bare base64 of the DER bytes. */
    private static byte[] der(Path file, String type) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e, e);
        }
        Matcher m = PEM.matcher(text);
        if (m.find()) {
            if (!m.group(1).equals(type)) {
                throw new IllegalArgumentException(file + " holds a " + m.group(1) + ", expected " + type);
            }
            text = m.group(2);
        }
        try {
            return Base64.getMimeDecoder().decode(text.replaceAll("\\s", ""));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + " is neither PEM nor base64", e);
        }
    }
}
