package org.govkiosk.device.internal.codec.escpos;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;

/**
 * The text of the line being printed. Bytes are kept until the character mode changes or the line ends, then
 * decoded with the mode they were sent in: GB18030 in Chinese mode ({@code FS &}), else the code page.
 */
final class LineAssembler {

    private static final Charset GB18030 = Charset.forName("GB18030");

    private final boolean chineseModeAtStart;
    private final Charset defaultCodePage;
    private final ByteArrayOutputStream segment = new ByteArrayOutputStream();
    private final StringBuilder line = new StringBuilder();
    private boolean chineseMode;
    private Charset codePage;

    LineAssembler(boolean chineseModeAtStart, Charset defaultCodePage) {
        this.chineseModeAtStart = chineseModeAtStart;
        this.defaultCodePage = defaultCodePage;
        reset();
    }

    void append(byte[] bytes) {
        segment.writeBytes(bytes);
    }

    int size() {
        return segment.size() + line.length();
    }

    boolean hasText() {
        return size() > 0;
    }

    boolean chineseMode() {
        return chineseMode;
    }

    void chineseMode(boolean on) {
        decodeSegment();
        chineseMode = on;
    }

    void codePage(Charset charset) {
        decodeSegment();
        codePage = charset;
    }

    /** {@code ESC @}: unprinted text is dropped and the power-on modes return. */
    void reset() {
        segment.reset();
        line.setLength(0);
        chineseMode = chineseModeAtStart;
        codePage = defaultCodePage;
    }

    /** The line so far, which then starts afresh. */
    String take() {
        decodeSegment();
        String text = line.toString();
        line.setLength(0);
        return text;
    }

    private void decodeSegment() {
        if (segment.size() > 0) {
            line.append(new String(segment.toByteArray(), chineseMode ? GB18030 : codePage));
            segment.reset();
        }
    }
}
