package org.govkiosk.device.internal.driver.smartcard;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.smartcardio.Card;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.CommandAPDU;
import javax.smartcardio.TerminalFactory;
import org.govkiosk.device.DeviceConfig;
import org.govkiosk.device.DeviceEvent;
import org.govkiosk.device.DeviceException;
import org.govkiosk.device.DeviceStatusDetail;
import org.govkiosk.device.DeviceStatusInfo;
import org.govkiosk.device.SmartCardReader;
import org.govkiosk.device.internal.codec.smartcard.ApduProfile;
import org.govkiosk.device.internal.codec.smartcard.Hex;
import org.govkiosk.device.driver.AbstractDevice;
import org.govkiosk.device.driver.DeviceContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PC/SC reader through javax.smartcardio. One daemon thread owns all PC/SC calls (pcsc-lite serialises calls
 * on a context anyway): it finds the reader (the configured name, or the first one), then waits for a card to
 * come or go in short slices ({@code waitForCardPresent/Absent}) and runs queued card work (transmit, profile
 * reads) between slices. A card is connected on insertion; its ATR picks the {@link ApduProfile}; with reading
 * enabled the profile is read at once and handed to {@link #onProfileRead} listeners.
 * <p>
 * Any PC/SC failure (pcscd stopped or restarted, reader unplugged) drops the card (SmartCardRemoved), sets
 * OFFLINE with NO_READER and retries with a <em>new</em> PC/SC context every second, sooner when the supervisor
 * asks ({@link #reconnect()}). A missing reader is transient: it may be plugged in later.
 */
public final class SmartCardReaderDriver extends AbstractDevice implements SmartCardReader {

    private static final Logger LOG = LoggerFactory.getLogger(SmartCardReaderDriver.class);
    /** How long one wait for a card change lasts; queued card work waits at most this long. */
    static final long WAIT_SLICE_MS = 200;
    static final long RETRY_MS = 1000;

    private final List<ApduProfile> profiles;
    private final String wantedReader;
    /** The reader holding the PSAM, for profiles that authenticate cards through one; null if none. */
    private final String psamReader;
    private final BlockingQueue<Runnable> work = new LinkedBlockingQueue<>();
    private final List<Consumer<? super SmartCardData>> readListeners = new CopyOnWriteArrayList<>();
    private final Object retrySignal = new Object();
    private volatile boolean readingEnabled = true;
    private volatile boolean retryNow;
    private volatile boolean silenceReported;
    private volatile Thread watcher;
    // Owned by the watcher thread.
    private boolean contextSuspect;
    private CardTerminal terminal;
    private Card card;
    private byte[] atr;

    SmartCardReaderDriver(DeviceConfig config, DeviceContext context, List<ApduProfile> profiles) {
        super(config, context);
        this.profiles = List.copyOf(profiles);
        this.psamReader = config.option(SmartCardReaderDriverFactory.PSAM_READER).map(String::trim)
                .filter(s -> !s.isEmpty()).orElse(null);
        String port = config.transport().port();
        this.wantedReader = port == null || port.isBlank() ? null : port.trim();
    }

    @Override
    protected void onStart() {
        Thread w = new Thread(this::watch, "smartcard-" + id());
        w.setDaemon(true);
        watcher = w;
        w.start();
    }

    private void watch() {
        while (!isClosed()) {
            try {
                attach();
                serve();
            } catch (CardException | RuntimeException e) {
                if (isClosed()) {
                    break;
                }
                lost(e);
            }
            waitBeforeRetry();
        }
        dropCard(false);
        failQueuedWork();
    }

    /** Finds the reader with a fresh context after any failure. Throws while pcscd or the reader is missing. */
    private void attach() throws CardException {
        TerminalFactory factory = PcscContext.factory(contextSuspect);
        contextSuspect = true; // until this attempt reaches ONLINE
        List<CardTerminal> readers = factory.terminals().list();
        terminal = readers.stream().filter(t -> wantedReader == null || t.getName().equals(wantedReader))
                .findFirst().orElse(null);
        if (terminal == null) {
            throw new CardException(wantedReader == null ? "no PC/SC reader" : "no reader named '" + wantedReader
                    + "'; readers: " + readers.stream().map(CardTerminal::getName).toList());
        }
        contextSuspect = false;
        clearFailure();
        silenceReported = false;
        signOfLife();
        setStatus(DeviceStatusInfo.online());
        LOG.info("Smart card reader {} online: {}", id(), terminal.getName());
    }

    private void serve() throws CardException {
        while (!isClosed() && !silenceReported) {
            signOfLife();
            Runnable job = work.poll();
            if (job != null) {
                job.run();
                continue;
            }
            if (card == null) {
                if (terminal.waitForCardPresent(WAIT_SLICE_MS)) {
                    cardInserted();
                }
            } else if (terminal.waitForCardAbsent(WAIT_SLICE_MS)) {
                dropCard(true);
            }
        }
        if (silenceReported) {
            throw new CardException("silent for longer than " + silenceTimeout().toMillis() + " ms");
        }
    }

    private void cardInserted() throws CardException {
        try {
            card = terminal.connect("*");
        } catch (CardException e) {
            // Taken away again while connecting, or mute: the next slice sees which.
            LOG.info("Smart card reader {}: could not connect to the card: {}", id(), e.getMessage());
            if (!terminal.isCardPresent()) {
                return;
            }
            throw e;
        }
        atr = card.getATR().getBytes();
        String atrHex = Hex.of(atr);
        LOG.info("Smart card reader {}: card inserted, ATR {}", id(), atrHex);
        publish(new DeviceEvent.SmartCardInserted(id(), context.clock().instant(), terminal.getName(), atrHex));
        if (readingEnabled) {
            ApduProfiles.matching(profiles, atr).ifPresent(p -> {
                try {
                    SmartCardData data = readWith(p);
                    readListeners.forEach(l -> deliver(l, data));
                    publish(new DeviceEvent.SmartCardRead(id(), context.clock().instant(), data.readerName(),
                            data.profileName(), data.fields()));
                } catch (DeviceException e) {
                    LOG.warn("Smart card reader {}: reading profile {} failed: {}", id(), p.name(), e.getMessage());
                }
            });
        }
    }

    private void deliver(Consumer<? super SmartCardData> listener, SmartCardData data) {
        try {
            listener.accept(data);
        } catch (RuntimeException e) {
            LOG.error("Profile read listener {} failed", listener, e);
        }
    }

    private SmartCardData readWith(ApduProfile profile) throws DeviceException {
        if (profile.psam() == ApduProfile.Psam.NONE || psamReader == null) {
            SmartCardData data = new ProfileReader(this::exchange).read(profile, terminal.getName(), atr);
            LOG.info("Smart card reader {} read {}", id(), data);
            return data;
        }
        Card psam = connectPsam();
        try {
            SmartCardData data = new ProfileReader(this::exchange, command -> transmit(psam, command, "PSAM"))
                    .read(profile, terminal.getName(), atr);
            LOG.info("Smart card reader {} read {} (authenticated by the PSAM in '{}')", id(), data, psamReader);
            return data;
        } finally {
            try {
                psam.disconnect(false);
            } catch (CardException | RuntimeException e) {
                LOG.debug("Smart card reader {}: PSAM disconnect: {}", id(), e.getMessage());
            }
        }
    }

    /** The PSAM in its own reader (a SAM slot of the same device shows as a second PC/SC reader). */
    private Card connectPsam() throws DeviceException {
        try {
            List<CardTerminal> readers = PcscContext.factory(false).terminals().list();
            CardTerminal t = readers.stream().filter(r -> r.getName().equals(psamReader)).findFirst()
                    .orElseThrow(() -> new DeviceException(DeviceException.Code.NOT_CONNECTED,
                            DeviceStatusDetail.SAM_ERROR, "no PSAM reader named '" + psamReader + "'; readers: "
                                    + readers.stream().map(CardTerminal::getName).toList()));
            if (!t.isCardPresent()) {
                throw new DeviceException(DeviceException.Code.NOT_CONNECTED, DeviceStatusDetail.SAM_ERROR,
                        "no PSAM in reader '" + psamReader + "'");
            }
            return t.connect("*");
        } catch (CardException e) {
            throw new DeviceException(DeviceException.Code.IO_ERROR, DeviceStatusDetail.SAM_ERROR,
                    "PSAM reader '" + psamReader + "': " + e.getMessage(), e);
        }
    }

    private static byte[] transmit(Card target, byte[] command, String what) throws DeviceException {
        try {
            return target.getBasicChannel().transmit(new CommandAPDU(command)).getBytes();
        } catch (CardException | IllegalArgumentException | IllegalStateException e) {
            throw new DeviceException(DeviceException.Code.IO_ERROR, DeviceStatusDetail.SAM_ERROR,
                    what + " transmit failed: " + e.getMessage(), e);
        }
    }

    /** One APDU to the present card; on the watcher thread. */
    private byte[] exchange(byte[] command) throws DeviceException {
        if (card == null) {
            throw new DeviceException(DeviceException.Code.NOT_CONNECTED, DeviceStatusDetail.CARD_READ_ERROR,
                    "no card in the reader");
        }
        try {
            return card.getBasicChannel().transmit(new CommandAPDU(command)).getBytes();
        } catch (CardException | IllegalArgumentException | IllegalStateException e) {
            throw new DeviceException(DeviceException.Code.IO_ERROR, DeviceStatusDetail.CARD_READ_ERROR,
                    "transmit failed: " + e.getMessage(), e);
        }
    }

    private void dropCard(boolean announce) {
        Card gone = card;
        card = null;
        atr = null;
        if (gone == null) {
            return;
        }
        try {
            gone.disconnect(false);
        } catch (CardException | RuntimeException e) {
            LOG.debug("Smart card reader {}: disconnect of a removed card: {}", id(), e.getMessage());
        }
        if (announce) {
            String reader = terminal != null ? terminal.getName() : String.valueOf(wantedReader);
            LOG.info("Smart card reader {}: card removed", id());
            publish(new DeviceEvent.SmartCardRemoved(id(), context.clock().instant(), reader));
        }
    }

    private void lost(Exception e) {
        dropCard(true);
        contextSuspect = true;
        terminal = null;
        DeviceStatusDetail detail = silenceReported ? DeviceStatusDetail.NO_DATA_TIMEOUT : DeviceStatusDetail.NO_READER;
        fail(new DeviceException(DeviceException.Code.PORT_NOT_FOUND, detail, String.valueOf(e.getMessage()), e));
        failQueuedWork();
    }

    private void waitBeforeRetry() {
        synchronized (retrySignal) {
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(RETRY_MS);
            while (!retryNow && !isClosed()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(retrySignal, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            retryNow = false;
        }
    }

    private void failQueuedWork() {
        Runnable job;
        while ((job = work.poll()) != null) {
            job.run(); // with no card, every job completes exceptionally
        }
    }

    @Override
    public void setReadingEnabled(boolean enabled) {
        readingEnabled = enabled;
    }

    /** Listeners for profile reads done on insertion (also published as {@link DeviceEvent.SmartCardRead}). */
    public AutoCloseable onProfileRead(Consumer<? super SmartCardData> listener) {
        readListeners.add(listener);
        return () -> readListeners.remove(listener);
    }

    @Override
    public CompletableFuture<byte[]> transmit(byte[] commandApdu) {
        byte[] command = commandApdu.clone();
        return submit(() -> exchange(command));
    }

    /** Reads the card in the reader with the profile its ATR matches. */
    public CompletableFuture<SmartCardData> readProfile() {
        return submit(() -> {
            if (card == null) {
                throw new DeviceException(DeviceException.Code.NOT_CONNECTED, DeviceStatusDetail.CARD_READ_ERROR,
                        "no card in the reader");
            }
            Optional<ApduProfile> profile = ApduProfiles.matching(profiles, atr);
            if (profile.isEmpty()) {
                throw new DeviceException(DeviceException.Code.UNSUPPORTED, DeviceStatusDetail.CARD_READ_ERROR,
                        "no profile matches ATR " + Hex.of(atr));
            }
            return readWith(profile.get());
        });
    }

    @FunctionalInterface
    private interface CardWork<T> {
        T run() throws DeviceException;
    }

    private <T> CompletableFuture<T> submit(CardWork<T> job) {
        CompletableFuture<T> result = new CompletableFuture<>();
        work.add(() -> {
            try {
                result.complete(job.run());
            } catch (DeviceException | RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        if (isClosed() || watcher == null || !watcher.isAlive()) {
            failQueuedWork();
        }
        return result;
    }

    /** The profiles this driver knows, for the maintenance screen. */
    public List<ApduProfile> profiles() {
        return profiles;
    }

    /** The watcher signs life every slice; silence means it hangs in a PC/SC call: start over. */
    @Override
    protected void onSilence() {
        silenceReported = true;
        setStatus(DeviceStatusInfo.offline(DeviceStatusDetail.NO_DATA_TIMEOUT));
    }

    @Override
    protected void onReconnect() {
        wakeWatcher();
    }

    /** Ends the watcher's wait before the next attempt (or before it ends, once closed). */
    private void wakeWatcher() {
        synchronized (retrySignal) {
            retryNow = true;
            retrySignal.notifyAll();
        }
    }

    @Override
    protected void onClose() {
        Thread w = watcher;
        wakeWatcher();
        if (w != null && w != Thread.currentThread()) {
            try {
                w.join(WAIT_SLICE_MS * 5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        failQueuedWork();
    }

    @Override
    protected String describe() {
        return config.transport().describe();
    }
}
