package org.govkiosk.platform.sms;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jsmpp.bean.BroadcastSm;
import org.jsmpp.bean.CancelBroadcastSm;
import org.jsmpp.bean.CancelSm;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.QueryBroadcastSm;
import org.jsmpp.bean.QuerySm;
import org.jsmpp.bean.ReplaceSm;
import org.jsmpp.bean.SubmitMulti;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.BindRequest;
import org.jsmpp.session.BroadcastSmResult;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.QueryBroadcastSmResult;
import org.jsmpp.session.QuerySmResult;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.SMPPServerSessionListener;
import org.jsmpp.session.ServerMessageReceiverListener;
import org.jsmpp.session.Session;
import org.jsmpp.session.SubmitMultiResult;
import org.jsmpp.session.SubmitSmResult;
import org.jsmpp.util.MessageId;

/**
 * An SMSC on loopback speaking SMPP 3.4 through jsmpp's server side: checks the bind's account and password,
 * records each submit_sm as it came (addresses, data coding, ESM class, the octets), and can be told to refuse the
 * next submits with a command status, or to go away and come back on the same port.
 */
final class StandInSmsc implements AutoCloseable {

    /** One submit_sm as the SMSC received it. */
    record Submit(String source, byte destTon, byte destNpi, String destination, byte dataCoding, boolean udhi,
            byte[] octets) {
    }

    final List<Submit> submits = new CopyOnWriteArrayList<>();
    final AtomicInteger binds = new AtomicInteger();
    final AtomicInteger refuseNext = new AtomicInteger();
    volatile int refuseWith = 0x58;
    private final String systemId;
    private final String password;
    private final int port;
    private final AtomicLong ids = new AtomicLong();
    private final List<SMPPServerSession> sessions = new CopyOnWriteArrayList<>();
    private ExecutorService acceptor;
    private SMPPServerSessionListener listener;

    StandInSmsc(String systemId, String password) throws IOException {
        this.systemId = systemId;
        this.password = password;
        try (ServerSocket free = new ServerSocket(0)) {
            this.port = free.getLocalPort();
        }
        start();
    }

    int port() {
        return port;
    }

    void start() throws IOException {
        listener = new SMPPServerSessionListener(port);
        listener.setMessageReceiverListener(new Receiver());
        acceptor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "stand-in-smsc");
            t.setDaemon(true);
            return t;
        });
        SMPPServerSessionListener mine = listener;
        acceptor.execute(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                SMPPServerSession session;
                try {
                    session = mine.accept();
                } catch (IOException e) {
                    return; // closed
                }
                sessions.add(session);
                acceptor.execute(() -> bind(session));
            }
        });
    }

    private void bind(SMPPServerSession session) {
        try {
            BindRequest bind = session.waitForBind(5_000);
            if (!systemId.equals(bind.getSystemId())) {
                bind.reject(0x0F);
            } else if (!password.equals(bind.getPassword())) {
                bind.reject(0x0E);
            } else {
                binds.incrementAndGet();
                bind.accept("standin");
            }
        } catch (Exception e) {
            session.close();
        }
    }

    /** The SMSC goes away: every session closed, the port no longer listens. */
    void stop() throws IOException, InterruptedException {
        listener.close();
        acceptor.shutdownNow();
        for (SMPPServerSession s : sessions) {
            s.close();
        }
        sessions.clear();
        acceptor.awaitTermination(5, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws Exception {
        stop();
    }

    private final class Receiver implements ServerMessageReceiverListener {

        @Override
        public SubmitSmResult onAcceptSubmitSm(SubmitSm sm, SMPPServerSession source) throws ProcessRequestException {
            if (refuseNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                throw new ProcessRequestException("refused by the stand-in", refuseWith);
            }
            submits.add(new Submit(sm.getSourceAddr(), sm.getDestAddrTon(), sm.getDestAddrNpi(), sm.getDestAddress(),
                    sm.getDataCoding(), sm.isUdhi(), sm.getShortMessage()));
            try {
                return new SubmitSmResult(new MessageId(Long.toHexString(ids.incrementAndGet())),
                        new OptionalParameter[0]);
            } catch (Exception e) {
                throw new ProcessRequestException("message id", 0x08, e);
            }
        }

        @Override
        public SubmitMultiResult onAcceptSubmitMulti(SubmitMulti m, SMPPServerSession s)
                throws ProcessRequestException {
            throw unsupported();
        }

        @Override
        public QuerySmResult onAcceptQuerySm(QuerySm m, SMPPServerSession s) throws ProcessRequestException {
            throw unsupported();
        }

        @Override
        public void onAcceptReplaceSm(ReplaceSm m, SMPPServerSession s) throws ProcessRequestException {
            throw unsupported();
        }

        @Override
        public void onAcceptCancelSm(CancelSm m, SMPPServerSession s) throws ProcessRequestException {
            throw unsupported();
        }

        @Override
        public BroadcastSmResult onAcceptBroadcastSm(BroadcastSm m, SMPPServerSession s)
                throws ProcessRequestException {
            throw unsupported();
        }

        @Override
        public void onAcceptCancelBroadcastSm(CancelBroadcastSm m, SMPPServerSession s)
                throws ProcessRequestException {
            throw unsupported();
        }

        @Override
        public QueryBroadcastSmResult onAcceptQueryBroadcastSm(QueryBroadcastSm m, SMPPServerSession s)
                throws ProcessRequestException {
            throw unsupported();
        }

        @Override
        public DataSmResult onAcceptDataSm(DataSm m, Session s) throws ProcessRequestException {
            throw unsupported();
        }

        private ProcessRequestException unsupported() {
            return new ProcessRequestException("not supported by the stand-in", 0x03);
        }
    }
}
