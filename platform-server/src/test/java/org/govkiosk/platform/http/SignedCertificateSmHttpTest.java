package org.govkiosk.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.Map;
import org.govkiosk.api.CryptoSuite;
import org.govkiosk.api.SignatureAlgorithm;
import org.govkiosk.api.TerminalKeys;
import org.govkiosk.platform.config.PlatformConfig;
import org.govkiosk.platform.RunningPlatform;
import org.govkiosk.platform.TestTerminal;
import org.govkiosk.print.verify.CertificateVerifier;
import org.govkiosk.print.verify.VerificationResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Under {@code crypto-suite: sm} the issuing body signs certificate codes with SM2 (with SM3): the key made in the
 * key folder is an SM2 key, the QR code on the PDF verifies with its public key file and not as Ed25519, and the
 * verification page answers valid.
 */
class SignedCertificateSmHttpTest extends RunningPlatform {

    @TempDir
    static Path keys;

    @Override
    protected PlatformConfig config() {
        return super.config().withCryptoSuite(CryptoSuite.SM).withCertificates(new PlatformConfig.Certificates(
                java.util.Optional.empty(), java.util.Optional.of(keys), java.util.List.of()));
    }

    @Override
    protected TestTerminal newTerminal() {
        return new TestTerminal(server.baseUri(), "T-001", clock, CryptoSuite.SM);
    }

    @Test
    void theCodeIsSignedWithSm2AndThePageSaysValid() throws Exception {
        Path pub = keys.resolve("platform-sm2.pub");
        assertThat(keys.resolve("platform-sm2.key")).exists();
        assertThat(pub).exists();
        String pem = Files.readString(pub);
        PublicKey key = TerminalKeys.decodePublic(java.util.Base64.getMimeDecoder().decode(pem
                .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "")));
        assertThat(SignatureAlgorithm.of(key)).isEqualTo(SignatureAlgorithm.SM2_SM3);

        String link = SignedCertificateHttpTest.qrOf(SignedCertificateHttpTest.certificatePdf(terminal,
                SignedCertificateHttpTest.completedCase(terminal, "sm-1")));
        VerificationResult r = CertificateVerifier.withChecks(Map.of("platform",
                (body, sig) -> SignatureAlgorithm.SM2_SM3.holdsDetached(key, body, sig))).verify(link);
        assertThat(r.isValid()).as(r.toString()).isTrue();
        // Not an Ed25519 signature: a hall verifier of the default suite does not take it.
        assertThat(CertificateVerifier.withChecks(Map.of("platform",
                (body, sig) -> SignatureAlgorithm.ED25519.holdsDetached(key, body, sig))).verify(link).isValid())
                .isFalse();

        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(link)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("有效");
    }
}
