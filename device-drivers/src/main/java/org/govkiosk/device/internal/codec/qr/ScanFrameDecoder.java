package org.govkiosk.device.internal.codec.qr;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Turns a scan engine's byte stream into {@link ScanResult}s, whatever the chunking. A scan ends at the
 * configured terminator (or at {@link #flush()} for {@link ScanFrameConfig.Terminator#NONE}); an AIM symbology
 * identifier ("]Q1") is stripped when configured; the payload is decoded strictly, so a wrong charset shows as
 * an error instead of mojibake reaching a verification service. Over-long input yields one
 * {@link ScanResult.FrameError} and decoding resumes after the next terminator. Empty scans are ignored.
 * The terminators tolerate CRLF either way: in LF mode a trailing CR is dropped, in CR mode the LF after a CR.
 * Not thread-safe.
 */
public final class ScanFrameDecoder {

    private static final Charset GB18030 = Charset.forName("GB18030");

    private final ScanFrameConfig config;
    private final int maxFrameBytes;
    private final ByteArrayOutputStream frame = new ByteArrayOutputStream();
    private boolean skipping;
    private boolean afterCr;

    public ScanFrameDecoder(ScanFrameConfig config) {
        this.config = Objects.requireNonNull(config);
        boolean crMayPrecede = config.terminator() == ScanFrameConfig.Terminator.LF
                || config.terminator() == ScanFrameConfig.Terminator.CRLF;
        this.maxFrameBytes = config.maxLength() + (crMayPrecede ? 1 : 0);
    }

    public ScanFrameConfig config() {
        return config;
    }

    public List<ScanResult> feed(byte[] data) {
        List<ScanResult> out = new ArrayList<>();
        for (byte b : data) {
            accept(b, out);
        }
        return out;
    }

    /** Ends the pending scan now; the driver calls it after an inter-byte gap when there is no terminator. */
    public List<ScanResult> flush() {
        List<ScanResult> out = new ArrayList<>();
        endFrame(out);
        return out;
    }

    /** Whether bytes of an unfinished scan are held. */
    public boolean hasPending() {
        return frame.size() > 0 || skipping;
    }

    /** Drops any unfinished scan, e.g. after the link was lost. */
    public void reset() {
        frame.reset();
        skipping = false;
        afterCr = false;
    }

    private void accept(byte b, List<ScanResult> out) {
        boolean secondHalfOfCrLf = afterCr && b == '\n';
        afterCr = false;
        if (secondHalfOfCrLf) {
            return;
        }
        if (isTerminator(b)) {
            afterCr = config.terminator() == ScanFrameConfig.Terminator.CR;
            endFrame(out);
            return;
        }
        if (skipping) {
            return;
        }
        if (frame.size() >= maxFrameBytes) {
            out.add(new ScanResult.FrameError(ScanResult.Reason.TOO_LONG, frame.size() + 1));
            frame.reset();
            skipping = true;
            return;
        }
        frame.write(b);
    }

    private boolean isTerminator(byte b) {
        return switch (config.terminator()) {
            case CR -> b == '\r';
            case LF, CRLF -> b == '\n';
            case TAB -> b == '\t';
            case NONE -> false;
        };
    }

    private void endFrame(List<ScanResult> out) {
        byte[] bytes = frame.toByteArray();
        frame.reset();
        if (skipping) {
            skipping = false;
            return;
        }
        int len = bytes.length;
        if (len > 0 && bytes[len - 1] == '\r' && config.terminator() != ScanFrameConfig.Terminator.CR) {
            len--;
        }
        decode(bytes, len).ifPresent(out::add);
    }

    private Optional<ScanResult> decode(byte[] bytes, int len) {
        int start = 0;
        String symbology = "";
        if (config.aimPrefix() && len >= 3 && bytes[0] == ']' && isAsciiLetter(bytes[1]) && isAsciiAlnum(bytes[2])) {
            symbology = new String(bytes, 1, 2, StandardCharsets.US_ASCII);
            start = 3;
        }
        if (len == start) {
            return Optional.empty();
        }
        ByteBuffer body = ByteBuffer.wrap(bytes, start, len - start);
        Optional<String> text = switch (config.charset()) {
            case UTF_8 -> strict(StandardCharsets.UTF_8, body);
            case GB18030 -> strict(GB18030, body);
            case AUTO -> strict(StandardCharsets.UTF_8, body.duplicate()).or(() -> strict(GB18030, body));
        };
        String symbologyId = symbology;
        return Optional.of(text.<ScanResult>map(t -> new ScanResult.Scanned(t, symbologyId))
                .orElse(new ScanResult.FrameError(ScanResult.Reason.MALFORMED_TEXT, len)));
    }

    private static Optional<String> strict(Charset charset, ByteBuffer bytes) {
        try {
            return Optional.of(charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(bytes).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    private static boolean isAsciiLetter(byte b) {
        return (b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z');
    }

    private static boolean isAsciiAlnum(byte b) {
        return isAsciiLetter(b) || (b >= '0' && b <= '9');
    }
}
