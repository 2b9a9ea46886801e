package org.govkiosk.app.platform;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Set;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Accepts a server only if its certificate's public key (SubjectPublicKeyInfo) hashes to one of the pins. The pin
 * replaces the CA and hostname checks: a hall's gateway often has a certificate of its own making, and the pin is
 * a stronger statement of identity than a CA's. The certificate must still be within its validity dates.
 */
public final class PinnedTrustManager extends X509ExtendedTrustManager {

    private static final String PREFIX = "sha256/";

    private final Set<String> pins;

    /** @param pins {@code sha256/BASE64} (the prefix may be left out) */
    public PinnedTrustManager(Set<String> pins) {
        if (pins.isEmpty()) {
            throw new IllegalArgumentException("at least one pin is needed");
        }
        this.pins = pins.stream().map(PinnedTrustManager::parsePin).collect(java.util.stream.Collectors.toSet());
    }

    /** The pin of a certificate, as the configuration takes it. */
    public static String pinOf(Certificate certificate) {
        return PREFIX + Base64.getEncoder().encodeToString(sha256(certificate.getPublicKey().getEncoded()));
    }

    /** Checks a configured pin and returns its Base64 part. */
    static String parsePin(String pin) {
        String value = pin == null ? "" : pin.strip();
        if (value.startsWith(PREFIX)) {
            value = value.substring(PREFIX.length());
        }
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            decoded = new byte[0];
        }
        if (decoded.length != 32) {
            throw new IllegalArgumentException("a certificate pin is sha256/ and the Base64 of 32 bytes, got '"
                    + pin + "'");
        }
        return Base64.getEncoder().encodeToString(decoded);
    }

    static SSLContext sslContext(Set<String> pins) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new PinnedTrustManager(pins)}, new SecureRandom());
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("TLS is not available", e);
        }
    }

    private void check(X509Certificate[] chain) throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw new CertificateException("the server sent no certificate");
        }
        X509Certificate leaf = chain[0];
        leaf.checkValidity();
        String actual = Base64.getEncoder().encodeToString(sha256(leaf.getPublicKey().getEncoded()));
        if (!pins.contains(actual)) {
            throw new CertificateException("server certificate key " + PREFIX + actual
                    + " does not match the configured pin(s) (subject " + leaf.getSubjectX500Principal() + ")");
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        check(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        check(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        check(chain);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("the terminal does not accept TLS clients");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        throw new CertificateException("the terminal does not accept TLS clients");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        throw new CertificateException("the terminal does not accept TLS clients");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
