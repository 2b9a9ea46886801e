package org.govkiosk.device.internal.sim.idcard;

import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.govkiosk.device.internal.codec.idcard.CardReadPayload;
import org.govkiosk.device.internal.codec.idcard.Decoded;
import org.govkiosk.device.internal.codec.idcard.FrameError;
import org.govkiosk.device.internal.codec.idcard.IdCardFrameDecoder;
import org.govkiosk.device.internal.codec.idcard.IdCardFrameEncoder;
import org.govkiosk.device.internal.codec.idcard.SamCommand;
import org.govkiosk.device.internal.codec.idcard.SamFrame;
import org.govkiosk.device.internal.codec.idcard.SamId;
import org.govkiosk.device.internal.codec.idcard.SamRequest;
import org.govkiosk.device.internal.codec.idcard.SamResult;
import org.govkiosk.device.sim.DeviceSimulator;

/**
 * A second-generation ID card reader with its SAM, answering every command with real frames built by the
 * production encoder. Cards come from properties resources ({@link SimulatedCard#load}) and are placed and
 * removed by console command ({@code card place NAME}, {@code card remove}, {@code cards}; {@code received
 * FIND_CARD} counts the frames of a command) or by API.
 * Device faults: {@code sam-error} (the SAM fails its self-test and answers every command with 0x60) and
 * {@code bad-checksum} (every answer's checksum is wrong), {@code card-auth-failed} (the SAM does not accept the
 * card on the reader: reads answer 0x32), {@code truncated-read} (every card read answer stops after its first
 * {@value #TRUNCATED_READ_BYTES} bytes, as from a reader whose line drops mid-answer), besides the common ones.
 */
public final class SimulatedIdCardReader extends DeviceSimulator {

    public static final String DEMO_CARDS = "/org/govkiosk/device/sim/idcard/demo-cards.properties";
    public static final String SAM_ERROR = "sam-error";
    public static final String BAD_CHECKSUM = "bad-checksum";
    public static final String CARD_AUTH_FAILED = "card-auth-failed";
    public static final String TRUNCATED_READ = "truncated-read";
    public static final int TRUNCATED_READ_BYTES = 700;
    private static final byte[] DEFAULT_SAM_ID = "SIM-SAM-00000001".getBytes(StandardCharsets.US_ASCII);

    private final IdCardFrameDecoder decoder = new IdCardFrameDecoder();
    private final Map<String, SimulatedCard> cards;
    private final SamId samId;
    private final Map<SamCommand, AtomicInteger> received = new EnumMap<>(SamCommand.class);
    private final Object cardLock = new Object();
    private SimulatedCard placed;
    private boolean selected;
    private boolean halted;
    private volatile boolean haltAfterRead;

    public SimulatedIdCardReader(Map<String, SimulatedCard> cards) {
        this(cards, new SamId(DEFAULT_SAM_ID));
    }

    public SimulatedIdCardReader(Map<String, SimulatedCard> cards, SamId samId) {
        this.cards = new LinkedHashMap<>(cards);
        this.samId = samId;
        for (SamCommand c : SamCommand.values()) {
            received.put(c, new AtomicInteger());
        }
    }

    /** A reader holding the demo's fictional cards. */
    public static SimulatedIdCardReader withDemoCards() {
        return new SimulatedIdCardReader(SimulatedCard.load(DEMO_CARDS));
    }

    @Override
    public String name() {
        return "id-card-reader";
    }

    @Override
    protected Set<String> deviceFaults() {
        return Set.of(SAM_ERROR, BAD_CHECKSUM, CARD_AUTH_FAILED, TRUNCATED_READ);
    }

    public Set<String> cardNames() {
        return Set.copyOf(cards.keySet());
    }

    /** Puts a card on the reader, replacing any card there (a new placement either way). */
    public void place(String key) {
        SimulatedCard card = cards.get(key);
        if (card == null) {
            throw new IllegalArgumentException("no card '" + key + "'; known: " + cards.keySet());
        }
        synchronized (cardLock) {
            placed = card;
            selected = false;
            halted = false;
        }
    }

    public void remove() {
        synchronized (cardLock) {
            placed = null;
            selected = false;
            halted = false;
        }
    }

    /**
     * Some readers halt a card once it has been read: finding it fails until it is taken off and put back. The
     * driver must publish one read per placement with either kind of reader.
     */
    public void setHaltAfterRead(boolean halt) {
        this.haltAfterRead = halt;
    }

    public SamId samId() {
        return samId;
    }

    /** How many frames of this command the reader has received, for tests that wait for the driver's polls. */
    public int received(SamCommand command) {
        return received.get(command).get();
    }

