package org.govkiosk.print.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.Base64;
import java.util.Map;
import org.govkiosk.print.Samples;
import org.govkiosk.print.data.MaskedText;
import org.govkiosk.print.verify.VerificationResult.Invalid;
import org.govkiosk.print.verify.VerificationResult.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A scanned certificate code verifies offline only if nothing in it was changed and the key is trusted. */
class CertificateSignatureTest {

    @ParameterizedTest
    @ValueSource(strings = {"ed25519", "p256"})
    void signedPayloadVerifiesAndAnyAlterationFails(String algorithm) {
        KeyPair keys = Samples.keyPair(algorithm);
        String code = new CertificateSigner("k1", keys.getPrivate()).sign(Samples.payload());
        CertificateVerifier verifier = new CertificateVerifier(Map.of("k1", keys.getPublic()));

        assertThat(code).startsWith("GKC1|BJZM202503280007|").contains("|110***********002X|20250328|k1|");
        assertThat(code.length()).as("fits a small QR code").isLessThan(200);
        assertThat(verifier.verify(code)).isEqualTo(new VerificationResult.Valid(Samples.payload(), "k1"));

        assertThat(reason(verifier.verify(code.replace("|20250328|", "|20250329|")))).isEqualTo(Reason.BAD_SIGNATURE);
        assertThat(reason(verifier.verify(code.replace("BJZM202503280007", "BJZM202503280008"))))
                .isEqualTo(Reason.BAD_SIGNATURE);
        String sig = code.substring(code.lastIndexOf('|') + 1);
        byte[] flipped = Base64.getUrlDecoder().decode(sig);
        flipped[10] ^= 0x01;
        assertThat(reason(verifier.verify(code.substring(0, code.lastIndexOf('|') + 1)
                + Base64.getUrlEncoder().withoutPadding().encodeToString(flipped)))).isEqualTo(Reason.BAD_SIGNATURE);
    }

    @Test
    void wrongKeyUnknownKeyAndTruncatedSignatureFail() {
        KeyPair keys = Samples.keyPair("ed25519");
        String code = new CertificateSigner("k1", keys.getPrivate()).sign(Samples.payload());

        CertificateVerifier wrongKey = new CertificateVerifier(Map.of("k1", Samples.keyPair("ed25519").getPublic()));
        assertThat(reason(wrongKey.verify(code))).isEqualTo(Reason.BAD_SIGNATURE);

        CertificateVerifier otherId = new CertificateVerifier(Map.of("k2", keys.getPublic()));
        assertThat(reason(otherId.verify(code))).isEqualTo(Reason.UNKNOWN_KEY);

        CertificateVerifier right = new CertificateVerifier(Map.of("k1", keys.getPublic()));
        assertThat(reason(right.verify(code.substring(0, code.length() - 4)))).isEqualTo(Reason.BAD_SIGNATURE);
        assertThat(reason(right.verify(code.substring(0, code.lastIndexOf('|') + 1)))).isEqualTo(Reason.BAD_SIGNATURE);
        // a re-signed body under another key id cannot borrow the trusted key's name
        String forged = new CertificateSigner("k1", Samples.keyPair("ed25519").getPrivate()).sign(Samples.payload());
        assertThat(reason(right.verify(forged))).isEqualTo(Reason.BAD_SIGNATURE);
    }

    @Test
    void malformedCodesAreNamedSo() {
        KeyPair keys = Samples.keyPair("ed25519");
        CertificateVerifier v = new CertificateVerifier(Map.of("k1", keys.getPublic()));
        assertThat(reason(v.verify("https://example.gov.cn/"))).isEqualTo(Reason.MALFORMED);
        assertThat(reason(v.verify("GKC2|a|b|c|d|20250101|k1|xx"))).isEqualTo(Reason.MALFORMED);
        assertThat(reason(v.verify("GKC1|a|b|c|d|20250101|k1|%%%"))).isEqualTo(Reason.MALFORMED);
        assertThat(reason(v.verify(null))).isEqualTo(Reason.MALFORMED);
    }

