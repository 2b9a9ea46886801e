package org.govkiosk.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.jce.ECNamedCurveTable;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.jce.spec.ECNamedCurveParameterSpec;
import org.bouncycastle.jce.spec.ECPrivateKeySpec;
import org.bouncycastle.jce.spec.ECPublicKeySpec;
import org.junit.jupiter.api.Test;

/**
 * Known answers from the published standards, through the very methods the suite uses (not BC's classes beside
 * them): a wrong digit anywhere in a vector fails its test.
 */
class SmCryptoKnownAnswerTest {

    private static final HexFormat HEX = HexFormat.of();

    // GB/T 32905-2016, Appendix A: examples 1 and 2.
    @Test
    void sm3OfAbcIsTheStandardsFirstExample() {
        assertThat(HEX.formatHex(SmCrypto.sm3("abc".getBytes(StandardCharsets.US_ASCII))))
                .isEqualTo("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
    }

    @Test
    void sm3OfAbcdSixteenTimesIsTheStandardsSecondExample() {
        assertThat(HEX.formatHex(SmCrypto.sm3("abcd".repeat(16).getBytes(StandardCharsets.US_ASCII))))
                .isEqualTo("debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732");
    }

    @Test
    void theSuitesBodyDigestIsSm3() {
        assertThat(SignatureAlgorithm.SM2_SM3.digestHex("abc".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
    }

    // GB/T 32907-2016, Appendix A, example 1: key = plaintext = 0123456789abcdeffedcba9876543210. GCM never shows a
    // bare block, so this checks BC's SM4Engine, the engine SmCrypto's GCM wraps; the GCM vector below checks the
    // wrapping. The standard's example 2 (1,000,000 encryptions) is left out: too slow for every build.
    @Test
    void sm4EncryptsTheStandardsExampleBlock() {
        org.bouncycastle.crypto.engines.SM4Engine engine = new org.bouncycastle.crypto.engines.SM4Engine();
        byte[] key = HEX.parseHex("0123456789abcdeffedcba9876543210");
        engine.init(true, new org.bouncycastle.crypto.params.KeyParameter(key));
        byte[] out = new byte[16];
        engine.processBlock(key, 0, out, 0);
        assertThat(HEX.formatHex(out)).isEqualTo("681edf34d206965e86b3e94f536e4246");
    }

    // RFC 8998, Appendix A.1 (SM4-GCM test vector).
    private static final byte[] GCM_KEY = HEX.parseHex("0123456789ABCDEFFEDCBA9876543210");
    private static final byte[] GCM_IV = HEX.parseHex("00001234567800000000ABCD");
    private static final byte[] GCM_AAD = HEX.parseHex("FEEDFACEDEADBEEFFEEDFACEDEADBEEFABADDAD2");
    private static final byte[] GCM_PLAIN = HEX.parseHex("AAAAAAAAAAAAAAAABBBBBBBBBBBBBBBBCCCCCCCCCCCCCCCCDDDDDDDDDDDDDDDD"
            + "EEEEEEEEEEEEEEEEFFFFFFFFFFFFFFFFEEEEEEEEEEEEEEEEAAAAAAAAAAAAAAAA");
    private static final String GCM_CIPHER_AND_TAG = "17F399F08C67D5EE19D0DC9969C4BB7D5FD46FD3756489069157B282BB200735"
            + "D82710CA5C22F0CCFA7CBF93D496AC15A56834CBCF98C397B4024A2691233B8D" + "83DE3541E4C2B58177E065A9BF7B62EC";

    @Test
    void sm4GcmSealsRfc8998sVector() {
        assertThat(HEX.withUpperCase().formatHex(SmCrypto.sm4GcmSeal(GCM_KEY, GCM_IV, GCM_AAD, GCM_PLAIN)))
                .isEqualTo(GCM_CIPHER_AND_TAG);
    }

    @Test
    void sm4GcmOpensRfc8998sVectorAndRefusesItAltered() throws Exception {
        byte[] sealed = HEX.parseHex(GCM_CIPHER_AND_TAG);
        assertThat(SmCrypto.sm4GcmOpen(GCM_KEY, GCM_IV, GCM_AAD, sealed, 0, sealed.length)).isEqualTo(GCM_PLAIN);
        byte[] altered = sealed.clone();
        altered[5] ^= 1;
        assertThatThrownBy(() -> SmCrypto.sm4GcmOpen(GCM_KEY, GCM_IV, GCM_AAD, altered, 0, altered.length))
                .isInstanceOf(GeneralSecurityException.class);
        byte[] otherAad = GCM_AAD.clone();
        otherAad[0] ^= 1;
        assertThatThrownBy(() -> SmCrypto.sm4GcmOpen(GCM_KEY, GCM_IV, otherAad, sealed, 0, sealed.length))
                .isInstanceOf(GeneralSecurityException.class);
    }

    // HMAC-SM3 has no example in GB/T 32905; these are RFC 4231's HMAC inputs (test cases 1 and 2) with SM3, whose
    // answers were computed by an independent implementation, OpenSSL 3.0 (`openssl dgst -sm3 -mac HMAC -macopt
    // hexkey:0b...0b` and `openssl dgst -sm3 -hmac Jefe`).
    @Test
    void hmacSm3AgreesWithOpenSsl() {
        byte[] key1 = new byte[20];
        Arrays.fill(key1, (byte) 0x0b);
        assertThat(HEX.formatHex(SmCrypto.hmacSm3(key1, "Hi There".getBytes(StandardCharsets.US_ASCII))))
                .isEqualTo("51b00d1fb49832bfb01c3ce27848e59f871d9ba938dc563b338ca964755cce70");
        assertThat(HEX.formatHex(SmCrypto.hmacSm3("Jefe".getBytes(StandardCharsets.US_ASCII),
                "what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII))))
                .isEqualTo("2e87f1d16862e6d964b50a5200bf2b10b764faa9680a296a2405f24bec39f882");
    }

    // GB/T 32918.5-2017 (GM/T 0003.5-2012), Appendix A: the signature example on the curve sm2p256v1 with user ID
    // 1234567812345678, message "message digest", private key d, random k, signature (r, s).
    private static final String D = "3945208F7B2144B13F36E38AC6D39F95889393692860B51A42FB81EF4DF7C5B8";
    private static final String PX = "09F9DF311E5421A150DD7D161E4BC5C672179FAD1833FC076BB08FF356F35020";
    private static final String PY = "CCEA490CE26775A52DC6EA718CC1AA600AED05FBF35E084A6632F6072DA9AD13";
    private static final String K = "59276E27D506861A16680F3AD9C02DCCEF3CC1FA3CDBE4CE6D54B80DEAC1BC21";
    private static final String R = "F5A03B0648D2C4630EEAC513E1BB81A15944DA3827D5B74143AC7EACEEE720B3";
    private static final String S = "B1B6AA29DF212FD8763182BC0D421CA1BB9038FD1F7F42D4840B69C485BBC1AA";
    private static final byte[] MESSAGE = "message digest".getBytes(StandardCharsets.US_ASCII);

    @Test
    void sm2VerifiesTheStandardsExampleSignatureAndNothingElse() throws Exception {
        PublicKey key = standardPublicKey();
        byte[] signature = der(R, S);
        assertThat(SignatureAlgorithm.of(key)).isEqualTo(SignatureAlgorithm.SM2_SM3);
        assertThat(SignatureAlgorithm.SM2_SM3.holds(key, MESSAGE, signature)).isTrue();
        assertThat(SignatureAlgorithm.SM2_SM3.holds(key, "message digesT".getBytes(StandardCharsets.US_ASCII),
                signature)).isFalse();
        assertThat(SignatureAlgorithm.SM2_SM3.holds(key, MESSAGE, der(R, S.substring(0, 63) + "B"))).isFalse();
    }

    @Test
    void sm2WithTheStandardsKAndKeySignsTheStandardsSignature() throws Exception {
        KeyFactory ec = KeyFactory.getInstance("EC", new BouncyCastleProvider());
        ECNamedCurveParameterSpec curve = ECNamedCurveTable.getParameterSpec("sm2p256v1");
        PrivateKey d = ec.generatePrivate(new ECPrivateKeySpec(new BigInteger(D, 16), curve));
        byte[] signature = SmCrypto.sm2Sign(d, MESSAGE, fixed(HEX.parseHex(K)));
        ASN1Sequence rs = ASN1Sequence.getInstance(signature);
        assertThat(ASN1Integer.getInstance(rs.getObjectAt(0)).getValue()).isEqualTo(new BigInteger(R, 16));
        assertThat(ASN1Integer.getInstance(rs.getObjectAt(1)).getValue()).isEqualTo(new BigInteger(S, 16));
    }

    // A signature made by an independent implementation, OpenSSL 3.0 (`openssl genpkey -algorithm EC -pkeyopt
    // ec_paramgen_curve:SM2`, then `openssl pkeyutl -sign -rawin -digest sm3 -pkeyopt distid:1234567812345678`):
    // its key decodes as an SM2 key and its signature holds under the suite's verifier, and only for its message.
    private static final String OPENSSL_PUBLIC = "MFkwEwYHKoZIzj0CAQYIKoEcz1UBgi0DQgAE8buO3EykDTJwhYa3N6/V+NFFvbo9hYZ8Au1"
            + "/AJfRcjTiPOWhsSQgXSbji7yVe8mkKQygVd/Q0s/78aBIHrN8ww==";
    private static final String OPENSSL_SIGNATURE = "MEUCIA+EX7HBspK/fVVw69emuqc1zWDE5VpeSwBf+apsUTUMAiEAoPfoKIcv6+95hDQ"
            + "YlFIPq2begJjEfcQ60FLPRhkVOms=";

    @Test
    void sm2VerifiesASignatureMadeByOpenSsl() {
        PublicKey key = TerminalKeys.decodePublic(OPENSSL_PUBLIC);
        byte[] signature = Base64.getDecoder().decode(OPENSSL_SIGNATURE);
        assertThat(SignatureAlgorithm.SM2_SM3.holds(key,
                "govkiosk SM2 interop".getBytes(StandardCharsets.US_ASCII), signature)).isTrue();
        assertThat(SignatureAlgorithm.SM2_SM3.holds(key,
                "govkiosk SM2 interoq".getBytes(StandardCharsets.US_ASCII), signature)).isFalse();
    }

    @Test
    void ourSm2SignaturesRoundTripThroughTheirTextFormsAndRefuseTampering() {
        var pair = TerminalKeys.generate(CryptoSuite.SM);
        PublicKey pub = TerminalKeys.decodePublic(TerminalKeys.encodePublic(pair.getPublic()));
        PrivateKey priv = TerminalKeys.decodePrivate(TerminalKeys.encodePrivate(pair.getPrivate()));
        assertThat(SignatureAlgorithm.of(priv)).isEqualTo(SignatureAlgorithm.SM2_SM3);
        byte[] signature = SignatureAlgorithm.SM2_SM3.sign(priv, MESSAGE);
        assertThat(SignatureAlgorithm.SM2_SM3.holds(pub, MESSAGE, signature)).isTrue();
        assertThat(SignatureAlgorithm.SM2_SM3.holds(pub, "message digesu".getBytes(StandardCharsets.US_ASCII),
                signature)).isFalse();
        assertThat(SignatureAlgorithm.ED25519.holds(pub, MESSAGE, signature)).isFalse();
    }

    @Test
    void aP256KeyIsNeitherSuitesKey() throws Exception {
        var generator = java.security.KeyPairGenerator.getInstance("EC");
        generator.initialize(new java.security.spec.ECGenParameterSpec("secp256r1"));
        PublicKey p256 = generator.generateKeyPair().getPublic();
        assertThatThrownBy(() -> SignatureAlgorithm.of(p256)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("only Ed25519 and SM2");
        assertThatThrownBy(() -> TerminalKeys.decodePublic(TerminalKeys.encodePublic(p256)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anUnknownSuiteNameIsAClearError() {
        assertThat(CryptoSuite.parse("sm")).isEqualTo(CryptoSuite.SM);
        assertThat(CryptoSuite.parse("ed25519-aes")).isEqualTo(CryptoSuite.ED25519_AES);
        assertThatThrownBy(() -> CryptoSuite.parse("sm9")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown crypto suite 'sm9': expected ed25519-aes or sm");
    }

    private static PublicKey standardPublicKey() throws Exception {
        ECNamedCurveParameterSpec curve = ECNamedCurveTable.getParameterSpec("sm2p256v1");
        var point = curve.getCurve().createPoint(new BigInteger(PX, 16), new BigInteger(PY, 16));
        PublicKey bc = KeyFactory.getInstance("EC", new BouncyCastleProvider())
                .generatePublic(new ECPublicKeySpec(point, curve));
        // Through the suite's own decoder, as a platform reads a terminal's registered key.
        return TerminalKeys.decodePublic(bc.getEncoded());
    }

    private static byte[] der(String r, String s) throws Exception {
        ASN1EncodableVector v = new ASN1EncodableVector();
        v.add(new ASN1Integer(new BigInteger(r, 16)));
        v.add(new ASN1Integer(new BigInteger(s, 16)));
        return new DERSequence(v).getEncoded();
    }

    /** Hands out the standard's k where the signer draws its random k (BC draws it with one nextBytes of 32). */
    private static SecureRandom fixed(byte[] k) {
        return new SecureRandom() {
            @Override
            public void nextBytes(byte[] bytes) {
                System.arraycopy(k, 0, bytes, 0, Math.min(k.length, bytes.length));
            }
        };
    }
}
