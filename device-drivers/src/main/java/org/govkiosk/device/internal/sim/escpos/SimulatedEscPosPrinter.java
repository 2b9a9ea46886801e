package org.govkiosk.device.internal.sim.escpos;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.govkiosk.device.internal.codec.escpos.EscPosStreamParser;
import org.govkiosk.device.internal.codec.escpos.PrintedElement;
import org.govkiosk.device.internal.codec.escpos.PrinterCondition;
import org.govkiosk.device.internal.codec.escpos.StatusBitMap;
import org.govkiosk.device.internal.codec.escpos.StatusRequest;
import org.govkiosk.device.sim.DeviceSimulator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A thermal receipt printer. It reads the host's ESC/POS stream with the production {@link EscPosStreamParser},
 * keeps what it printed as one {@link PrintedDocument} per cut, and answers {@code DLE EOT n} with the status
 * bytes of its model's {@link StatusBitMap}. Device faults:
 * <ul>
 *   <li>{@code paper-near-end}: still prints, reports near end</li>
 *   <li>{@code paper-out}, {@code cover-open}, {@code cutter-error}, {@code offline}: stops printing at once;
 *       print data that arrives meanwhile is lost, as when a real printer's buffer is cleared on recovery</li>
 *   <li>{@code paper-out-mid-job}: the paper ends after {@link #linesBeforePaperEnd()} more lines; the part
 *       printed so far becomes a torn document and {@code paper-out} holds until cleared (a new roll)</li>
 * </ul>
 */
public final class SimulatedEscPosPrinter extends DeviceSimulator {

    public static final String PAPER_NEAR_END = "paper-near-end";
    public static final String PAPER_OUT = "paper-out";
    public static final String PAPER_OUT_MID_JOB = "paper-out-mid-job";
    public static final String COVER_OPEN = "cover-open";
    public static final String CUTTER_ERROR = "cutter-error";
    public static final String OFFLINE = "offline";
    public static final int DEFAULT_LINES_BEFORE_PAPER_END = 3;
    /**
     * Documents kept for {@link #printedDocuments()}: the most recent ones. A demo or training terminal prints on
     * its simulator for months; keeping every document grew the heap without end (found by the soak, issue 8).
     */
    public static final int KEPT_DOCUMENTS = 100;

    private static final Logger LOG = LoggerFactory.getLogger(SimulatedEscPosPrinter.class);

    private final StatusBitMap bitMap;
    private final Set<StatusRequest> answered;
    private final EscPosStreamParser parser;
    private final List<PrintedDocument> documents = new ArrayList<>();
    private final List<PrintedElement> current = new ArrayList<>();
    private volatile int linesBeforePaperEnd;
    private int linesSinceArmed;
    private long documentCount;

    /** A generic printer, standard mode at power-up. */
    public SimulatedEscPosPrinter() {
        this(StatusBitMap.generic(), false, DEFAULT_LINES_BEFORE_PAPER_END);
    }

    /**
     * @param bitMap where this model reports each condition
     * @param chineseModeAtStart whether it starts in Chinese (GB18030) mode, as many printers sold in China do
     */
    public SimulatedEscPosPrinter(StatusBitMap bitMap, boolean chineseModeAtStart, int linesBeforePaperEnd) {
        this(bitMap, chineseModeAtStart, linesBeforePaperEnd, EnumSet.allOf(StatusRequest.class));
    }

    /**
     * @param answered the {@code DLE EOT n} this model answers; the others it reads and ignores, as some clones
     *                 do with n=3
     */
    public SimulatedEscPosPrinter(StatusBitMap bitMap, boolean chineseModeAtStart, int linesBeforePaperEnd,
            Set<StatusRequest> answered) {
        this.answered = answered.isEmpty() ? EnumSet.noneOf(StatusRequest.class) : EnumSet.copyOf(answered);
        this.bitMap = bitMap;
        this.parser = new EscPosStreamParser(chineseModeAtStart);
        setLinesBeforePaperEnd(linesBeforePaperEnd);
    }

    @Override
    public String name() {
        return "escpos-printer";
    }

    @Override
    protected Set<String> deviceFaults() {
        return Set.of(PAPER_NEAR_END, PAPER_OUT, PAPER_OUT_MID_JOB, COVER_OPEN, CUTTER_ERROR, OFFLINE);
    }

    @Override
    protected void onBytes(byte[] data) {
        List<byte[]> answers = new ArrayList<>();
        synchronized (this) {
            for (PrintedElement e : parser.feed(data)) {
                handle(e, answers);
            }
        }
        // Outside the lock: on a real port a write can block.
        answers.forEach(this::send);
    }

    private void handle(PrintedElement e, List<byte[]> answers) {
        if (e instanceof PrintedElement.StatusQuery q) {
            if (answered.contains(q.request())) {
                answers.add(new byte[] {(byte) statusByte(q.request())});
            }
            return;
        }
        if (e instanceof PrintedElement.Unknown || e instanceof PrintedElement.Malformed) {
            LOG.warn("Simulator {} got a bad command: {}", name(), e);
        }
        if (!printing()) {
            return;
        }
        if (e instanceof PrintedElement.Cut) {
            keep(new PrintedDocument(current, false));
            current.clear();
            return;
        }
        current.add(e);
        if (e instanceof PrintedElement.TextLine && isActive(PAPER_OUT_MID_JOB)
                && ++linesSinceArmed >= linesBeforePaperEnd) {
            keep(new PrintedDocument(current, true));
            current.clear();
            clear(PAPER_OUT_MID_JOB);
            inject(PAPER_OUT);
        }
    }

    private void keep(PrintedDocument document) {
        documents.add(document);
        documentCount++;
        if (documents.size() > KEPT_DOCUMENTS) {
            documents.remove(0);
        }
    }

    @Override
    protected synchronized void onFaultsChanged() {
        if (!isActive(PAPER_OUT_MID_JOB)) {
            linesSinceArmed = 0;
        }
    }

    /** Whether print data is printed now; real-time status requests are answered in any state. */
    public boolean printing() {
        return !isActive(PAPER_OUT) && !isActive(COVER_OPEN) && !isActive(CUTTER_ERROR) && !isActive(OFFLINE);
    }

    /** The conditions the printer reports now. */
    public Set<PrinterCondition> conditions() {
        Set<PrinterCondition> c = EnumSet.noneOf(PrinterCondition.class);
        if (isActive(PAPER_NEAR_END)) {
            c.add(PrinterCondition.PAPER_NEAR_END);
        }
        if (isActive(PAPER_OUT)) {
            // Both sensors see it, and the printer stops.
            c.addAll(EnumSet.of(PrinterCondition.PAPER_OUT, PrinterCondition.PAPER_END_STOP,
                    PrinterCondition.PAPER_NEAR_END, PrinterCondition.OFFLINE));
        }
        if (isActive(COVER_OPEN)) {
            c.addAll(EnumSet.of(PrinterCondition.COVER_OPEN, PrinterCondition.OFFLINE));
        }
        if (isActive(CUTTER_ERROR)) {
            c.addAll(EnumSet.of(PrinterCondition.CUTTER_ERROR, PrinterCondition.ERROR, PrinterCondition.OFFLINE));
        }
        if (isActive(OFFLINE)) {
            c.add(PrinterCondition.OFFLINE);
        }
        return c;
    }

    /** Whether this model answers {@code DLE EOT n} at all. */
    public boolean answers(StatusRequest request) {
        return answered.contains(request);
    }

    /** The answer to {@code DLE EOT n} now. */
    public int statusByte(StatusRequest request) {
        return bitMap.encode(request, conditions());
    }

    /** The last {@link #KEPT_DOCUMENTS} documents cut (torn ones included), oldest first. */
    public synchronized List<PrintedDocument> printedDocuments() {
        return List.copyOf(documents);
    }

    /** How many documents were cut since power-up, all of them (not only those kept). */
    public synchronized long documentCount() {
        return documentCount;
    }

    public synchronized Optional<PrintedDocument> lastDocument() {
        return documents.isEmpty() ? Optional.empty() : Optional.of(documents.get(documents.size() - 1));
    }

    /** What has been printed since the last cut (still on the printer). */
    public synchronized List<PrintedElement> pendingElements() {
        return List.copyOf(current);
    }

    public int linesBeforePaperEnd() {
        return linesBeforePaperEnd;
    }

    public void setLinesBeforePaperEnd(int lines) {
        if (lines < 1) {
            throw new IllegalArgumentException("lines before paper end must be at least 1, was " + lines);
        }
        this.linesBeforePaperEnd = lines;
    }

    /**
     * Console: {@code printed}, {@code last}, {@code qr} (the last document's QR payloads as the printer decoded them
     * from the stream, one per line: what a citizen would scan), {@code status}, {@code lines-before-paper-end N}.
     */
    @Override
    protected String deviceCommand(String[] words) {
        switch (words[0].toLowerCase(Locale.ROOT)) {
            case "printed": {
                List<PrintedDocument> docs = printedDocuments();
                return docs.size() + " documents" + lastDocument().map(d -> "; last: " + d.lines().size()
                        + " lines, " + d.qrPayloads().size() + " QR codes" + (d.torn() ? ", torn" : "")).orElse("");
            }
            case "last":
                return lastDocument().map(d -> String.join(" | ", d.lines())).orElse("nothing printed");
            case "qr":
                return lastDocument().map(d -> String.join("\n", d.qrPayloads())).orElse("nothing printed");
            case "status": {
                StringBuilder sb = new StringBuilder("ok");
                for (StatusRequest r : StatusRequest.values()) {
                    sb.append(String.format(Locale.ROOT, " n%d=0x%02X", r.n(), statusByte(r)));
                }
                return sb.append(' ').append(conditions()).toString();
            }
            case "lines-before-paper-end":
                if (words.length < 2) {
                    return "error 'lines-before-paper-end' needs a number";
                }
                try {
                    setLinesBeforePaperEnd(Integer.parseInt(words[1]));
                    return "ok " + linesBeforePaperEnd;
                } catch (NumberFormatException e) {
                    return "error '" + words[1] + "' is not a number";
                }
            default:
                return super.deviceCommand(words);
        }
    }
}