    @Test
    void payloadFieldsMustBeCompactAscii() {
        assertThatThrownBy(() -> new org.govkiosk.print.verify.CertificatePayload("证明1", "c", "i",
                MaskedText.idNumber("11010519491231002X"), java.time.LocalDate.now()))
                .hasMessageContaining("certificateNumber");
        assertThatThrownBy(() -> new org.govkiosk.print.verify.CertificatePayload("a|b", "c", "i",
                MaskedText.idNumber("11010519491231002X"), java.time.LocalDate.now()))
                .hasMessageContaining("'|'");
    }

    @Test
    void keysAreReadFromPemAndBase64Files(@TempDir Path dir) throws IOException {
        KeyPair keys = Samples.keyPair("p256");
        Path privPem = Files.writeString(dir.resolve("k.pem"), KeyFiles.toPem(keys.getPrivate()));
        Path pubB64 = Files.writeString(dir.resolve("k.pub"),
                Base64.getEncoder().encodeToString(keys.getPublic().getEncoded()) + "\n");

        CertificateSigner signer = CertificateSigner.fromFile("hall-7", privPem);
        CertificateVerifier verifier = CertificateVerifier.fromFiles(Map.of("hall-7", pubB64));
        assertThat(verifier.verify(signer.sign(Samples.payload())).isValid()).isTrue();
        assertThat(KeyFiles.readPublicKey(Files.writeString(dir.resolve("p.pem"), KeyFiles.toPem(keys.getPublic()))))
                .isEqualTo(keys.getPublic());
    }

    @Test
    void unusableKeyFilesSayWhy(@TempDir Path dir) throws IOException {
        Path sec1 = Files.writeString(dir.resolve("ec.pem"),
                "-----BEGIN EC PRIVATE KEY-----\nMHcCAQEE\n-----END EC PRIVATE KEY-----\n");
        assertThatThrownBy(() -> KeyFiles.readPrivateKey(sec1)).isInstanceOf(SigningKeyException.class)
                .hasMessageContaining("openssl pkcs8 -topk8");
        Path pub = Files.writeString(dir.resolve("pub.pem"), KeyFiles.toPem(Samples.keyPair("ed25519").getPublic()));
        assertThatThrownBy(() -> KeyFiles.readPrivateKey(pub)).hasMessageContaining("expected PRIVATE KEY");
        Path junk = Files.writeString(dir.resolve("junk"), "not a key at all");
        assertThatThrownBy(() -> KeyFiles.readPrivateKey(junk)).hasMessageContaining(junk.toString());
        assertThatThrownBy(() -> KeyFiles.readPublicKey(dir.resolve("absent.pub")))
                .hasMessageContaining("absent.pub");
    }

    @Test
    void keyToolWritesAPrivateKeyOnlyItsOwnerCanRead(@TempDir Path dir) throws Exception {
        SigningKeyTool.main(new String[] {dir.toString(), "ed25519"});
        Path priv = dir.resolve("cert-signing.key");
        CertificateSigner signer = CertificateSigner.fromFile("k", priv);
        CertificateVerifier verifier = CertificateVerifier.fromFiles(Map.of("k", dir.resolve("cert-signing.pub")));
        assertThat(verifier.verify(signer.sign(Samples.payload())).isValid()).isTrue();
        if (Files.getFileStore(priv).supportsFileAttributeView("posix")) {
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(priv)))
                    .isEqualTo("rw-------");
        }
        assertThatThrownBy(() -> SigningKeyTool.main(new String[] {dir.toString()}))
                .isInstanceOf(java.nio.file.FileAlreadyExistsException.class);
    }

    private static Reason reason(VerificationResult r) {
        assertThat(r).isInstanceOf(Invalid.class);
        return ((Invalid) r).reason();
    }
}
