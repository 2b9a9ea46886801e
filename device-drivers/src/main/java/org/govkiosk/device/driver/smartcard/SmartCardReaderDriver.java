package org.govkiosk.device.driver.smartcard;

import java.time.Duration;
import java.time.Instant;
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
import org.govkiosk.device.DeviceFamily;
import org.govkiosk.device.DeviceStatus;
import org.govkiosk.device.DeviceStatusDetail;
import org.govkiosk.device.DeviceStatusInfo;
import org.govkiosk.device.SmartCardReader;
import org.govkiosk.device.driver.DeviceContext;
import org.govkiosk.device.driver.DeviceStatusCell;
import org.govkiosk.device.supervisor.SupervisedComponent;
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
public final class SmartCardReaderDriver implements SmartCardReader, SupervisedComponent {

    private static final Logger LOG = LoggerFactory.getLogger(SmartCardReaderDriver.class);
    /** How long one wait for a card change lasts; queued card work waits at most this long. */
    static final long WAIT_SLICE_MS = 200;
    static final long RETRY_MS = 1000;

    private final DeviceConfig config;
    private final DeviceContext context;
    private final List<ApduProfile> profiles;
    private final String wantedReader;
    private final BlockingQueue<Runnable> work = new LinkedBlockingQueue<>();
    private final List<Consumer<? super SmartCardData>> readListeners = new CopyOnWriteArrayList<>();
    private final Object retrySignal = new Object();
    private final DeviceStatusCell status;
    private volatile DeviceException lastFailure;
    private volatile Instant lastSignOfLife;
    private volatile boolean readingEnabled = true;
    private volatile boolean closed;
    private volatile boolean retryNow;
    private volatile boolean silenceReported;
    private Thread watcher;
    // Owned by the watcher thread.
    private boolean contextSuspect;
    private CardTerminal terminal;
    private Card card;
    private byte[] atr;

    SmartCardReaderDriver(DeviceConfig config, DeviceContext context, List<ApduProfile> profiles) {
        this.config = config;
        this.context = context;
        this.status = new DeviceStatusCell(this.config.id(), this.context);
        this.profiles = List.copyOf(profiles);
        String port = config.transport().port();
        this.wantedReader = port == null || port.isBlank() ? null : port.trim();
        this.lastSignOfLife = context.clock().instant();
    }

    @Override
    public String id() {
        return config.id();
    }

    @Override
    public DeviceFamily family() {
        return DeviceFamily.SMART_CARD_READER;
    }

    @Override
    public DeviceStatusInfo status() {
        return status.get();
    }

    @Override
    public synchronized void start() {
        if (!config.enabled()) {
            setStatus(DeviceStatusInfo.of(DeviceStatus.DISABLED, DeviceStatusDetail.DISABLED_BY_CONFIG));
            return;
        }
        if (watcher != null || closed) {
            return;
        }
        setStatus(DeviceStatusInfo.of(DeviceStatus.INITIALIZING, DeviceStatusDetail.NONE));
        watcher = new Thread(this::watch, "smartcard-" + id());
        watcher.setDaemon(true);
        watcher.start();
    }

    private void watch() {
        while (!closed) {
            try {
                attach();
                serve();
            } catch (CardException | RuntimeException e) {
                if (closed) {
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
        lastFailure = null;
        silenceReported = false;
        signOfLife();
        setStatus(DeviceStatusInfo.online());
        LOG.info("Smart card reader {} online: {}", id(), terminal.getName());
    }

    private void serve() throws CardException {
        while (!closed && !silenceReported) {
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
        SmartCardData data = new ProfileReader(this::exchange).read(profile, terminal.getName(), atr);
        LOG.info("Smart card reader {} read {}", id(), data);
        return data;
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
        DeviceException failure = new DeviceException(DeviceException.Code.PORT_NOT_FOUND, detail,
                String.valueOf(e.getMessage()), e);
        lastFailure = failure;
        DeviceStatusInfo previous = status.get();
        setStatus(DeviceStatusInfo.offline(detail));
        if (previous.status() != DeviceStatus.OFFLINE || previous.detail() != detail) {
            LOG.warn("Smart card reader {} offline: {}", id(), failure.getMessage());
        }
        failQueuedWork();
    }

    private void waitBeforeRetry() {
        synchronized (retrySignal) {
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(RETRY_MS);
            while (!retryNow && !closed) {
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
        if (closed || watcher == null || !watcher.isAlive()) {
            failQueuedWork();
        }
        return result;
    }

    /** The profiles this driver knows, for the maintenance screen. */
    public List<ApduProfile> profiles() {
        return profiles;
    }

    @Override
    public Optional<DeviceException> lastFailure() {
        return Optional.ofNullable(lastFailure);
    }

    @Override
    public Instant lastSignOfLife() {
        return lastSignOfLife;
    }

    @Override
    public Duration silenceTimeout() {
        return config.silenceTimeout();
    }

    /** The watcher signs life every slice; silence means it hangs in a PC/SC call: start over. */
    @Override
    public void reportSilence() {
        silenceReported = true;
        setStatus(DeviceStatusInfo.offline(DeviceStatusDetail.NO_DATA_TIMEOUT));
    }

    @Override
    public void reconnect() {
        synchronized (retrySignal) {
            retryNow = true;
            retrySignal.notifyAll();
        }
    }

    private void signOfLife() {
        lastSignOfLife = context.clock().instant();
    }

    private void publish(DeviceEvent event) {
        context.bus().publish(event);
    }

    private void setStatus(DeviceStatusInfo next) {
        status.set(next);
    }

    @Override
    public void close() {
        Thread w;
        synchronized (this) {
            closed = true;
            w = watcher;
        }
        reconnect();
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
    public String toString() {
        return "SmartCardReaderDriver[" + id() + " via " + config.transport().describe() + ", " + status.get().status() + "]";
    }
}