    @Override
    protected void onBytes(byte[] data) {
        for (Decoded d : decoder.feed(data)) {
            if (d instanceof SamFrame frame) {
                answer(SamRequest.of(frame).flatMap(SamRequest::command).orElse(null));
            } else if (d instanceof FrameError e && e.kind() == FrameError.Kind.CHECKSUM) {
                reply(SamResult.CHECKSUM_ERROR, new byte[0]);
            } else if (d instanceof FrameError e && e.kind() == FrameError.Kind.LENGTH) {
                reply(SamResult.LENGTH_ERROR, new byte[0]);
            }
        }
    }

    private void answer(SamCommand command) {
        if (command == null) {
            reply(SamResult.COMMAND_ERROR, new byte[0]);
            return;
        }
        received.get(command).incrementAndGet();
        if (isActive(SAM_ERROR)) {
            reply(SamResult.SAM_SELF_TEST_FAILED, new byte[0]);
            return;
        }
        switch (command) {
            case RESET_SAM, SAM_STATUS -> reply(SamResult.SUCCESS, new byte[0]);
            case READ_SAM_ID -> reply(SamResult.SUCCESS, samId.bytes());
            case FIND_CARD -> find();
            case SELECT_CARD -> select();
            case READ_TEXT_PHOTO, READ_TEXT_PHOTO_FINGERPRINT -> read(command == SamCommand.READ_TEXT_PHOTO_FINGERPRINT);
            case READ_NEWEST_ADDRESS -> newestAddress();
        }
    }

    private void find() {
        boolean found;
        synchronized (cardLock) {
            found = placed != null && !halted;
        }
        // Real readers send four zero bytes after a successful find.
        reply(found ? SamResult.FIND_SUCCESS : SamResult.NO_CARD, found ? new byte[4] : new byte[0]);
    }

    private void select() {
        boolean ok;
        synchronized (cardLock) {
            ok = placed != null && !halted;
            selected = ok;
        }
        reply(ok ? SamResult.SUCCESS : SamResult.SELECT_FAILED, ok ? new byte[8] : new byte[0]);
    }

    private void read(boolean withFingerprint) {
        SimulatedCard card;
        synchronized (cardLock) {
            card = placed != null && selected ? placed : null;
            if (card != null && haltAfterRead) {
                halted = true;
                selected = false;
            }
        }
        if (card == null) {
            reply(SamResult.READ_FAILED, new byte[0]);
            return;
        }
        if (isActive(CARD_AUTH_FAILED)) {
            reply(SamResult.SAM_AUTHENTICATION_OF_CARD_FAILED, new byte[0]);
            return;
        }
        // A card without fingerprint data answers with a zero fingerprint length.
        byte[] fingerprint = withFingerprint ? card.fingerprint() : new byte[0];
        byte[] payload = new CardReadPayload(card.text(), card.photo(), fingerprint).encode(withFingerprint);
        if (isActive(TRUNCATED_READ)) {
            byte[] frame = IdCardFrameEncoder.response(SamResult.SUCCESS, payload);
            send(java.util.Arrays.copyOf(frame, Math.min(frame.length, TRUNCATED_READ_BYTES)));
            return;
        }
        reply(SamResult.SUCCESS, payload);
    }

    private void newestAddress() {
        SimulatedCard card;
        synchronized (cardLock) {
            card = placed != null && selected ? placed : null;
        }
        if (card == null) {
            reply(SamResult.READ_FAILED, new byte[0]);
        } else if (card.newestAddress() == null) {
            reply(SamResult.NO_CONTENT, new byte[0]);
        } else {
            byte[] address = new byte[70];
            byte[] text = (card.newestAddress() + " ".repeat(35)).getBytes(StandardCharsets.UTF_16LE);
            System.arraycopy(text, 0, address, 0, address.length);
            reply(SamResult.SUCCESS, address);
        }
    }

    private void reply(SamResult result, byte[] payload) {
        byte[] frame = IdCardFrameEncoder.response(result, payload);
        if (isActive(BAD_CHECKSUM)) {
            frame[frame.length - 1] ^= 0x5A;
        }
        send(frame);
    }

    @Override
    protected String deviceCommand(String[] words) {
        String first = words[0].toLowerCase(java.util.Locale.ROOT);
        if (first.equals("cards")) {
            return "cards " + cards.keySet();
        }
        if (first.equals("card") && words.length == 2 && words[1].equalsIgnoreCase("remove")) {
            remove();
            return "ok removed";
        }
        if (first.equals("card") && words.length == 3 && words[1].equalsIgnoreCase("place")) {
            place(words[2]);
            return "ok placed " + words[2];
        }
        if (first.equals("received") && words.length == 2) {
            // How often the terminal asked, e.g. "received FIND_CARD": shows that it polls (and reads) or not.
            try {
                return "received " + received(SamCommand.valueOf(words[1].toUpperCase(java.util.Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                return "error no command " + words[1] + "; one of " + received.keySet();
            }
        }
        if (first.equals("card")) {
            return "error usage: card place NAME | card remove";
        }
        return super.deviceCommand(words);
    }
}
