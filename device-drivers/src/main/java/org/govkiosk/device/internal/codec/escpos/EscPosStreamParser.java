package org.govkiosk.device.internal.codec.escpos;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a raw ESC/POS byte stream back into what a printer would do with it ({@link PrintedElement}s): the
 * simulator's "paper" and the tests' way to check a rendered receipt. A state machine over chunks of any size:
 * {@link #feed(byte[])} returns the elements completed so far and keeps a partial command for the next chunk;
 * {@link #finish()} reports what is left. Unknown and malformed commands become elements, never exceptions.
 * Not thread-safe.
 */
public final class EscPosStreamParser {

    /** The longest command accepted; a command declaring more is malformed (its header is skipped). */
    public static final int MAX_COMMAND_BYTES = 1 << 20;

    private static final int MAX_LINE_BYTES = 4096;
    /** What a command handler returns when the command's bytes are not all there yet. */
    static final int NEED_MORE = -1;
    private static final int MAX_PARAMS = 16;
    private static final Charset DEFAULT_CODE_PAGE = EscPosCommandTable.codePage(0).orElse(StandardCharsets.ISO_8859_1);

    private final StreamWindow in = new StreamWindow();
    private final LineAssembler line;
    private final QrSymbolStorage qr = new QrSymbolStorage();
    private final GraphicsCommands graphics = new GraphicsCommands(in, this);
    private List<PrintedElement> out = new ArrayList<>();

    /** A printer that starts in ESC/POS standard mode: code page 437, Chinese mode off. */
    public EscPosStreamParser() {
        this(false, DEFAULT_CODE_PAGE);
    }

    /** A printer with code page 437 that starts with Chinese mode on or off. */
    public EscPosStreamParser(boolean chineseModeAtStart) {
        this(chineseModeAtStart, DEFAULT_CODE_PAGE);
    }

    /** @param chineseModeAtStart whether the printer starts in Chinese (GB18030) mode, as many sold in China do */
    public EscPosStreamParser(boolean chineseModeAtStart, Charset defaultCodePage) {
        this.line = new LineAssembler(chineseModeAtStart, defaultCodePage);
    }

    /** Parses a whole stream, end included. */
    public static List<PrintedElement> parse(byte[] stream) {
        EscPosStreamParser parser = new EscPosStreamParser();
        List<PrintedElement> all = new ArrayList<>(parser.feed(stream));
        all.addAll(parser.finish());
        return all;
    }

    /**
     * One step of a stream: {@code length} bytes from {@code offset} (a text run, a control byte or one whole
     * command) and what they did; {@code text} for a run of printable bytes in {@code chineseMode} or not.
     */
    public record Span(int offset, int length, boolean text, boolean chineseMode, List<PrintedElement> elements) {
        public Span {
            elements = List.copyOf(elements);
        }
    }

    /**
     * A whole stream cut into its steps, in order, covering every byte (a command cut off by the end is the last
     * span, its element {@link PrintedElement.Malformed}): what a filter needs to rewrite one kind of step and
     * pass every other byte through unchanged.
     */
    public static List<Span> spans(byte[] stream, boolean chineseModeAtStart) {
        EscPosStreamParser parser = new EscPosStreamParser(chineseModeAtStart);
        parser.spans = new ArrayList<>();
        parser.feed(stream);
        int covered = parser.spans.stream().mapToInt(Span::length).sum();
        if (covered < stream.length) {
            parser.spans.add(new Span(covered, stream.length - covered, false, parser.line.chineseMode(),
                    parser.finish()));
        }
        return parser.spans;
    }

    private List<Span> spans;

    /** The elements the bytes so far complete, in stream order. */
    public List<PrintedElement> feed(byte[] data) {
        in.append(data);
        out = new ArrayList<>();
        while (in.avail() > 0) {
            int before = out.size();
            boolean text = isText(in.at(0));
            boolean chinese = line.chineseMode();
            int used = step();
            if (used == NEED_MORE) {
                break;
            }
            if (spans != null) {
                spans.add(new Span((int) in.offset(), used, text, chinese, out.subList(before, out.size())));
            }
            in.consume(used);
        }
        in.compact();
        return out;
    }

    /** Ends the stream: a command cut off is {@link PrintedElement.Malformed}, unprinted text is pending. */
    public List<PrintedElement> finish() {
        out = new ArrayList<>();
        if (in.avail() > 0) {
            // Text and one-byte controls are always consumed: what is left is a command waiting for its bytes.
            out.add(new PrintedElement.Malformed(in.offset(), "stream ends inside a command", in.hex(in.avail())));
            in.consume(in.avail());
            in.compact();
        }
        if (line.hasText()) {
            out.add(new PrintedElement.PendingText(line.take()));
        }
        return out;
    }

    private int step() {
        int b = in.at(0);
        if (isText(b)) {
            return text();
        }
        switch (b) {
            case 0x0A:
                out.add(new PrintedElement.TextLine(line.take()));
                return 1;
            case 0x0D:
            case 0x00:
                return 1; // CR: the LF prints; NUL: padding some drivers send
            case 0x0C:
                flushLine();
                return fixed("FF", 1);
            case 0x18:
                return fixed("CAN", 1);
            case 0x10:
                return dle();
            case 0x1B:
                return esc();
            case 0x1C:
                return fs();
            case 0x1D:
                return gs();
            default:
                return unknown(1);
        }
    }

    private static boolean isText(int b) {
        return b >= 0x20 || b == 0x09;
    }

    private int text() {
        int n = in.run(EscPosStreamParser::isText);
        line.append(in.copy(0, n));
        if (line.size() > MAX_LINE_BYTES) {
            out.add(new PrintedElement.TextLine(line.take())); // a runaway line: the printer would have wrapped
        }
        return n;
    }

    private int dle() {
        if (in.avail() < 3) {
            return NEED_MORE;
        }
        int c = in.at(1);
        int n = in.at(2);
        if (c == 0x04) {
            var request = StatusRequest.of(n);
            if (request.isPresent()) {
                out.add(new PrintedElement.StatusQuery(request.get()));
                return 3;
            }
            return n == 7 || n == 8 ? fixed("DLE EOT", 4)
                    : malformed("DLE EOT: n must be 1..4, 7 or 8, got " + n, 3);
        }
        if (c == 0x05) {
            return fixed("DLE ENQ", 3);
        }
        if (c == 0x14) {
            int len = switch (n) {
                case 1, 2, 3 -> 5;
                case 7 -> 4;
                case 8 -> 10;
                default -> 0;
            };
            return len == 0 ? malformed("DLE DC4: unknown function " + n, 3) : fixed("DLE DC4", len);
        }
        return unknown(1); // skip only DLE: the next byte may start something valid
    }

    private int esc() {
        if (in.avail() < 2) {
            return NEED_MORE;
        }
        int c = in.at(1);
        switch (c) {
            case '@':
                line.reset();
                out.add(new PrintedElement.Initialize());
                return 2;
            case 't':
                return selectCodePage();
            case 'd':
            case 'J':
                if (in.avail() < 3) {
                    return NEED_MORE;
                }
                flushLine(); // "print and feed": the buffer prints
                return fixed("ESC " + (char) c, 3);
            case 'i':
            case 'm':
                flushLine();
                out.add(new PrintedElement.Cut(true));
                return 2;
            case 'D':
                return untilNul("ESC D", 35);
            case '*':
                return graphics.bitImage();
            case '&':
                return graphics.userDefinedCharacters();
            case '(':
                return lengthPrefixed("ESC (");
            default:
                return fromTable(EscPosCommandTable.ESC, "ESC", c);
        }
    }

    private int fs() {
        if (in.avail() < 2) {
            return NEED_MORE;
        }
        int c = in.at(1);
        if (c == '&' || c == '.') {
            line.chineseMode(c == '&'); // text before the switch keeps its encoding
            return fixed("FS " + (char) c, 2);
        }
        return c == '(' ? lengthPrefixed("FS (") : fromTable(EscPosCommandTable.FS, "FS", c);
    }

    private int gs() {
        if (in.avail() < 2) {
            return NEED_MORE;
        }
        int c = in.at(1);
        switch (c) {
            case 'V':
                return cut();
            case 'v':
                return graphics.raster();
            case 'k':
                return barcode();
            case '(':
                return lengthPrefixed("GS (");
            case '8':
                return graphics.graphics32();
            case '*':
                return in.avail() < 4 ? NEED_MORE : fixed("GS *", 4 + in.at(2) * in.at(3) * 8);
            default:
                return fromTable(EscPosCommandTable.GS, "GS", c);
        }
    }

    private int selectCodePage() {
        if (in.avail() < 3) {
            return NEED_MORE;
        }
        var page = EscPosCommandTable.codePage(in.at(2));
        if (page.isEmpty()) {
            return unknown(3);
        }
        line.codePage(page.get());
        return fixed("ESC t", 3);
    }

    private int cut() {
        if (in.avail() < 3) {
            return NEED_MORE;
        }
        int m = in.at(2);
        int len = switch (m) {
            case 0, 48, 1, 49 -> 3;
            case 65, 97, 103, 66, 98, 104 -> 4;
            default -> 0;
        };
        if (len == 0) {
            return malformed("GS V: unknown cut mode " + m, 3);
        }
        if (in.avail() < len) {
            return NEED_MORE;
        }
        flushLine();
        out.add(new PrintedElement.Cut(m == 1 || m == 49 || m == 66 || m == 98 || m == 104));
        return len;
    }

    private int barcode() {
        if (in.avail() < 3) {
            return NEED_MORE;
        }
        int m = in.at(2);
        if (m <= 6) {
            int limit = Math.min(in.avail(), 3 + 256);
            for (int i = 3; i < limit; i++) {
                if (in.at(i) == 0) {
                    out.add(new PrintedElement.Barcode(m, in.string(3, i - 3, StandardCharsets.ISO_8859_1)));
                    return i + 1;
                }
            }
            return in.avail() < 3 + 256 ? NEED_MORE : malformed("GS k: no NUL within 255 bytes", 3);
        }
        if (m >= 65 && m <= 79) {
            if (in.avail() < 4 || in.avail() < 4 + in.at(3)) {
                return NEED_MORE;
            }
            out.add(new PrintedElement.Barcode(m, in.string(4, in.at(3), StandardCharsets.ISO_8859_1)));
            return 4 + in.at(3);
        }
        return malformed("GS k: unknown barcode system " + m, 3);
    }

    /** {@code XX ( fn pL pH d1..dk}, the common shape of the newer commands; {@code GS ( k} holds the QR code. */
    private int lengthPrefixed(String prefix) {
        if (in.avail() < 5) {
            return NEED_MORE;
        }
        int fn = in.at(2);
        int len = in.at(3) + in.at(4) * 256;
        if (in.avail() < 5 + len) {
            return NEED_MORE;
        }
        if (prefix.equals("GS (") && fn == 'k') {
            symbol(len);
        } else {
            out.add(command(prefix + " " + printable(fn), 5, len));
        }
        return 5 + len;
    }

    /** {@code GS ( k pL pH cn fn ...}: cn 49 is QR; other symbols are recorded as commands. */
    private void symbol(int len) {
        if (len < 2) {
            out.add(new PrintedElement.Malformed(in.offset(), "GS ( k: fewer than 2 parameter bytes", in.hex(5 + len)));
            return;
        }
        int cn = in.at(5);
        int fn = in.at(6);
        if (cn != 49) {
            out.add(command("GS ( k", 5, len));
            return;
        }
        var result = qr.apply(fn, in.copy(7, len - 2));
        if (result.isEmpty()) {
            if (fn != 80) {
                out.add(command("GS ( k", 5, len)); // a setting; storing data prints nothing yet
            }
        } else if (result.get() instanceof QrSymbolStorage.Result.Printed printed) {
            out.add(printed.code());
        } else if (result.get() instanceof QrSymbolStorage.Result.Problem problem) {
            out.add(new PrintedElement.Malformed(in.offset(), problem.reason(), in.hex(5 + len)));
        }
    }

    private int untilNul(String name, int maxTotal) {
        int limit = Math.min(in.avail(), maxTotal);
        for (int i = 2; i < limit; i++) {
            if (in.at(i) == 0) {
                return fixed(name, i + 1);
            }
        }
        return in.avail() < maxTotal ? NEED_MORE : malformed(name + ": no NUL within " + maxTotal + " bytes", 2);
    }

    private int fromTable(Map<Integer, Integer> table, String prefix, int c) {
        Integer len = table.get(c);
        return len == null ? unknown(2) : fixed(prefix + " " + printable(c), len);
    }

    void add(PrintedElement element) {
        out.add(element);
    }

    /** Records a command of {@code len} bytes once they are all there; params follow the name's bytes. */
    int fixed(String name, int len) {
        if (in.avail() < len) {
            return NEED_MORE;
        }
        int nameBytes = name.split(" ").length;
        out.add(command(name, nameBytes, len - nameBytes));
        return len;
    }

    int unknown(int skip) {
        out.add(new PrintedElement.Unknown(in.offset(), in.hex(skip)));
        return skip;
    }

    int malformed(String reason, int skip) {
        out.add(new PrintedElement.Malformed(in.offset(), reason, in.hex(skip)));
        return skip;
    }

    private PrintedElement.Command command(String name, int from, int count) {
        List<Integer> params = new ArrayList<>();
        for (int i = 0; i < Math.min(count, MAX_PARAMS); i++) {
            params.add(in.at(from + i));
        }
        return new PrintedElement.Command(name, params);
    }

    private void flushLine() {
        if (line.hasText()) {
            out.add(new PrintedElement.TextLine(line.take()));
        }
    }

    private static String printable(int c) {
        return c > 0x20 && c < 0x7F ? String.valueOf((char) c) : String.format(Locale.ROOT, "0x%02X", c);
    }
}
