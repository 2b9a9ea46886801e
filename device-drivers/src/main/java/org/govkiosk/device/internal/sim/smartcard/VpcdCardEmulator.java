package org.govkiosk.device.internal.sim.smartcard;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Our card for vsmartcard-vpcd: connects to vpcd's TCP port (35963 for the first virtual reader) and answers as
 * a {@link VirtualCard} ({@link EmulatedCard}, {@link EmulatedSocialSecurityCard}, {@link EmulatedPsam}).
 * Connected means "card in the reader", disconnected "card removed". While inserted it
 * reconnects on its own when the link drops (pcscd restarted), as the card would still lie in the reader.
 */
public final class VpcdCardEmulator implements AutoCloseable {

    public static final int DEFAULT_PORT = 35963;
    private static final Logger LOG = LoggerFactory.getLogger(VpcdCardEmulator.class);
    private static final long RECONNECT_MS = 100;

    private final String host;
    private final int port;
    private final VirtualCard card;
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger apdus = new AtomicInteger();
    private volatile boolean inserted;
    private volatile Socket socket;
    private volatile boolean connected;
    private Thread worker;

    public VpcdCardEmulator(String host, int port, VirtualCard card) {
        this.host = host;
        this.port = port;
        this.card = card;
    }

    /** Puts the card in the reader: connects (and keeps reconnecting) in the background. */
    public synchronized void insert() {
        if (inserted) {
            return;
        }
        inserted = true;
        worker = new Thread(this::run, "vpcd-card-" + port);
        worker.setDaemon(true);
        worker.start();
    }

    /** Takes the card out: closes the link, which vpcd reports as card removed. */
    public synchronized void remove() throws InterruptedException {
        inserted = false;
        closeSocket();
        if (worker != null) {
            worker.interrupt();
            worker.join(5000);
            worker = null;
        }
    }

    public boolean isConnected() {
        return connected;
    }

    /** How many times the emulator has connected to vpcd. */
    public int connections() {
        return connections.get();
    }

    public int apdusAnswered() {
        return apdus.get();
    }

    private void run() {
        while (inserted) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(host, port), 1000);
                s.setTcpNoDelay(true);
                socket = s;
                if (!inserted) {
                    return;
                }
                connected = true;
                connections.incrementAndGet();
                LOG.debug("card emulator connected to vpcd {}:{}", host, port);
                serve(s.getInputStream(), s.getOutputStream());
            } catch (IOException e) {
                LOG.trace("card emulator link to {}:{}: {}", host, port, e.getMessage());
            } finally {
                connected = false;
                socket = null;
            }
            try {
                Thread.sleep(RECONNECT_MS); // pcscd (and so vpcd) may be restarting
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void serve(InputStream in, OutputStream out) throws IOException {
        VpcdCodec.Decoder decoder = new VpcdCodec.Decoder();
        byte[] buf = new byte[4096];
        int n;
        while (inserted && (n = in.read(buf)) >= 0) {
            for (VpcdCodec.Message m : decoder.feed(buf, n)) {
                byte[] answer = answer(m);
                if (answer != null) {
                    out.write(VpcdCodec.encode(answer));
                    out.flush();
                }
            }
        }
    }

    /** The payload to send back for one message, or null when vpcd expects no answer. */
    byte[] answer(VpcdCodec.Message m) {
        if (m instanceof VpcdCodec.Control c) {
            switch (c.code()) {
                case VpcdCodec.GET_ATR:
                    return card.atr();
                case VpcdCodec.POWER_ON, VpcdCodec.RESET, VpcdCodec.POWER_OFF:
                    card.reset();
                    return null;
                default:
                    LOG.debug("card emulator ignores control code {}", c.code());
                    return null;
            }
        }
        apdus.incrementAndGet();
        return card.respond(((VpcdCodec.Apdu) m).command());
    }

    private void closeSocket() {
        Socket s = socket;
        if (s != null) {
            try {
                s.close();
            } catch (IOException e) {
                LOG.trace("closing the vpcd link: {}", e.getMessage());
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        remove();
    }
}
