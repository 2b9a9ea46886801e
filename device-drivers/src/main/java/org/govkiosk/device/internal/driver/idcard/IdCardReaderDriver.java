package org.govkiosk.device.internal.driver.idcard;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.govkiosk.device.DeviceConfig;
import org.govkiosk.device.DeviceEvent;
import org.govkiosk.device.DeviceException;
import org.govkiosk.device.DeviceStatus;
import org.govkiosk.device.DeviceStatusDetail;
import org.govkiosk.device.DeviceStatusInfo;
import org.govkiosk.device.IdCardReader;
import org.govkiosk.device.internal.codec.idcard.CardReadPayload;
import org.govkiosk.device.internal.codec.idcard.SamCommand;
import org.govkiosk.device.internal.codec.idcard.SamId;
import org.govkiosk.device.internal.codec.idcard.SamResponse;
import org.govkiosk.device.internal.codec.idcard.SamResult;
import org.govkiosk.device.driver.AbstractDeviceDriver;
import org.govkiosk.device.driver.DeviceContext;
import org.govkiosk.device.idcard.IdCardRejection;
import org.govkiosk.device.idcard.IdCardTextParser;
import org.govkiosk.device.transport.Transport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A second-generation ID card reader with a SAM on a serial line. On connect it asks the SAM's status (0x90 →
 * ONLINE, anything else → OFFLINE with SAM_ERROR). Every poll interval it then either looks for a card (find →
 * select → read text and photo, while a screen has enabled reading) or asks the SAM's status again, so a silent
 * or broken reader is noticed before a citizen needs it. One {@link DeviceEvent.IdCardRead} per placement: a card
 * that stays on the reader is not read again, one taken off and put back is. After {@link #requireNewPlacement()}
 * the reader keeps looking (without reading) until the card lying there, if any, has been taken off: only then is
 * a card read again, so one forgotten by the last citizen never reaches the next. Cards whose data fails validation
 * are not published; they are counted with their (masked) reason in {@link #statistics()}.
 */
public final class IdCardReaderDriver extends AbstractDeviceDriver implements IdCardReader {

    /** Counted: cards read and published. */
    public static final String CARDS_READ = "cards-read";
    /** Counted: cards read but not accepted. */
    public static final String CARDS_REJECTED = "cards-rejected";

    private static final Logger LOG = LoggerFactory.getLogger(IdCardReaderDriver.class);
    /** Failed select/read attempts on one placement before giving up on that card. */
    static final int ATTEMPTS_PER_PLACEMENT = 3;
    /** "No card" answers in a row before the card counts as taken off; some readers fail a find now and then. */
    static final int ABSENT_POLLS_FOR_REMOVAL = 2;
    /** Placements in a row that could not be read before the reader counts as DEGRADED. */
    static final int FAILED_PLACEMENTS_FOR_DEGRADED = 3;

    private final SamExchange link;
    private final Object io = new Object();
    private final AtomicInteger readingGeneration = new AtomicInteger();
    private volatile boolean readingEnabled;
    private volatile boolean cardOnReader;
    /** The card that may lie on the reader belongs to an ended session: wait for it to be taken off. */
    private volatile boolean leftBehind;
    private volatile SamId samId;
    private volatile IdCardReaderStatistics.LastRejection lastRejection;
    private ScheduledFuture<?> poller;
    // Placement state, guarded by io.
    private int seenGeneration;
    private int absentPolls;
    private int failedAttempts;
    private int failedPlacements;

    IdCardReaderDriver(DeviceConfig config, Transport transport, DeviceContext context, Duration responseTimeout) {
        super(config, transport, context);
        this.link = new SamExchange(transport, responseTimeout);
    }

    @Override
    protected void onConnected() throws DeviceException {
        synchronized (io) {
            link.reset();
            checkSamStatus();
            readSamId();
            forgetPlacement();
            failedPlacements = 0;
        }
        setStatus(DeviceStatusInfo.online());
        synchronized (this) {
            if (poller == null && !isClosed()) {
                long ms = config.pollInterval().toMillis();
                poller = context.scheduler().scheduleWithFixedDelay(this::poll, ms, ms, TimeUnit.MILLISECONDS);
            }
        }
    }

    /** Any answer but 0x90 to the status question means the SAM cannot read cards. */
    private void checkSamStatus() throws DeviceException {
        SamResult status = link.exchange(SamCommand.SAM_STATUS).result().orElseThrow();
        if (status != SamResult.SUCCESS) {
            throw new DeviceException(DeviceException.Code.DEVICE_FAULT, DeviceStatusDetail.SAM_ERROR,
                    "the SAM answered its status query with " + status);
        }
    }

    /** The SAM id is for the maintenance screen only: a reader that will not tell it still reads cards. */
    private void readSamId() {
        try {
            SamResponse id = link.exchange(SamCommand.READ_SAM_ID);
            samId = SamId.of(java.util.Arrays.copyOf(id.payload(), Math.min(SamId.LENGTH, id.payloadLength())))
                    .orElse(samId);
        } catch (DeviceException e) {
            LOG.info("ID card reader {} did not tell its SAM id: {}", id(), e.getMessage());
            link.reset();
        }
    }

    private void poll() {
        if (isClosed() || !transport.isOpen() || !status().isUsable()) {
            return;
        }
        synchronized (io) {
            try {
                int generation = readingGeneration.get();
                if ((generation != seenGeneration || !readingEnabled) && !leftBehind) {
                    // A screen that asks anew gets the card that lies there read anew.
                    seenGeneration = generation;
                    forgetPlacement();
                }
                if (readingEnabled || leftBehind) {
                    lookForCard();
                } else {
                    checkSamStatus();
                }
            } catch (DeviceException e) {
                failThisConnection(e);
            } catch (RuntimeException e) {
                // Escaping would silently end the scheduled polling.
                LOG.error("ID card reader {} failed while polling", id(), e);
                failThisConnection(new DeviceException(DeviceException.Code.IO_ERROR,
                        DeviceStatusDetail.COMMUNICATION_ERROR, "unexpected failure while polling", e));
            }
        }
    }

    /**
     * Fails the link unless it already failed while this poll was waiting (unplugged, silence reported): then a
     * reconnect may be opening a new link, which this poll's stale failure must not close.
     */
    private void failThisConnection(DeviceException e) {
        if (status().isUsable()) {
            fail(e);
        } else {
            LOG.debug("ID card reader {}: poll ended after the link had failed: {}", id(), e.getMessage());
        }
    }

    private void lookForCard() throws DeviceException {
        SamResult found = link.exchange(SamCommand.FIND_CARD).result().orElseThrow();
        if (found.category() == SamResult.Category.NO_CARD) {
            if (++absentPolls >= ABSENT_POLLS_FOR_REMOVAL) {
                if (leftBehind) {
                    LOG.info("ID card reader {}: the reader is clear for the next citizen", id());
                }
                leftBehind = false;
                forgetPlacement();
            }
            return;
        }
        absentPolls = 0;
        if (!proceed(SamCommand.FIND_CARD, found) || cardOnReader || leftBehind) {
            return;
        }
        SamResponse select = link.exchange(SamCommand.SELECT_CARD);
        if (!proceed(SamCommand.SELECT_CARD, select.result().orElseThrow())) {
            return;
        }
        SamResponse read = link.exchange(SamCommand.READ_TEXT_PHOTO);
        if (!proceed(SamCommand.READ_TEXT_PHOTO, read.result().orElseThrow())) {
            return;
        }
        cardOnReader = true;
        failedAttempts = 0;
        failedPlacements = 0;
        if (status().status() == DeviceStatus.DEGRADED && status().detail() == DeviceStatusDetail.CARD_READ_ERROR) {
            setStatus(DeviceStatusInfo.online());
        }
        accept(read.payload());
    }

    /** Whether the card cycle goes on after this answer; throws for faults of the reader itself. */
    private boolean proceed(SamCommand command, SamResult result) throws DeviceException {
        return switch (result.category()) {
            case SUCCESS -> true;
            case NO_CARD, NO_CONTENT, BUSY -> false;
            case CARD -> {
                cardAttemptFailed(result);
                yield false;
            }
            case SAM, LINK, PROTOCOL -> throw samFault(command, result);
        };
    }

    private void cardAttemptFailed(SamResult result) {
        failedAttempts++;
        boolean authentication = result == SamResult.CARD_AUTHENTICATION_OF_SAM_FAILED
                || result == SamResult.SAM_AUTHENTICATION_OF_CARD_FAILED
                || result == SamResult.INFO_VERIFICATION_FAILED;
        if (!authentication && failedAttempts < ATTEMPTS_PER_PLACEMENT) {
            return; // the card may have been moved mid-read: try again on the next poll
        }
        cardOnReader = true;
        failedAttempts = 0;
        reject(new IdCardRejection(authentication ? IdCardRejection.Reason.CARD_AUTHENTICATION_FAILED
                : IdCardRejection.Reason.CARD_UNREADABLE, "reader answered " + result, ""));
        if (++failedPlacements >= FAILED_PLACEMENTS_FOR_DEGRADED && status().status() == DeviceStatus.ONLINE) {
            setStatus(DeviceStatusInfo.degraded(DeviceStatusDetail.CARD_READ_ERROR));
        }
    }

    private void accept(byte[] payload) {
        Optional<CardReadPayload> parts = CardReadPayload.parse(payload, false);
        if (parts.isEmpty()) {
            reject(IdCardRejection.of(IdCardRejection.Reason.MALFORMED_ANSWER,
                    "the read answer's length fields do not match its size"));
            return;
        }
        IdCardTextParser.Result result = IdCardTextParser.parse(parts.get().text(), parts.get().photo());
        if (result instanceof IdCardTextParser.Parsed parsed) {
            count(CARDS_READ);
            LOG.info("ID card reader {} read {}", id(), parsed.card());
            org.govkiosk.device.idcard.Nations.unknownCode(parsed.card().nation()).ifPresent(code -> LOG.warn(
                    "ID card reader {}: nation code {} is outside the GB 3304 table; read as unknown ({})", id(),
                    code, parsed.card()));
            publish(new DeviceEvent.IdCardRead(id(), context.clock().instant(), parsed.card()));
        } else if (result instanceof IdCardTextParser.Rejected rejected) {
            reject(rejected.rejection());
        }
    }

    private void reject(IdCardRejection rejection) {
        count(CARDS_REJECTED);
        lastRejection = new IdCardReaderStatistics.LastRejection(rejection, context.clock().instant());
        LOG.warn("ID card reader {} rejected a card: {}", id(), rejection);
        publish(new DeviceEvent.IdCardRejected(id(), context.clock().instant(), rejection));
    }

    private void forgetPlacement() {
        cardOnReader = false;
        absentPolls = 0;
        failedAttempts = 0;
    }

    private static DeviceException samFault(SamCommand command, SamResult result) {
        DeviceStatusDetail detail = result.isDeviceFault() ? result.statusDetail().orElseThrow()
                : DeviceStatusDetail.SAM_ERROR;
        return new DeviceException(DeviceException.Code.DEVICE_FAULT, detail,
                "the reader answered " + command + " with " + result);
    }

    @Override
    protected void onBytes(byte[] data) {
        link.onBytes(data);
    }

    @Override
    protected void onLinkLost() {
        link.reset();
    }

    @Override
    public void setReadingEnabled(boolean enabled) {
        if (enabled && !readingEnabled) {
            readingGeneration.incrementAndGet();
        }
        readingEnabled = enabled;
    }

    @Override
    public void requireNewPlacement() {
        leftBehind = true;
    }

    /** True until the reader has seen no card after {@link #requireNewPlacement()}. */
    public boolean waitsForCardTakenOff() {
        return leftBehind;
    }

    public boolean isReadingEnabled() {
        return readingEnabled;
    }

    /** Counters and the last rejection, for the maintenance screen. */
    public IdCardReaderStatistics statistics() {
        return new IdCardReaderStatistics(counted(CARDS_READ), counted(CARDS_REJECTED), link.frameErrors.get(),
                link.garbageBytes.get(), link.timeouts.get(), cardOnReader, Optional.ofNullable(samId),
                Optional.ofNullable(lastRejection));
    }

    @Override
    protected void onClose() {
        synchronized (this) {
            if (poller != null) {
                poller.cancel(false);
                poller = null;
            }
        }
        super.onClose();
    }
}
