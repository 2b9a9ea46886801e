package org.govkiosk.platform.sms;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import org.jsmpp.PDUException;
import org.jsmpp.InvalidResponseException;
import org.jsmpp.bean.Alphabet;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GSMSpecificFeature;
import org.jsmpp.bean.GeneralDataCoding;
import org.jsmpp.bean.MessageMode;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.extra.ResponseTimeoutException;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.SMPPSession;
import org.jsmpp.session.connection.Connection;
import org.jsmpp.session.connection.socket.SocketConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator's SMSC over SMPP 3.4 (jsmpp): one session bound as transmitter, kept open with enquire_link and bound
 * again when it was lost. Texts go as UCS-2 (Chinese); a text longer than one message (70 characters) goes as
 * concatenated parts with a user data header whose reference is derived from the message's dedupe key, so the parts
 * of a resent message carry the same reference and a phone can put them together once. Connecting, binding and
 * each answer are bounded in time.
 *
 * <p>SMPP has no idempotency: an SMSC that took a message and whose answer was lost gets it again on the retry. The
 * outbox keeps that to the rare lost answer; the logs say when it happened (a timeout).
 */
public final class SmppSmsGateway implements SmsGateway, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SmppSmsGateway.class);

    /** UCS-2 characters in one message, and in one part of a concatenated message (6 octets go to the header). */
    static final int SINGLE = 70;
    static final int PART = 67;

    /** Answers about the message itself (length, addresses, numbering): sending it again cannot mend them. */
    private static final Set<Integer> PERMANENT = Set.of(0x01, 0x0A, 0x0B, 0x43, 0x48, 0x49, 0x50, 0x51, 0x61, 0x62);

    private final URI url;
    private final String systemId;
    private final String password;
    private final String sourceAddress;
    private final Duration connectTimeout;
    private final Duration requestTimeout;
    private SMPPSession session; // guarded by this

    public SmppSmsGateway(URI url, String systemId, String password, String sourceAddress, Duration connectTimeout,
            Duration requestTimeout) {
        this.url = url;
        this.systemId = systemId;
        this.password = password;
        this.sourceAddress = sourceAddress;
        this.connectTimeout = connectTimeout;
        this.requestTimeout = requestTimeout;
    }

    public static SmppSmsGateway of(SmsSettings s) {
        if (!s.smpp()) {
            throw new IllegalArgumentException("not an smpp sms-url: " + s.url().map(URI::toString).orElse("(none)"));
        }
        return new SmppSmsGateway(s.url().orElseThrow(), s.systemId().orElseThrow(), s.key().orElseThrow(),
                s.sourceAddress().orElseThrow(), s.connectTimeout(), s.requestTimeout());
    }

    @Override
    public synchronized void send(SmsMessage m) {
        List<byte[]> parts = parts(m.text(), reference(m.dedupeKey()));
        ESMClass esm = parts.size() == 1 ? new ESMClass()
                : new ESMClass(MessageMode.DEFAULT, MessageType.DEFAULT, GSMSpecificFeature.UDHI);
        String to = destination(m.phone());
        TypeOfNumber ton = m.phone().startsWith("+") ? TypeOfNumber.INTERNATIONAL : TypeOfNumber.NATIONAL;
        SMPPSession s = bound();
        for (byte[] part : parts) {
            try {
                s.submitShortMessage("", TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, sourceAddress,
                        ton, NumberingPlanIndicator.ISDN, to, esm, (byte) 0, (byte) 1, null, null,
                        new RegisteredDelivery(SMSCDeliveryReceipt.DEFAULT), (byte) 0,
                        new GeneralDataCoding(Alphabet.ALPHA_UCS2), (byte) 0, part);
            } catch (NegativeResponseException e) {
                int status = e.getCommandStatus();
                boolean retry = !PERMANENT.contains(status);
                throw new SmsException("the SMSC refused the message: " + statusName(status), retry, null);
            } catch (ResponseTimeoutException e) {
                drop();
                throw new SmsException("the SMSC did not answer within " + requestTimeout.toMillis()
                        + " ms (it may have taken the message; it is sent again)", true, null);
            } catch (PDUException e) {
                throw new SmsException("the message cannot be put in an SMPP PDU: " + e.getMessage(), false, null);
            } catch (InvalidResponseException | IOException e) {
                drop();
                throw new SmsException("the SMSC connection failed: " + e.getMessage(), true, null);
            }
        }
    }

    /** The bound session, connecting and binding first if there is none or it was lost. */
    private SMPPSession bound() {
        if (session != null && session.getSessionState().isBound()) {
            return session;
        }
        drop();
        SMPPSession s = new SMPPSession(this::connect);
        s.setTransactionTimer(requestTimeout.toMillis());
        s.setEnquireLinkTimer((int) Math.min(30_000, Math.max(1_000, requestTimeout.toMillis() * 3)));
        try {
            s.connectAndBind(url.getHost(), url.getPort(), new BindParameter(BindType.BIND_TX, systemId, password,
                    "", TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, null), connectTimeout.toMillis());
        } catch (IOException e) {
            s.unbindAndClose();
            String why = e.getCause() instanceof NegativeResponseException n ? "bind refused: "
                    + statusName(n.getCommandStatus()) : e.getMessage();
            // Retryable: a refused bind is the account's or the SMSC's state, which a person mends; the messages wait.
            throw new SmsException("cannot bind to the SMSC " + url.getHost() + ":" + url.getPort() + " as "
                    + systemId + ": " + why, true, null);
        }
        LOG.info("SMPP session bound to {}:{} as {}", url.getHost(), url.getPort(), systemId);
        session = s;
        return s;
    }

    /**
     * A connection within the connect timeout (jsmpp's own factories wait as long as the OS does); over TLS the
     * SMSC's certificate is checked against the host name as HTTPS does.
     */
    private Connection connect(String host, int port) throws IOException {
        int timeout = (int) connectTimeout.toMillis();
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(host, port), timeout);
            if (!SMPPS.equals(url.getScheme())) {
                return new SocketConnection(socket);
            }
            SSLSocket tls = (SSLSocket) ((SSLSocketFactory) SSLSocketFactory.getDefault())
                    .createSocket(socket, host, port, true);
            SSLParameters p = tls.getSSLParameters();
            p.setEndpointIdentificationAlgorithm("HTTPS");
            tls.setSSLParameters(p);
            tls.setSoTimeout(timeout);
            tls.startHandshake();
            tls.setSoTimeout(0);
            return new SocketConnection(tls);
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    private void drop() {
        if (session != null) {
            session.unbindAndClose();
            session = null;
        }
    }

    @Override
    public synchronized void close() {
        drop();
    }

    /** The number as the SMSC wants it: digits only, without a leading +. */
    static String destination(String phone) {
        return phone.replaceAll("[^0-9]", "");
    }

    /** The concatenation reference of a message: the same for every attempt at it. */
    static int reference(String dedupeKey) {
        return dedupeKey.hashCode() & 0xff;
    }

    /**
     * The text in UCS-2 (UTF-16BE) parts: one without a header when it fits, otherwise parts of at most
     * {@link #PART} code units, each after the 6-octet concatenation header, never splitting a surrogate pair.
     */
    static List<byte[]> parts(String text, int reference) {
        if (text.length() <= SINGLE) {
            return List.of(text.getBytes(StandardCharsets.UTF_16BE));
        }
        List<String> pieces = new ArrayList<>();
        int at = 0;
        while (at < text.length()) {
            int end = Math.min(text.length(), at + PART);
            if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
                end--;
            }
            pieces.add(text.substring(at, end));
            at = end;
        }
        if (pieces.size() > 255) {
            throw new SmsException("the text needs more than 255 parts", false, null);
        }
        List<byte[]> out = new ArrayList<>();
        for (int i = 0; i < pieces.size(); i++) {
            byte[] body = pieces.get(i).getBytes(StandardCharsets.UTF_16BE);
            byte[] part = new byte[6 + body.length];
            part[0] = 0x05; // header length
            part[1] = 0x00; // concatenated short message, 8-bit reference
            part[2] = 0x03;
            part[3] = (byte) reference;
            part[4] = (byte) pieces.size();
            part[5] = (byte) (i + 1);
            System.arraycopy(body, 0, part, 6, body.length);
            out.add(part);
        }
        return out;
    }

    private static String statusName(int status) {
        String name = switch (status) {
            case 0x01 -> "invalid message length";
            case 0x08 -> "system error";
            case 0x0A -> "invalid source address";
            case 0x0B -> "invalid destination address";
            case 0x0D -> "bind failed";
            case 0x0E -> "invalid password";
            case 0x0F -> "invalid system id";
            case 0x14 -> "message queue full";
            case 0x45 -> "submit failed";
            case 0x58 -> "throttled";
            default -> "command status";
        };
        return name + String.format(" (0x%02X)", status);
    }

    private static final String SMPPS = SmsSettings.SMPPS;
}
